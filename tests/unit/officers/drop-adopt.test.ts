import { describe, expect, it } from 'vitest'
import { planAdoption, releaseChangeSet } from '../../../src/renderer/src/map/drop-adopt'
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
