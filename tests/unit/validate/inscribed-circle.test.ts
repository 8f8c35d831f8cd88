import { describe, expect, it } from 'vitest'
import { inscribedCircle } from '../../../src/shared/geo/validate/width'

// Rings in metres (a frame of one metre per unit), so widths are known by hand.
const metres = { x0: 0, y0: 0, kx: 1, ky: 1 }
/** Rings as the plan check holds them: flat [x0, y0, x1, y1, …]. */
const flat = (poly: [number, number][][]) => poly.map((r) => Float64Array.from(r.flat()))
const width = (poly: [number, number][][]) => inscribedCircle(flat(poly), metres, 1e-6).diameterM
const reversed = (poly: [number, number][][]) => poly.map((r) => [...r].reverse())

describe('largest inscribed circle of a small piece', () => {
  it('is the incircle of a triangle', () => {
    // 3-4-5 right triangle: inradius (3 + 4 - 5) / 2 = 1.
    const tri: [number, number][][] = [[[0, 0], [4, 0], [0, 3], [0, 0]]]
    expect(width(tri)).toBeCloseTo(2, 9)
    expect(width(reversed(tri))).toBeCloseTo(2, 9)
  })

  it('is the short side of a long rectangle', () => {
    expect(width([[[0, 0], [100, 0], [100, 3], [0, 3], [0, 0]]])).toBeCloseTo(3, 9)
  })

  it('stays clear of a reflex corner', () => {
    // An L of two 10 x 4 arms: the best circle sits in the elbow, touching the outer
    // sides and the inner corner at (4, 4): centre (c, c) with (4 - c)√2 = c.
    const ell: [number, number][][] = [[[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10], [0, 0]]]
    const c = 4 / (1 + 1 / Math.SQRT2)
    expect(width(ell)).toBeCloseTo(2 * c, 9)
    expect(width(reversed(ell))).toBeCloseTo(2 * c, 9)
  })

  it('keeps out of a hole', () => {
    // A 10 x 10 square with a 2 x 2 hole in the middle: the circle sits in a corner,
    // touching two sides and the hole's nearest corner.
    const holed: [number, number][][] = [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],
    ]
    const c = 4 / (1 + 1 / Math.SQRT2)
    expect(width(holed)).toBeCloseTo(2 * c, 9)
  })

  it('is searched on a piece with many corners, to its precision', () => {
    // A regular 24-gon of circumradius 10 (more corners than the exact method takes): the circle is its apothem's.
    const n = 24
    const ring: [number, number][] = []
    for (let k = 0; k <= n; k++) ring.push([10 * Math.cos(((k % n) * 2 * Math.PI) / n), 10 * Math.sin(((k % n) * 2 * Math.PI) / n)])
    const d = inscribedCircle(flat([ring]), metres, 0.01).diameterM
    expect(d).toBeLessThanOrEqual(20 * Math.cos(Math.PI / n) + 1e-9)
    expect(d).toBeGreaterThan(20 * Math.cos(Math.PI / n) - 0.02)
  })

  it('is exact on a regular 20-gon', () => {
    const n = 20
    const ring: [number, number][] = []
    for (let k = 0; k <= n; k++) ring.push([10 * Math.cos(((k % n) * 2 * Math.PI) / n), 10 * Math.sin(((k % n) * 2 * Math.PI) / n)])
    expect(width([ring])).toBeCloseTo(20 * Math.cos(Math.PI / n), 9)
  })
})
