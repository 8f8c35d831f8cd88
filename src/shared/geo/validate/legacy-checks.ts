import type { AreaGeometry, Finding, PlanState, Tolerances } from '../../domain'
import { fmtM2, geometricFinding } from './finding-build'
import {
  containing, outsidePieces, overlapFinding, overlappingPairs, uncoveredFinding, uncoveredPieces, unionHoles, type Item,
} from './geo-checks'
import { newMemo } from './memo'
import { shapeOf } from './shape'

/**
 * The polyclip-based checks, kept as the fallback for plans whose arrangement cannot be
 * noded consistently (near-coincident vertices closer than snapping resolves): slower,
 * but overlay-based and correct on the dirty simplified Chicago layers.
 */
export function legacyGeoFindings(plan: PlanState, tol: Tolerances, valid: (g: AreaGeometry) => boolean): Finding[] {
  const out: Finding[] = []
  const memo = newMemo()
  const city = plan.city && valid(plan.city.geometry) ? shapeOf(plan.city.geometry) : null
  const areas: Item[] = []
  for (const a of plan.areas) if (valid(a.geometry)) areas.push({ id: a.id, name: a.name, shape: shapeOf(a.geometry), geom: a.geometry })
  const nbs: Item[] = []
  for (const n of plan.neighborhoods) if (valid(n.geometry)) nbs.push({ id: n.id, name: n.name, shape: shapeOf(n.geometry), geom: n.geometry, areaId: n.areaId })
  const areaById = new Map(plan.areas.map((a) => [a.id, a]))
  const nbById = new Map(plan.neighborhoods.map((n) => [n.id, n]))
  const areaValid = new Map(areas.map((a) => [a.id, a]))
  const areaName = (id: string) => areaById.get(id)?.name ?? id

  // Neighborhoods overlapping each other.
  for (const { a, b, pieces } of overlappingPairs(nbs, memo, 'n:')) out.push(overlapFinding('overlap', a, b, pieces, tol, 'neighborhood'))
  // Area Commands overlapping each other.
  for (const { a, b, pieces } of overlappingPairs(areas, memo, 'a:')) out.push(overlapFinding('area-overlap', a, b, pieces, tol, 'area'))

  // Neighborhood ground outside its own Area Command.
  for (const n of nbs) {
    const area = areaValid.get(n.areaId ?? '')
    if (!area && areaById.has(n.areaId ?? '')) continue // its area is invalid: reported there
    const ng = nbById.get(n.id)!.geometry, ag = area ? areaById.get(area.id)!.geometry : null
    const key = 'o:' + n.id
    let m = memo.outside.get(key)
    if (!m || m.g !== ng || m.ag !== ag) {
      const reuse = m && m.ag === ag && ag ? { oldP: shapeOf(m.g), wasEmpty: m.pieces.length === 0 } : undefined
      m = { g: ng, ag, pieces: outsidePieces(n.shape, area ? area.shape : null, reuse) }
      memo.outside.set(key, m)
    }
    if (!m.pieces.length) continue
    const where = area ? `its Area Command ${area.name}` : `any Area Command (its area "${n.areaId}" does not exist)`
    out.push(geometricFinding({ kind: 'outside-area', pieces: m.pieces, areaIds: area ? [area.id] : [], neighborhoodIds: [n.id], message: (m2) => `${n.name} has ${fmtM2(m2)} outside ${where}` }, tol))
  }
  // Area Command ground outside the city limit.
  if (city) {
    for (const a of areas) {
      const pieces = outsidePieces(a.shape, city)
      if (pieces.length) out.push(geometricFinding({ kind: 'area-overlap', pieces, areaIds: [a.id], neighborhoodIds: [], message: (m2) => `Area Command ${a.name} extends ${fmtM2(m2)} beyond the city limit` }, tol))
    }
  }

  // Gaps: area ground no neighborhood covers; city ground no area covers.
  for (const p of uncoveredPieces(areas, nbs, memo, 'gap')) {
    const ids = containing(areas, p.at)
    out.push(uncoveredFinding('gap', p, ids, (m2) => `Gap of ${fmtM2(m2)} in ${ids.map((i) => `Area Command ${areaName(i)}`).join(' / ') || 'the areas'} not covered by any neighborhood`, tol))
  }
  const areaGaps = city ? uncoveredPieces([{ id: 'city', name: 'city', shape: city, geom: plan.city!.geometry }], areas, memo, 'area-gap') : unionHoles(areas, memo, 'area-holes')
  for (const p of areaGaps) {
    out.push(uncoveredFinding('area-gap', p, [], (m2) => (city ? `Gap of ${fmtM2(m2)} in the city limit not covered by any Area Command` : `Gap of ${fmtM2(m2)} between Area Commands not covered by any of them`), tol))
  }

  return out
}
