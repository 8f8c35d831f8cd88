import { quantize } from '../../shared/domain/geometry'
import { windPolys } from '../../shared/geo/ops/geom'
import type { AreaGeometry, Position } from '../../shared/domain/geometry'
import { checkGeometry, forEachPosition, type CheckTally } from './check-geometry'
import { resolveCrs, type ResolvedCrs } from './crs'
import { ImportError, formatCoordinate } from './import-error'
import { Ticker } from './progress'
import type { ParsedFeature, ParsedLayer, ParseOptions, RawFeature, RawLayer } from './types'

const outsideLonLat = (p: Position): boolean => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90

function firstOutside(features: { index: number; geometry: AreaGeometry }[]): { index: number; p: Position } | null {
  for (const f of features) {
    let hit: Position | null = null
    forEachPosition(f.geometry, (p) => {
      if (!hit && outsideLonLat(p)) hit = p
    })
    if (hit) return { index: f.index, p: hit }
  }
  return null
}

export function pickCrs(file: string, raw: LayerHead, opts: ParseOptions, notices: string[]): ResolvedCrs | null {
  if (raw.lonLatOnly) {
    if (opts.crs) notices.push(`${file}: KML is always WGS84 lon/lat; the chosen coordinate system ${opts.crs} was not used`)
    return null
  }
  if (raw.crs) {
    const own = resolveCrs(raw.crs, file, 'the file names coordinate system')
    if (opts.crs) {
      const chosen = resolveCrs(opts.crs, file, 'the chosen coordinate system')
      if (chosen.label !== own.label) {
        notices.push(`${file} names its own coordinate system (${own.label}); the chosen ${chosen.label} was not used`)
      }
    }
    return own
  }
  return opts.crs ? resolveCrs(opts.crs, file, 'the chosen coordinate system') : null
}

/** Stored rings follow RFC 7946 (exteriors counter-clockwise), whatever winding the file used; the editor's operations rely on it. */
function wound(g: AreaGeometry): AreaGeometry {
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: windPolys([g.coordinates])[0] } : { type: 'MultiPolygon', coordinates: windPolys(g.coordinates) }
}

/** A feature whose geometry passed checkGeometry: 2D positions in the file's own coordinates. */
type CheckedFeature = { index: number; properties: Record<string, unknown>; geometry: AreaGeometry }

/**
 * Takes a layer's features one at a time as a reader finds them and keeps only their checked
 * geometry, so a streaming reader never holds the file's own objects beside the checked ones.
 */
export class LayerChecks {
  readonly checked: CheckedFeature[] = []
  private readonly tally: CheckTally = { featuresWithZ: 0 }
  private readonly fieldSet = new Set<string>()
  constructor(private readonly file: string) {}

  add(f: RawFeature): void {
    for (const k of Object.keys(f.properties)) this.fieldSet.add(k)
    this.checked.push({ index: f.index, properties: f.properties, geometry: checkGeometry(this.file, f.index, f.geometry, this.tally) })
  }

  get fields(): string[] {
    return [...this.fieldSet]
  }

  get featuresWithZ(): number {
    return this.tally.featuresWithZ
  }
}

/** What a reader knows of its layer besides the features: see RawLayer. */
export type LayerHead = Omit<RawLayer, 'features'>

/** The checks every format shares: polygonal geometry, coordinate system, WGS84 output, quantizing, winding. */
export async function finishLayer(file: string, raw: RawLayer, opts: ParseOptions, ticker = new Ticker(file)): Promise<ParsedLayer> {
  const checks = new LayerChecks(file)
  const total = raw.features.length
  for (let i = 0; i < total; i++) {
    checks.add(raw.features[i])
    if (ticker.due()) await ticker.pause({ phase: 'checking', features: i + 1, totalFeatures: total, bytes: 0, totalBytes: 0 })
  }
  const { features: _read, ...head } = raw
  return finishChecked(file, head, checks, opts, ticker)
}

/** Coordinate system, WGS84 output, quantizing and winding over features already checked one by one. */
export async function finishChecked(file: string, head: LayerHead, checks: LayerChecks, opts: ParseOptions, ticker = new Ticker(file)): Promise<ParsedLayer> {
  const checked = checks.checked
  if (checked.length === 0) {
    throw new ImportError('empty-layer', `${file} contains no features; there is nothing to import`, { file })
  }
  const notices = [...head.notices]
  if (checks.featuresWithZ > 0) {
    const n = checks.featuresWithZ
    notices.push(`${file}: ${n} feature${n === 1 ? ' has' : 's have'} 3D coordinates; the Z (and M) values were dropped`)
  }

  const crs = pickCrs(file, head, opts, notices)
  if (!crs && !head.lonLatOnly) {
    const hit = firstOutside(checked)
    if (hit) {
      throw new ImportError(
        'projected-no-crs',
        `${file}: coordinates look projected (e.g. ${formatCoordinate(hit.p[0])}, ${formatCoordinate(hit.p[1])} at feature ${hit.index}) and the file names no coordinate system; choose the CRS it was exported in`,
        { file, feature: hit.index },
      )
    }
  }
  if (head.format === 'shapefile' && !head.crs) {
    notices.push(`${file} has no .prj; its coordinates were read as ${crs ? crs.label : 'WGS84 lon/lat'}`)
  }
  const toLonLat = crs?.toLonLat ?? null
  const total = checked.length
  // In place: the checked copies are this layer's own arrays (checkGeometry made them), so each
  // position is overwritten with its quantized WGS84 value instead of copied once more.
  for (let i = 0; i < total; i++) {
    const f = checked[i]
    forEachPosition(f.geometry, (p) => {
      const q = toLonLat ? toLonLat([p[0], p[1]]) : p
      const lon = q[0]
      const lat = q[1]
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new ImportError(
          'coordinates-out-of-range',
          `${file}: feature ${f.index} has coordinates (${formatCoordinate(p[0])}, ${formatCoordinate(p[1])}) that are not on Earth when read in ${crs?.label ?? 'WGS84 lon/lat'}; check the coordinate system`,
          { file, feature: f.index },
        )
      }
      p[0] = quantize(lon)
      p[1] = quantize(lat)
    })
    checked[i] = { index: f.index, properties: f.properties, geometry: wound(f.geometry) }
    if (ticker.due()) await ticker.pause({ phase: 'checking', features: i + 1, totalFeatures: total, bytes: 0, totalBytes: 0 })
  }
  ticker.report({ phase: 'checking', features: total, totalFeatures: total, bytes: 0, totalBytes: 0 })
  // A cancel that came in while the last slice ran still wins: the caller has not stored anything yet.
  ticker.check()
  const features: ParsedFeature[] = checked
  return { file, format: head.format, crs: crs?.label ?? 'EPSG:4326', fields: head.fields, features, notices }
}
