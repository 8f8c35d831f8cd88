import { describe, expect, it } from 'vitest'
import { geometryProblems } from '../../../src/shared/geo/validate/validity'
import type { AreaGeometry } from '../../../src/shared/domain'

const poly = (...rings: number[][][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings })
const sq = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]

describe('geometry validity', () => {
  it('accepts a plain square and a square with a hole inside it', () => {
    expect(geometryProblems(poly(sq(0, 0, 1)))).toEqual([])
    expect(geometryProblems(poly(sq(0, 0, 1), sq(0.2, 0.2, 0.5).reverse()))).toEqual([])
  })
  it('rejects a bow-tie, pointing at the crossing', () => {
    const p = geometryProblems(poly([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]))
    expect(p).toHaveLength(1)
    expect(p[0].reason).toMatch(/intersects itself/)
    expect(p[0].location[0]).toBeCloseTo(0.5)
    expect(p[0].location[1]).toBeCloseTo(0.5)
  })
  it('rejects an unclosed ring and a ring of 3 positions', () => {
    expect(geometryProblems(poly([[0, 0], [1, 0], [1, 1], [0, 1]]))[0].reason).toMatch(/not closed/)
    expect(geometryProblems(poly([[0, 0], [1, 0], [0, 0]]))[0].reason).toMatch(/3 positions/)
  })
  it('rejects a hole outside its shell', () => {
    expect(geometryProblems(poly(sq(0, 0, 1), sq(2, 2, 0.5)))[0].reason).toMatch(/hole .* outside/)
  })
  it('rejects a ring that touches itself at a vertex', () => {
    const p = geometryProblems(poly([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]))
    expect(p[0].reason).toMatch(/touches itself/)
    expect(p[0].location).toEqual([1, 1])
  })
  it('rejects NaN, Infinity and out-of-range positions', () => {
    expect(geometryProblems(poly([[0, 0], [NaN, 0], [1, 1], [0, 0]]))[0].reason).toMatch(/finite/)
    expect(geometryProblems(poly([[0, 0], [Infinity, 0], [1, 1], [0, 0]]))[0].reason).toMatch(/finite/)
    expect(geometryProblems(poly([[0, 0], [200, 0], [1, 1], [0, 0]]))[0].reason).toMatch(/outside lon/)
  })
  it('rejects a hole that crosses its shell', () => {
    expect(geometryProblems(poly(sq(0, 0, 1), sq(0.5, 0.5, 1)))[0].reason).toMatch(/intersect/)
  })
})
