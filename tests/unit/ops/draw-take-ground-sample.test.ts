import { area, intersect, pointOnFeature } from '@turf/turf'
import { afterEach, describe, expect, it } from 'vitest'
import type { LonLat, Polygon } from '../../../src/shared/domain'
import { applyChangeSet } from '../../../src/shared/domain'
import { deleteNeighborhood, drawNeighborhood } from '../../../src/shared/geo/ops'
import { geometryIssues } from '../../../src/shared/geo/ops/clean'
import { makeServices } from '../../helpers/services'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))

describe('drawing over a neighbour on the sample city, taking its ground', () => {
  // A quadrilateral from the ground Springtown left, across Altamont's edge and out past the city limit:
  // the neighbour's cut and the new outline must share their crossing vertices exactly.
  it.each([0, 0.0005, 0.001])('gives the new neighborhood exactly what Altamont loses (offset %f°)', (dx) => {
    const s = makeServices()
    opened.push(s)
    let plan = s.plans.load()
    const springtown = plan.neighborhoods.find((n) => n.id === 'NE-springtown')!
    const altamont = plan.neighborhoods.find((n) => n.id === 'NE-altamont')!
    plan = applyChangeSet(plan, deleteNeighborhood(plan, { id: springtown.id }))
    const b = pointOnFeature(springtown.geometry).geometry.coordinates as LonLat
    const c = pointOnFeature(altamont.geometry).geometry.coordinates as LonLat
    const north = 0.004 + Math.max(...(springtown.geometry as Polygon).coordinates[0].map((p) => p[1]))
    const ring: LonLat[] = [b, [c[0] + dx, c[1]], [c[0] + dx, north], [b[0], north], b]
    const next = applyChangeSet(plan, drawNeighborhood(plan, { areaId: 'NE', id: 'NE-new', name: 'New', ring, takeFromNeighbors: true }))
    const drawn = next.neighborhoods.find((n) => n.id === 'NE-new')!
    const rest = next.neighborhoods.find((n) => n.id === altamont.id)!
    expect(geometryIssues(rest.geometry)).toEqual([])
    expect(geometryIssues(drawn.geometry)).toEqual([])
    const overlap = intersect({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: drawn.geometry }, { type: 'Feature', properties: {}, geometry: rest.geometry }] })
    expect(overlap ? area(overlap) : 0).toBeLessThan(0.01)
    const taken = intersect({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: drawn.geometry }, { type: 'Feature', properties: {}, geometry: altamont.geometry }] })
    // Crossing points are rounded to the 0.1 mm grid along kilometres of boundary: a fraction of a square metre.
    expect(Math.abs(area(altamont.geometry) - area(rest.geometry) - (taken ? area(taken) : 0))).toBeLessThan(0.5)
  })
})
