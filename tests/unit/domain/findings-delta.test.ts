import { describe, expect, it } from 'vitest'
import { applyFindingsDelta, findingsChange, findingsDelta, type Finding } from '../../../src/shared/domain'

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

describe('what a write did to the findings, told from its delta', () => {
  it('names the findings added, resolved and changed (same id, new content)', () => {
    const prev = [f('a'), f('b'), f('c'), f('d')]
    const next = [prev[0], f('c', 5), f('e'), prev[3]]
    const c = findingsChange(prev, findingsDelta(prev, next))
    expect(c.added.map((x) => x.id)).toEqual(['e'])
    expect(c.removed.map((x) => x.id)).toEqual(['b'])
    expect(c.changed).toEqual([f('c', 5)])
  })

  it('is empty when the list is the same, even as equal copies', () => {
    const prev = [f('a'), f('b')]
    expect(findingsChange(prev, findingsDelta(prev, prev.map((x) => ({ ...x }))))).toEqual({ added: [], removed: [], changed: [] })
  })
})
