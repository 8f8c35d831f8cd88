import { describe, expect, it } from 'vitest'
import { boxPairs } from '../../../src/shared/geo/validate/box-pairs'

/** Boxes [minX, minY, maxX, maxY] from a seeded generator: sizes from points to long thin ones. */
function boxes(n: number, seed: number): Float64Array {
  let s = seed
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647
  const b = new Float64Array(4 * n)
  for (let i = 0; i < n; i++) {
    const x = Math.floor(rnd() * 1000), y = Math.floor(rnd() * 1000)
    const w = rnd() < 0.1 ? 0 : Math.floor(rnd() * (rnd() < 0.2 ? 400 : 30)), h = Math.floor(rnd() * 30)
    b.set([x, y, x + w, y + h], 4 * i)
  }
  return b
}

/** Every meeting pair (closed boxes), i < j, by looking at all of them. */
function bruteForce(b: Float64Array, n: number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    if (b[4 * j] > b[4 * i + 2] || b[4 * i] > b[4 * j + 2] || b[4 * j + 1] > b[4 * i + 3] || b[4 * i + 1] > b[4 * j + 3]) continue
    out.push(`${i},${j}`)
  }
  return out.sort()
}

const asList = (p: Int32Array) => {
  const out: string[] = []
  for (let k = 0; k < p.length; k += 2) out.push(`${p[k]},${p[k + 1]}`)
  return out.sort()
}

describe('pairs of meeting boxes', () => {
  it('finds exactly the pairs a look at all of them finds, each once', () => {
    for (const [n, seed] of [[2, 1], [40, 2], [600, 3], [2500, 4]] as const) {
      const b = boxes(n, seed)
      const got = asList(boxPairs(b, n))
      expect(new Set(got).size).toBe(got.length)
      expect(got).toEqual(bruteForce(b, n))
    }
  })

  it('gives right answers call after call while it reuses its arrays (a big call, then small ones)', () => {
    // The search keeps its arrays from call to call and grows them: a small call after a big
    // one must not see what the big one left behind.
    const big = boxes(3000, 11)
    expect(asList(boxPairs(big, 3000))).toEqual(bruteForce(big, 3000))
    for (const seed of [12, 13, 14]) {
      const small = boxes(25, seed)
      expect(asList(boxPairs(small, 25))).toEqual(bruteForce(small, 25))
    }
    const touching = Float64Array.from([0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4])
    expect(asList(boxPairs(touching, 3))).toEqual(['0,1'])
    expect(boxPairs(touching, 1).length).toBe(0)
  })
})
