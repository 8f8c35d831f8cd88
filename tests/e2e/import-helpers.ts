import { bboxClip, bbox as turfBbox } from '@turf/turf'
import { zipSync } from 'fflate'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AreaGeometry, PlanState, Position } from '../../src/shared/domain'
import { EPSG_2227_PRJ, metresBetween, toStatePlaneFeet } from '../unit/import/helpers/sample-layer'
import { writeDbf, writeShp } from '../unit/import/helpers/shapefile-writer'
import type { AppHandle } from './harness/app-fixture'
import { dumpTables } from '../helpers/table-dump'

export interface LayerFeature {
  props: { OBJECTID: number; NBHD_ID: string; NBHD_NAME: string; AREA_NAME: string; DISTRICT: string }
  geometry: AreaGeometry
}

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

/**
 * A department's neighborhoods layer for the sample city: Northwest and South as they are, and
 * Northeast redrawn as two neighborhoods (its area cut in half at its middle longitude). The
 * Area Command is in DISTRICT (lower case, as some GIS exports write it); AREA_NAME holds the
 * area's name, which matches no Area Command id.
 */
export function departmentLayer(plan: PlanState): LayerFeature[] {
  const areaName = new Map(plan.areas.map((a) => [a.id, a.name]))
  const kept = plan.neighborhoods.filter((n) => n.areaId !== 'NE')
  const ne = plan.areas.find((a) => a.id === 'NE')!
  const [w, s, e, n] = turfBbox(ne.geometry)
  const mid = (w + e) / 2
  const half = (x0: number, x1: number): AreaGeometry => bboxClip(ne.geometry, [x0, s, x1, n]).geometry as AreaGeometry
  const out: LayerFeature[] = kept.map((h, i) => ({
    props: { OBJECTID: i + 1, NBHD_ID: h.id, NBHD_NAME: h.name, AREA_NAME: areaName.get(h.areaId)!, DISTRICT: h.areaId },
    geometry: h.geometry,
  }))
  out.push(
    { props: { OBJECTID: 101, NBHD_ID: 'NE-west', NBHD_NAME: 'Northeast West', AREA_NAME: 'Northeast', DISTRICT: 'ne' }, geometry: half(w, mid) },
    { props: { OBJECTID: 102, NBHD_ID: 'NE-east', NBHD_NAME: 'Northeast East', AREA_NAME: 'Northeast', DISTRICT: 'ne' }, geometry: half(mid, e) },
  )
  return out
}

export function writeGeoJson(dir: string, name: string, features: LayerFeature[]): string {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: f.props, geometry: f.geometry })) }))
  return file
}

/** The same layer as a zipped Shapefile in California State Plane III US feet, with the .prj ArcGIS writes. */
export function writeShapefileZip(dir: string, name: string, features: LayerFeature[]): string {
  const { shp, shx } = writeShp(features.map((f) => ({ kind: 'polygon', polygons: polygonsOf(f.geometry) })), toStatePlaneFeet)
  const dbf = writeDbf(
    [
      { name: 'OBJECTID', type: 'N', length: 6 },
      { name: 'NBHD_ID', type: 'C', length: 24 },
      { name: 'NBHD_NAME', type: 'C', length: 40 },
      { name: 'AREA_NAME', type: 'C', length: 24 },
      { name: 'DISTRICT', type: 'C', length: 4 },
    ],
    features.map((f) => ({ ...f.props })),
  )
  const enc = new TextEncoder()
  const file = join(dir, name)
  writeFileSync(file, zipSync({ 'hoods.shp': shp, 'hoods.shx': shx, 'hoods.dbf': dbf, 'hoods.prj': enc.encode(EPSG_2227_PRJ), 'hoods.cpg': enc.encode('UTF-8') }))
  return file
}

/**
 * Largest distance in metres from any vertex of one geometry to the nearest vertex of the other,
 * both ways: insensitive to where a ring starts or which way it winds, which importers may change.
 */
export function vertexHausdorff(a: AreaGeometry, b: AreaGeometry): number {
  const pa = polygonsOf(a).flat(2)
  const pb = polygonsOf(b).flat(2)
  const oneWay = (xs: Position[], ys: Position[]) => Math.max(...xs.map((p) => Math.min(...ys.map((q) => metresBetween(p, q)))))
  return Math.max(oneWay(pa, pb), oneWay(pb, pa))
}

const EXCLUDE = { exclude: ['audit_log', 'settings'] }
/** Stored plan as sorted rows: undo re-inserts rows with new rowids, which is not part of the plan. */
export const dumpPlan = (app: AppHandle): string =>
  JSON.stringify(Object.fromEntries(Object.entries(dumpTables(app.services.config.db, EXCLUDE)).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r)).sort()])))

export const previewCount = (app: AppHandle): Promise<number> => app.map.el.getAttribute('data-import-preview-count').then(Number)
