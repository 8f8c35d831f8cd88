import { describe, expect, it } from 'vitest'
import { stableStringify } from '../../../src/shared/domain'
import { jsonEqual } from '../../../src/shared/domain/json-equal'

/** jsonEqual answers exactly what comparing stable JSON texts answers, for the values entities hold and some odd ones. */
function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 48271) % 2147483647) / 2147483647)
}

function value(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9))
  switch (k) {
    case 0: return null
    case 1: return Math.floor(r() * 3)
    case 2: return ['', 'a', 'b', 'Ñ'][Math.floor(r() * 4)]
    case 3: return r() < 0.5
    case 4: return undefined
    case 5: return [0, -0, NaN, 1.5][Math.floor(r() * 4)]
    case 6:
    case 7: {
      const o: Record<string, unknown> = {}
      for (const key of ['id', 'name', 'areaId', 'private']) if (r() < 0.7) o[key] = value(r, depth + 1)
      return o
    }
    default: return Array.from({ length: Math.floor(r() * 3) }, () => value(r, depth + 1))
  }
}

/** A copy with its keys in reverse order and, sometimes, one leaf changed. */
function copy(v: unknown, r: () => number): unknown {
  if (r() < 0.08) return value(r, 3)
  if (Array.isArray(v)) return v.map((x) => copy(x, r))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, copy(x, r)]))
  return v
}

describe('jsonEqual', () => {
  it('agrees with comparing stableStringify texts on 20,000 random pairs', () => {
    const r = rng(42)
    let equal = 0
    for (let i = 0; i < 20_000; i++) {
      const a = value(r, 0)
      const b = r() < 0.7 ? copy(a, r) : value(r, 0)
      const want = stableStringify(a) === stableStringify(b)
      if (want) equal++
      expect(jsonEqual(a, b), `${stableStringify(a)} vs ${stableStringify(b)}`).toBe(want)
    }
    // Both answers are exercised.
    expect(equal).toBeGreaterThan(2000)
    expect(equal).toBeLessThan(18_000)
  })

  it('ignores key order and keys holding undefined, as JSON does; tells a missing key from a null one', () => {
    expect(jsonEqual({ a: 1, b: { c: 'x' } }, { b: { c: 'x' }, a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1, u: undefined }, { a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1, n: null }, { a: 1 })).toBe(false)
    expect(jsonEqual([undefined], [null])).toBe(true)
  })
})
