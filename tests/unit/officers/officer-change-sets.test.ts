import { describe, expect, it } from 'vitest'
import { applyChangeSet, invertChangeSet } from '../../../src/shared/domain/change-set'
import { deactivateChangeSet, planAdoption, releaseChangeSet, transferChangeSet } from '../../../src/shared/domain/officer-change-sets'
import { officer } from './fixtures'

const areas = [{ id: 'NE', name: 'Northeast' }, { id: 'S', name: 'South' }]
const vasco = { id: 'NE-vasco', areaId: 'NE', name: 'Vasco', color: null, geometry: { type: 'Polygon' as const, coordinates: [] } }
const wente = { ...vasco, id: 'S-wente', areaId: 'S', name: 'Wente' }

describe('dropping an officer card on a neighborhood', () => {
  it('inside the officer\'s own area is one adoption change set', () => {
    const o = officer('o1', 'NE', null, { displayName: 'F. Ortega' })
    const p = planAdoption(o, vasco, areas)
    expect(p.kind).toBe('adopt')
    expect(p.kind !== 'none' && p.changeSet).toEqual({
      label: 'F. Ortega adopts Vasco',
      ops: [{ entity: 'officer', id: 'o1', before: o, after: { ...o, neighborhoodId: 'NE-vasco' } }],
    })
  })

  it('in another area is a transfer naming both areas, changing area and neighborhood together', () => {
    const o = officer('o1', 'NE', 'NE-vasco', { displayName: 'F. Ortega' })
    const p = planAdoption(o, wente, areas)
    expect(p).toMatchObject({ kind: 'transfer', fromName: 'Northeast', toName: 'South' })
    if (p.kind !== 'transfer') throw new Error('not a transfer')
    expect(p.changeSet.label).toBe('Transfer F. Ortega from Northeast to South, adopting Wente')
    expect(p.changeSet.ops).toEqual([{ entity: 'officer', id: 'o1', before: o, after: { ...o, areaId: 'S', neighborhoodId: 'S-wente' } }])
  })

  it('on the neighborhood the officer already adopts does nothing and says so', () => {
    const o = officer('o1', 'NE', 'NE-vasco', { displayName: 'F. Ortega' })
    expect(planAdoption(o, vasco, areas)).toEqual({ kind: 'none', reason: 'F. Ortega already adopts Vasco.' })
  })

  it('releasing an adoption keeps the officer in the area', () => {
    const o = officer('o1', 'NE', 'NE-vasco', { displayName: 'F. Ortega' })
    expect(releaseChangeSet(o, 'Vasco').ops[0].after).toEqual({ ...o, neighborhoodId: null })
  })
})

describe('officer moves the staffing tab and the roster build', () => {
  const plan = (officers: ReturnType<typeof officer>[]) => ({ city: null, areas: [], neighborhoods: [], officers })

  it('a suggested transfer moves the officer to the new area without a neighborhood, and undoes back', () => {
    const o = officer('o1', 'NE', 'NE-vasco', { displayName: 'F. Ortega' })
    const cs = transferChangeSet(o, 'S', { from: 'Northeast', to: 'South' })
    expect(cs.label).toBe('Transfer F. Ortega from Northeast to South')
    const after = applyChangeSet(plan([o]), cs)
    expect(after.officers).toEqual([{ ...o, areaId: 'S', neighborhoodId: null }])
    expect(applyChangeSet(after, invertChangeSet(cs)).officers).toEqual([o])
  })

  it('deactivating leaves a vacant post in the area that adopts nothing', () => {
    const o = officer('o1', 'NE', 'NE-vasco', { displayName: 'F. Ortega' })
    const cs = deactivateChangeSet(o)
    expect(cs.label).toBe('Deactivate F. Ortega (post vacant)')
    expect(applyChangeSet(plan([o]), cs).officers).toEqual([{ ...o, status: 'vacant', neighborhoodId: null }])
  })

  it('a move built from a copy of an officer no longer on the roster is refused when applied', () => {
    const o = officer('o1', 'NE', null, { displayName: 'F. Ortega' })
    expect(() => applyChangeSet(plan([]), releaseChangeSet(o, 'Vasco'))).toThrow(/officer o1: it is not in the plan/)
  })
})
