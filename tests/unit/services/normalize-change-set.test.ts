import { describe, expect, it } from 'vitest'
import type { AreaCommand, ChangeSet } from '../../../src/shared/domain'
import { normalizeChangeSet } from '../../../src/main/services/normalize-change-set'

const area = (coordinates: number[][], extra: object = {}): AreaCommand =>
  ({ id: 'A1', name: 'One', color: '#E69F00', commanderId: null, geometry: { type: 'Polygon', coordinates: [coordinates], ...extra } }) as AreaCommand
const add = (a: AreaCommand): ChangeSet => ({ label: ' Import ', ops: [{ entity: 'area', id: a.id, before: null, after: a }] })
const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]

describe('normalizeChangeSet', () => {
  it('puts off-grid coordinates on the 1e-9 degree grid and drops Z values and extra geometry members', () => {
    const ring = square(-87.6, 41.8, 0.01).map(([x, y], i) => (i === 1 ? [x + 3e-12, y - 4e-13, 12] : [x, y]))
    const out = normalizeChangeSet(add(area(ring)))
    const g = (out.ops[0].after as AreaCommand).geometry
    expect(out.label).toBe('Import')
    expect(g.coordinates[0][1]).toEqual([Math.round((-87.6 + 0.01) * 1e9) / 1e9, 41.8])
    for (const p of g.coordinates[0] as number[][]) for (const v of p) expect(Math.round(v * 1e9) / 1e9).toBe(v)
    expect((normalizeChangeSet(add(area(square(-87.6, 41.8, 0.01), { bbox: [0, 0, 1, 1] }))).ops[0].after as AreaCommand).geometry).not.toHaveProperty('bbox')
  })

  it('keeps a geometry already on the grid as it is, without copying it (an import quantizes as it reads)', () => {
    const onGrid = square(-87.623456789, 41.812345678, 0.000001).map(([x, y]) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9])
    const cs = add(area(onGrid))
    const out = normalizeChangeSet(cs)
    expect(out.ops[0]).toBe(cs.ops[0])
    expect((out.ops[0].after as AreaCommand).geometry.coordinates).toEqual([onGrid])
  })
})
