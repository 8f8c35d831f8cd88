import { describe, expect, it } from 'vitest'
import type { ChangeSet, Finding, Neighborhood } from '../../../src/shared/domain'
import { guardRefusal } from '../../../src/main/services/validation-service'
import { DEG_PER_M_LON, LAT0, LON0 } from '../validate/fixtures'

const outside = (id: string, areaM2: number, message: string) => ({ id, kind: 'outside-area', severity: 'error', areaM2, message, areaIds: [], neighborhoodIds: [] }) as unknown as Finding

/** A neighborhood whose one straight edge, `m` metres long, gains a vertex in the middle: two new edges that long together. */
function splitEdge(m: number): ChangeSet {
  const x = (d: number) => LON0 + d * DEG_PER_M_LON
  const ring = [[x(0), LAT0], [x(m), LAT0], [x(m), LAT0 + 0.001], [x(0), LAT0]]
  const withVertex = [ring[0], [x(m / 2), LAT0 + 1e-9], ...ring.slice(1)]
  const n = (coordinates: number[][]) => ({ id: 'Vasco', geometry: { type: 'Polygon', coordinates: [coordinates] } }) as unknown as Neighborhood
  return { label: 'Give the gap to Vasco', ops: [{ entity: 'neighborhood', id: 'Vasco', before: n(ring), after: n(withVertex) }] }
}

describe('the edit guard', () => {
  const big = outside('outside-area:big', 3739.6, 'Vasco reaches 3,740 m² outside its Area Command')
  const small = outside('outside-area:small', 10, 'Altamont reaches 10 m² outside its Area Command')

  it('lets a hairline through along a long edge the change re-draws: 0.6 m² on 1.6 km of new edges is rounding', () => {
    const after = [{ ...big, areaM2: big.areaM2 + 0.6 }, small]
    expect(guardRefusal(splitEdge(1600), [big, small], after)).toBeNull()
  })

  it('refuses 0.8 m² along a 100 m edge, naming the error that grew rather than the largest one', () => {
    const after = [big, { ...small, areaM2: small.areaM2 + 0.8 }]
    expect(guardRefusal(splitEdge(100), [big, small], after)?.message).toBe('"Give the gap to Vasco" was not stored: Altamont reaches 10 m² outside its Area Command')
  })

  it('refuses real ground lost along a long edge: 5 m² on 1.6 km is more than a millimetre-wide band', () => {
    expect(guardRefusal(splitEdge(1600), [big], [{ ...big, areaM2: big.areaM2 + 5 }])).not.toBeNull()
  })
})
