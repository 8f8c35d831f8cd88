import { describe, expect, it } from 'vitest'
import { PointTable } from '../../../src/shared/geo/validate/point-table'

describe('point table', () => {
  it('numbers distinct points in order of arrival, -0 as 0', () => {
    const t = new PointTable(4)
    expect([t.id(1, 2), t.id(3, 4), t.id(1, 2), t.id(-0, 0), t.id(0, -0), t.id(0.5, 1e9)]).toEqual([0, 1, 0, 2, 2, 3])
    expect(t.size).toBe(4)
  })

  it('starts again from nothing after clear, also after it has grown, and keeps working as before', () => {
    // Validity uses one table ring after ring: a point of the last ring must be new in the next.
    const t = new PointTable(4)
    let s = 5
    const pts: [number, number][] = []
    for (let i = 0; i < 5000; i++) {
      s = (s * 48271) % 2147483647
      pts.push([s % 997, (s >> 8) % 991])
    }
    const first = pts.map(([x, y]) => t.id(x, y))
    const distinct = new Set(pts.map(([x, y]) => `${x},${y}`)).size
    expect(t.size).toBe(distinct)
    t.clear()
    expect(t.size).toBe(0)
    // The same points in the other order: numbered afresh in that order, so nothing of the old entries was left behind.
    const back = [...pts].reverse()
    const want = new Map<string, number>()
    for (const [x, y] of back) if (!want.has(`${x},${y}`)) want.set(`${x},${y}`, want.size)
    expect(back.map(([x, y]) => t.id(x, y))).toEqual(back.map(([x, y]) => want.get(`${x},${y}`)))
    expect(first[0]).toBe(0)
    t.clear()
    expect([t.id(7, 7), t.id(pts[0][0], pts[0][1]), t.id(7, 7)]).toEqual([0, 1, 0])
  })
})
