import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TOLERANCES, type Tolerances } from '../../../src/shared/domain'
import { hypot } from '../../../src/shared/geo/validate/measure'
import { withDefaults } from '../../../src/shared/geo/validate/tolerances'

describe('the plan check’s own hypot', () => {
  it('gives Math.hypot’s result to the bit, so perimeters and widths stay the figures they were', () => {
    const anyDouble = fc.oneof(fc.double({ noNaN: false }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 5e-324))
    fc.assert(
      fc.property(anyDouble, anyDouble, (x, y) => {
        expect(Object.is(hypot(x, y), Math.hypot(x, y))).toBe(true)
      }),
      { numRuns: 20000, seed: 7 },
    )
  })
})

describe('tolerances with their defaults', () => {
  it('are what a spread over the defaults gives, for none, some, all and extra settings', () => {
    const cases: (Partial<Tolerances> | undefined)[] = [
      undefined,
      {},
      { sliverWidthM: 2 },
      { sliverAreaM2: 50, unassignedIsError: true },
      { minPieceAreaM2: 0.5, vacancy: DEFAULT_TOLERANCES.vacancy },
      { sliverWidthM: 3, sliverAreaM2: 10, unassignedIsError: false, minPieceAreaM2: 1 },
      { ...({ futureSetting: 'kept' } as Partial<Tolerances>) },
    ]
    for (const tol of cases) expect(withDefaults(tol)).toEqual({ ...DEFAULT_TOLERANCES, ...tol })
  })

  it('gives every check objects of one shape: the same keys in the same order', () => {
    const a = withDefaults(undefined), b = withDefaults({ sliverAreaM2: 50, sliverWidthM: 2 })
    expect(Object.keys(b)).toEqual(Object.keys(a))
  })
})
