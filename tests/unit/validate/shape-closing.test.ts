import { describe, expect, it } from 'vitest'
import { GRID } from '../../../src/shared/geo/kernel'
import { shapeOf } from '../../../src/shared/geo/validate/shape'

/** A ring's points as [x, y] in degrees, back from the grid. */
const points = (xs: Float64Array, ys: Float64Array) => Array.from(xs, (x, i) => [x / GRID, ys[i] / GRID])

describe('a boundary ring is closed once, on the grid', () => {
  it('closes an open ring (a layer that leaves out the closing point) with its first point', () => {
    const s = shapeOf({ type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001]]] })
    const r = s.rings[0]
    expect(r.xs.length).toBe(5)
    expect([r.xs[4], r.ys[4]]).toEqual([r.xs[0], r.ys[0]])
    expect(s.edgeCount).toBe(4)
  })

  it('adds no second closing point when the ends differ by less than a grid step', () => {
    const s = shapeOf({ type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [1e-13, 0]]] })
    const r = s.rings[0]
    expect(points(r.xs, r.ys)).toHaveLength(5)
    expect(s.edgeCount).toBe(4)
  })
})
