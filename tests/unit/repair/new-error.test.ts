import { describe, expect, it } from 'vitest'
import type { AreaGeometry, Finding } from '../../../src/shared/domain'
import { firstNewError } from '../../../src/shared/geo/repair'
import { areaM2 } from '../../../src/shared/geo/ops/clip'
import { rect } from '../validate/fixtures'

const err = (id: string, kind: Finding['kind'], geometry: AreaGeometry): Finding => ({
  id, kind, severity: 'error', sliver: false, areaIds: ['N'], neighborhoodIds: [], officerIds: [], areaM2: areaM2(geometry), widthM: 0, location: null, geometry, message: `${kind} ${id}`,
})

describe('a repair leaves no new error', () => {
  const before = [err('gap:a', 'gap', rect(0, 0, 100, 100))]

  it('when an error keeps its id, or is renamed on ground its kind already held (a corner re-noded beside it)', () => {
    expect(firstNewError(before, [err('gap:a', 'gap', rect(0, 0, 100, 100))])).toBeNull()
    expect(firstNewError(before, [err('gap:b', 'gap', rect(0, 0, 100, 99.5))])).toBeNull()
  })

  it('but names an error on ground no error of its kind held: a gap grown by 10 m × 100 m, an overlap where a gap was, a gap elsewhere', () => {
    const grown = err('gap:b', 'gap', rect(0, 0, 100, 110))
    expect(firstNewError(before, [grown])).toBe(grown)
    const overlap = err('overlap:c', 'overlap', rect(0, 0, 50, 50))
    expect(firstNewError(before, [overlap])).toBe(overlap)
    const elsewhere = err('gap:d', 'gap', rect(500, 500, 520, 520))
    expect(firstNewError(before, [err('gap:a', 'gap', rect(0, 0, 100, 100)), elsewhere])).toBe(elsewhere)
  })

  it('and an error that keeps its id but grows onto ground no error of its kind held: a clip handing 10 m × 100 m to the gap beside it', () => {
    const larger = err('gap:a', 'gap', rect(0, 0, 100, 110))
    expect(firstNewError(before, [larger])).toBe(larger)
    expect(firstNewError([err('gap:a', 'gap', rect(0, 0, 100, 110)), err('gap:f', 'gap', rect(0, 110, 100, 120))], [err('gap:a', 'gap', rect(0, 0, 100, 120))])).toBeNull()
  })

  it('and a warning (a sliver left or made) is not an error', () => {
    expect(firstNewError(before, [{ ...err('gap:e', 'gap', rect(300, 300, 301, 400)), severity: 'warning', sliver: true }])).toBeNull()
  })
})
