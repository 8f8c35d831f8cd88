import { describe, expect, it } from 'vitest'
import type { AreaGeometry, Position } from '../../../src/shared/domain'
import { areaM2, clip } from '../../../src/shared/geo/ops/clip'
import { insertPointsOnEdges } from '../../../src/shared/geo/ops/noding'
import { geometryProblems } from '../../../src/shared/geo/validate/validity'

/** Chicago-sized coordinates: a unit here is 1/1000 degree (about 80 m by 110 m). */
const at = (x: number, y: number): Position => [-87.6 + x / 1000, 41.8 + y / 1000]
const poly = (...pts: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...pts, pts[0]].map(([x, y]) => at(x, y))] })

describe('a clipped boundary is always a valid one', () => {
  // A C whose mouth at x = 4 is pinched to 0.4 of a grid step: on the grid both lips are one
  // point, so the ring as drawn would pass through that corner twice ("ring touches itself").
  const lip = 0.2e-9 * 1000
  const pinched = poly([0, 0], [4, 0], [4, 2 - lip], [1, 1], [1, 3], [4, 2 + lip], [4, 4], [0, 4])
  const far = poly([10, 10], [11, 10], [11, 11], [10, 11])

  it('a pocket pinched shut by the coordinate grid becomes a hole touching the shell at one corner, with the same ground', () => {
    const out = clip('union', [], pinched, far)!
    expect(out).not.toBeNull()
    expect(geometryProblems(out)).toEqual([])
    const parts = out.type === 'MultiPolygon' ? out.coordinates : [out.coordinates]
    expect(parts).toHaveLength(2)
    // The C's part: a shell and the pocket as its hole.
    expect(parts.map((p) => p.length).sort()).toEqual([1, 2])
    expect(Math.abs(areaM2(out) - (areaM2(pinched) + areaM2(far)))).toBeLessThan(0.5)
  })

  it('a boundary that touches nothing of itself is handed back ring for ring', () => {
    const c = poly([0, 0], [4, 0], [4, 1], [1, 1], [1, 3], [4, 3], [4, 4], [0, 4])
    const out = clip('union', [], c, far)!
    const parts = out.type === 'MultiPolygon' ? out.coordinates : [out.coordinates]
    expect(parts.map((p) => p.length)).toEqual([1, 1])
    expect(geometryProblems(out)).toEqual([])
  })
})

describe('noding never makes a ring touch itself', () => {
  it('a point the ring already passes through, one grid step from another of its edges, is not inserted on that edge', () => {
    // D comes within one grid step of the bottom edge A-B: as a neighbour's corner it would be
    // noded onto A-B, and the ring would then pass through D twice.
    const step = 1e-9 * 1000
    const g = poly([0, 0], [4, 0], [4, 4], [2, step], [0, 4])
    expect(geometryProblems(g)).toEqual([])
    expect(insertPointsOnEdges(g, [at(2, step)])).toBeNull()
    // A point of a neighbour that is not on this ring is still taken.
    const noded = insertPointsOnEdges(g, [at(1, 0)])!
    expect(noded.type === 'Polygon' && noded.coordinates[0]).toHaveLength(7)
    expect(geometryProblems(noded)).toEqual([])
  })
})
