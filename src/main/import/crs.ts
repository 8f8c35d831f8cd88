import proj4 from 'proj4'
import type { Converter } from 'proj4'
import { ImportError } from './import-error'
import { showValue } from '../../shared/text/bounded'

/**
 * Definitions for the systems Californian and other US departments export in most often.
 * proj4 itself knows only EPSG:4326, 4269, 3857 and a few more.
 */
const CA_STATE_PLANE_FT = (lat0: number, lon0: number, lat1: number, lat2: number): string =>
  `+proj=lcc +lat_0=${lat0} +lon_0=${lon0} +lat_1=${lat1} +lat_2=${lat2} +x_0=2000000.0001016 +y_0=500000.0001016 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs`

const EXTRA_DEFS: Record<string, string> = {
  'EPSG:2225': CA_STATE_PLANE_FT(39.3333333333333, -122, 41.6666666666667, 40),
  'EPSG:2226': CA_STATE_PLANE_FT(37.6666666666667, -122, 39.8333333333333, 38.3333333333333),
  'EPSG:2227': CA_STATE_PLANE_FT(36.5, -120.5, 38.4333333333333, 37.0666666666667),
  'EPSG:2228': CA_STATE_PLANE_FT(35.3333333333333, -119, 37.25, 36),
  'EPSG:2229': CA_STATE_PLANE_FT(33.5, -118, 35.4666666666667, 34.0333333333333),
  'EPSG:2230': CA_STATE_PLANE_FT(32.1666666666667, -116.25, 33.8833333333333, 32.7833333333333),
  'EPSG:26910': '+proj=utm +zone=10 +datum=NAD83 +units=m +no_defs',
  'EPSG:26911': '+proj=utm +zone=11 +datum=NAD83 +units=m +no_defs',
  'EPSG:32610': '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs',
  'EPSG:32611': '+proj=utm +zone=11 +datum=WGS84 +units=m +no_defs',
}
for (const [code, def] of Object.entries(EXTRA_DEFS)) {
  if (!proj4.defs(code)) proj4.defs(code, def)
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
    if (!proj4.defs(code)) {
      throw new ImportError(
        'unknown-crs',
        `${file}: ${origin} ${showValue(code)} is not a coordinate system this app knows; choose it by its proj4 definition or WKT instead`,
        { file },
      )
    }
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
