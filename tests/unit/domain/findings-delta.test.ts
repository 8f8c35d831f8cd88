import { describe, expect, it } from 'vitest'
import { applyFindingsDelta, findingsDelta, type Finding } from '../../../src/shared/domain'

const f = (id: string, areaM2 = 1): Finding => ({
  id, kind: 'gap', severity: 'error', sliver: false, areaIds: ['NE'], neighborhoodIds: [], officerIds: [], areaM2, location: null, message: `gap ${id} of ${areaM2} m²`,
})

describe('a findings list sent as a change to the list the window holds', () => {
  it('keeps unchanged findings as index runs and sends only new or changed ones, in order', () => {
    const prev = [f('a'), f('b'), f('c'), f('d')]
    const next = [prev[0], { ...prev[1] }, f('c', 2), f('e'), prev[3]]
    const d = findingsDelta(prev, next)
    expect(d).toEqual([[0, 2], f('c', 2), f('e'), [3, 1]])
    expect(applyFindingsDelta(prev, d)).toEqual(next)
  })

  it('keeps repeated ids apart, and an empty list is an empty delta', () => {
    const prev = [f('x', 1), f('x', 2), f('y')]
    const next = [f('x', 2), f('y')]
    expect(applyFindingsDelta(prev, findingsDelta(prev, next))).toEqual(next)
    expect(findingsDelta(prev, [])).toEqual([])
  })

  it('refuses a delta that refers past the list it is applied to', () => {
    expect(() => applyFindingsDelta([f('a')], [[0, 3]])).toThrow(/out of step/)
  })
})
