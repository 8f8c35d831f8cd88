import { area } from '@turf/area'
import { describe, expect, it } from 'vitest'
import type { Neighborhood } from '../../../src/shared/domain'
import { areaChanges } from '../../../src/shared/domain/area-readout'

const sq = (id: string, name: string, d: number): Neighborhood => ({
  id, name, areaId: 'NE', color: '#aabbcc',
  geometry: { type: 'Polygon', coordinates: [[[-121.76, 37.68], [-121.76 + d, 37.68], [-121.76 + d, 37.68 + d], [-121.76, 37.68 + d], [-121.76, 37.68]]] },
})

describe('the ground a stored change moved', () => {
  it('lists every neighborhood whose shape changed, came or went, with its m² before and after', () => {
    const a = sq('a', 'Alpha', 0.01), a2 = sq('a', 'Alpha', 0.012), b = sq('b', 'Beta', 0.005), c = sq('c', 'Gamma', 0.004)
    // A copy of the same shape, as a change set that came through IPC holds it: a rename moves no ground.
    const renamed = { ...structuredClone(c), name: 'Gamma Park' }
    const out = areaChanges({
      label: 'x',
      ops: [
        { entity: 'neighborhood', id: 'a', before: a, after: a2 },
        { entity: 'neighborhood', id: 'b', before: b, after: null },
        { entity: 'neighborhood', id: 'c', before: c, after: renamed },
        { entity: 'neighborhood', id: 'n', before: null, after: sq('n', 'New', 0.002) },
      ],
    })
    expect(out.map((r) => [r.id, r.name])).toEqual([['a', 'Alpha'], ['b', 'Beta'], ['n', 'New']])
    expect(out[0].beforeM2).toBeCloseTo(area(a.geometry), 6)
    expect(out[0].afterM2! - out[0].beforeM2!).toBeGreaterThan(0)
    expect(out[1].afterM2).toBeNull()
    expect(out[2].beforeM2).toBeNull()
  })
})
