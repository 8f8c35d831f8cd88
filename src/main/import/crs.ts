import proj4 from 'proj4'
import type { Converter } from 'proj4'
import { epsgRecord } from './epsg-registry'
import { ImportError } from './import-error'
import { showValue } from '../../shared/text/bounded'

/**
 * proj4 itself knows EPSG:4326, 4269, 3857 and the WGS84 UTM zones; every other code (State Plane
 * in metres and US feet, NAD83(2011), UTM on NAD83, …) comes from the EPSG registry, read when a
 * file or the user first names it.
 */
function defineFromRegistry(code: string, file: string, origin: string): void {
  const record = epsgRecord(Number(code.slice('EPSG:'.length)))
  if (!record) {
    throw new ImportError(
      'unknown-crs',
      `${file}: ${origin} ${showValue(code)} is not a coordinate system this app knows (it is not in the EPSG registry); check the code, or choose the coordinate system by its proj4 definition or WKT instead`,
      { file },
    )
  }
  const what = `${code} (${showValue(record.name)})`
  if (!MAP_KINDS.has(record.kind)) {
    throw new ImportError(
      'unknown-crs',
      `${file}: ${origin} ${what} is ${KIND_WORDS[record.kind] ?? 'not a coordinate system of map positions'}; choose the projected or geographic system the coordinates are in`,
      { file },
    )
  }
  if (!record.proj4) {
    throw new ImportError(
      'unknown-crs',
      `${file}: ${origin} ${what} has no definition in the EPSG registry this app can compute with; choose the coordinate system by its proj4 definition or WKT instead`,
      { file },
    )
  }
  proj4.defs(code, record.proj4)
}

/** Registry kinds whose first two coordinates are positions on a map (a compound system's height is dropped on import anyway). */
const MAP_KINDS = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS', 'CRS-GEOG3DCRS', 'CRS-COMPOUNDCRS'])
const KIND_WORDS: Record<string, string> = {
  'CRS-VERTCRS': 'a vertical (height) coordinate system, not one of map positions',
  'CRS-GCENCRS': 'an Earth-centered (geocentric X, Y, Z) coordinate system, not one of map positions',
  'CRS-ENGCRS': 'a local engineering coordinate system that is not tied to the Earth',
}

/** Codes whose coordinates already are lon/lat on (practically) the WGS84 datum. */
const LON_LAT_CODES = new Set(['EPSG:4326', 'OGC:CRS84', 'EPSG:4269', 'EPSG:4979'])

export interface ResolvedCrs {
  /** Short name for messages and ParsedLayer.crs. */
  label: string
  /** Source coordinates → WGS84 lon/lat; null when the source already is lon/lat. */
  toLonLat: ((xy: [number, number]) => [number, number]) | null
}

const WKT_START = /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS|COMPOUNDCRS|BOUNDCRS|PROJECTEDCRS)\s*\[/i

/** 'EPSG:2227', 'epsg:2227', '2227', 'urn:ogc:def:crs:EPSG::2227', 'http://www.opengis.net/def/crs/EPSG/0/2227' → 'EPSG:2227'. */
export function epsgCodeOf(name: string): string | null {
  const s = name.trim()
  if (/CRS84$/i.test(s)) return 'OGC:CRS84'
  const m =
    /^(?:EPSG:{1,2})?(\d{4,6})$/i.exec(s) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d{4,6})$/i.exec(s) ??
    /opengis\.net\/def\/crs\/EPSG\/[\d.]+\/(\d{4,6})$/i.exec(s)
  return m ? `EPSG:${m[1]}` : null
}

function wktName(wkt: string): string {
  const m = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)
  return m?.[1] || 'WKT coordinate system'
}

/** Turns an EPSG code, proj4 string or WKT into a converter to WGS84, or refuses naming the file. */
export function resolveCrs(spec: string, file: string, origin: string): ResolvedCrs {
  const code = epsgCodeOf(spec)
  if (code) {
    if (LON_LAT_CODES.has(code)) return { label: code, toLonLat: null }
    if (!proj4.defs(code)) defineFromRegistry(code, file, origin)
    const conv = proj4(code, 'EPSG:4326')
    return { label: code, toLonLat: (xy) => conv.forward(xy) as [number, number] }
  }
  const isWkt = WKT_START.test(spec)
  const isProj4 = /^\s*\+proj=/.test(spec)
  if (!isWkt && !isProj4) {
    throw new ImportError(
      'unknown-crs',
      `${file}: ${origin} '${showValue(spec, 80)}' is neither an EPSG code, a proj4 definition nor WKT`,
      { file },
    )
  }
  let conv: Converter
  try {
    conv = proj4(spec, 'EPSG:4326')
  } catch (e) {
    throw new ImportError(
      'unknown-crs',
      `${file}: ${origin} could not be read (${showValue((e as Error).message)}); choose the coordinate system by its EPSG code`,
      { file },
    )
  }
  const label = isWkt ? wktName(spec) : spec.trim()
  return { label, toLonLat: (xy) => conv.forward(xy) as [number, number] }
}
