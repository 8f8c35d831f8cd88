import { describe, expect, it } from 'vitest'
import { buildUnits, normalizeCode } from '../../../src/main/import/build-units'
import { ImportError } from '../../../src/main/import/parse-layer'
import type { ParsedLayer } from '../../../src/main/import/parse-layer'
import type { Polygon } from '../../../src/shared/domain/geometry'

const box = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })

function layer(rows: Record<string, unknown>[], file = 'beats.geojson'): ParsedLayer {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  return { file, format: 'geojson', crs: 'EPSG:4326', fields, features: rows.map((properties, index) => ({ index, properties, geometry: box(index) })), notices: [] }
}

function refusal(run: () => unknown): ImportError {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
    return e as ImportError
  }
  throw new Error('accepted')
}

describe('buildUnits', () => {
  it('makes one unit per feature, with name and parent from the chosen fields', () => {
    const { units, notices } = buildUnits(layer([{ BEAT: '0411', NAME: 'Downtown', AREA: 'N' }, { BEAT: '0412', NAME: 'Springtown', AREA: 'S' }]), {
      idField: 'BEAT',
      nameField: 'NAME',
      parentField: 'AREA',
    }, ['N', 'S'])
    expect(units).toEqual([
      { id: '0411', name: 'Downtown', parentId: 'N', geometry: box(0), featureIndexes: [0] },
      { id: '0412', name: 'Springtown', parentId: 'S', geometry: box(1), featureIndexes: [1] },
    ])
    expect(notices).toEqual([])
  })

  it('turns numeric ids into their decimal text and names units by id when there is no name field', () => {
    const { units } = buildUnits(layer([{ DIST: 4 }, { DIST: 31 }, { DIST: 3100.0 }]), { idField: 'DIST' })
    expect(units.map((u) => [u.id, u.name, u.parentId])).toEqual([
      ['4', '4', null],
      ['31', '31', null],
      ['3100', '3100', null],
    ])
  })

  it('merges features sharing an id into one multi-part unit, keeping every part, with a notice', () => {
    const { units, notices } = buildUnits(layer([{ ID: 3100 }, { ID: '12' }, { ID: '3100' }, { ID: 3100 }]), { idField: 'ID' })
    expect(units.map((u) => u.id)).toEqual(['3100', '12'])
    expect(units[0].featureIndexes).toEqual([0, 2, 3])
    expect(units[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: [box(0).coordinates, box(2).coordinates, box(3).coordinates] })
    expect(notices).toEqual(['beats.geojson: 3 features share id 3100; merged into one multi-part unit'])
  })

  it('refuses a feature with an empty id, naming the feature and field', () => {
    const e = refusal(() => buildUnits(layer([{ BEAT: '0411' }, { BEAT: '  ' }]), { idField: 'BEAT' }))
    expect(e.code).toBe('missing-id')
    expect(e.message).toBe("beats.geojson: feature 1 has no value in the id field 'BEAT'")
    expect(e.details).toEqual({ file: 'beats.geojson', feature: 1, field: 'BEAT' })
  })

  it('refuses a field the layer does not have, listing the fields it has', () => {
    const e = refusal(() => buildUnits(layer([{ DIST_NUM: '1', DIST_LABEL: '1ST' }], 'districts.geojson'), { idField: 'DIST' }))
    expect(e.code).toBe('unknown-field')
    expect(e.message).toBe("districts.geojson has no field 'DIST'; fields are: DIST_NUM, DIST_LABEL")
    expect(e.details?.field).toBe('DIST')
  })

  it("matches parents by normalized code ('04' → '4', ' n ' → 'N') and lists such matches in one notice", () => {
    const rows = [
      { BEAT: '0411', DISTRICT: '04' },
      { BEAT: '0412', DISTRICT: '04' },
      { BEAT: '0111', DISTRICT: '01' },
      { BEAT: '2222', DISTRICT: '22' },
      { BEAT: '9001', DISTRICT: ' north ' },
    ]
    const { units, notices } = buildUnits(layer(rows), { idField: 'BEAT', parentField: 'DISTRICT' }, ['1', '4', '22', 'North'])
    expect(units.map((u) => u.parentId)).toEqual(['4', '4', '1', '22', 'North'])
    expect(notices).toEqual([
      "beats.geojson: 4 units matched their Area Command only after ignoring case, spaces and leading zeros (3 distinct values, e.g. '04' → '4', '01' → '1', 'north' → 'North')",
    ])
  })

  it('prefers an exact parent match over a normalized one', () => {
    const { units, notices } = buildUnits(layer([{ B: 'a', P: '04' }]), { idField: 'B', parentField: 'P' }, ['4', '04'])
    expect(units[0].parentId).toBe('04')
    expect(notices).toEqual([])
  })

  it('refuses the whole import when a parent matches no Area Command', () => {
    const rows = Array.from({ length: 13 }, (_, i) => ({ BEAT: `05${String(i).padStart(2, '0')}`, DISTRICT: '4' }))
    rows[12] = { BEAT: '0411', DISTRICT: '44' }
    const e = refusal(() => buildUnits(layer(rows), { idField: 'BEAT', parentField: 'DISTRICT' }, ['4', '5']))
    expect(e.code).toBe('unknown-parent')
    expect(e.message).toBe("beats.geojson: feature 12 (id 0411): parent area '44' matches no Area Command")
    expect(e.details).toEqual({ file: 'beats.geojson', feature: 12, field: 'DISTRICT' })
  })

  it('counts the other units whose parent matches nothing', () => {
    const e = refusal(() => buildUnits(layer([{ B: '1', P: 'X' }, { B: '2', P: 'Y' }, { B: '3', P: 'Z' }]), { idField: 'B', parentField: 'P' }, ['A']))
    expect(e.message).toBe("beats.geojson: feature 0 (id 1): parent area 'X' matches no Area Command (and 2 more units)")
  })

  it('refuses merged features that name different parents', () => {
    const e = refusal(() => buildUnits(layer([{ B: '3100', P: '31' }, { B: '3100', P: '16' }]), { idField: 'B', parentField: 'P' }))
    expect(e.code).toBe('conflicting-parent')
    expect(e.message).toBe("beats.geojson: features 0 and 1 share id 3100 but name different parent areas ('31', '16') in field 'P'")
  })

  it('keeps raw parent values when no parent ids are given', () => {
    const { units } = buildUnits(layer([{ B: '1', P: '04' }]), { idField: 'B', parentField: 'P' })
    expect(units[0].parentId).toBe('04')
  })

  it('normalizes codes the way a person reads them', () => {
    expect(['04', '0', '000', ' Ab ', '0x1', '4.0'].map(normalizeCode)).toEqual(['4', '0', '0', 'ab', '0x1', '4.0'])
  })
})
