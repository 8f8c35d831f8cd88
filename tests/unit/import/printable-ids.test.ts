import { describe, expect, it } from 'vitest'
import { buildUnits } from '../../../src/main/import/build-units'
import { ImportError } from '../../../src/main/import/parse-layer'
import type { ParsedLayer } from '../../../src/main/import/parse-layer'
import type { Polygon } from '../../../src/shared/domain/geometry'

/** Ids from a layer file are refused when they could forge terminal output or are not well-formed Unicode; messages stay bounded. */
const box = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })

function layer(rows: Record<string, unknown>[], fields = [...new Set(rows.flatMap((r) => Object.keys(r)))]): ParsedLayer {
  return { file: 'beats.geojson', format: 'geojson', crs: 'EPSG:4326', fields, features: rows.map((properties, index) => ({ index, properties, geometry: box(index) })), notices: [] }
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

const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('ids from a layer file', () => {
  it.each([
    ['an ESC sequence setting the terminal title', '11\u001b]0;pwned\u0007', 'a control character (U+001B) at character 3'],
    ['a bare CR inside the id', '11\rFAKE', 'a control character (U+000D) at character 3'],
    ['a right-to-left override', '1\u202E12', 'a bidirectional control (U+202E) at character 2'],
    ['a C1 CSI', '\u009b31m', 'a control character (U+009B) at character 1'],
  ])('an id with %s is refused naming the feature, field and character', (_what, id, words) => {
    const e = refusal(() => buildUnits(layer([{ BEAT: '10' }, { BEAT: id }]), { idField: 'BEAT' }))
    expect(e.code).toBe('unprintable-id')
    expect(e.message).toContain("beats.geojson: feature 1 has an id in field 'BEAT' holding")
    expect(e.message).toContain(words)
    expect(e.message).not.toMatch(RAW_CONTROL)
    expect(e.details).toEqual({ file: 'beats.geojson', feature: 1, field: 'BEAT' })
  })

  it('a lone surrogate in an id is refused as ill-formed Unicode', () => {
    const e = refusal(() => buildUnits(layer([{ BEAT: 'A\ud800' }]), { idField: 'BEAT' }))
    expect(e.code).toBe('ill-formed-id')
    expect(e.message).toMatch(/feature 0 has an id in field 'BEAT' that is not well-formed Unicode: a lone UTF-16 surrogate \(U\+D800\)/)
  })

  it('a parent area id with an ESC is refused too', () => {
    const e = refusal(() => buildUnits(layer([{ BEAT: '1', AREA: 'N\u001b[2J' }]), { idField: 'BEAT', parentField: 'AREA' }, ['N']))
    expect(e.message).toContain("a parent area id in field 'AREA' holding a control character (U+001B)")
  })

  it('names may hold any script, and surrogate pairs are fine in ids', () => {
    const { units } = buildUnits(layer([{ BEAT: '北1🚓', NAME: 'Центр' }]), { idField: 'BEAT', nameField: 'NAME' })
    expect(units[0]).toMatchObject({ id: '北1🚓', name: 'Центр' })
  })
})

describe('messages about layer ids stay short', () => {
  it('a 5 MB parent id is shown by its first 200 characters and its length', () => {
    const parent = 'P'.repeat(5 * 1024 * 1024)
    const e = refusal(() => buildUnits(layer([{ BEAT: '1', AREA: parent }]), { idField: 'BEAT', parentField: 'AREA' }, ['N']))
    expect(e.code).toBe('unknown-parent')
    expect(e.message.length).toBeLessThan(500)
    expect(e.message).toContain(`'${'P'.repeat(200)}… (5,242,880 characters)'`)
  })

  it('a 2 MB array where the id belongs is shown cut', () => {
    const e = refusal(() => buildUnits(layer([{ BEAT: Array.from({ length: 400_000 }, () => 1) }]), { idField: 'BEAT' }))
    expect(e.code).toBe('missing-id')
    expect(e.message.length).toBeLessThan(500)
    expect(e.message).toMatch(/the value \[1,1,1.*… \(800,001 characters\), which is not an id/)
  })

  it('a layer with 200,000 fields lists 20 of them when the id field is missing', () => {
    const fields = Array.from({ length: 200_000 }, (_, i) => `F${i}`)
    const e = refusal(() => buildUnits(layer([{ F0: 1 }], fields), { idField: 'BEAT' }))
    expect(e.message.length).toBeLessThan(500)
    expect(e.message).toContain('fields are: F0, F1, F2')
    expect(e.message).toContain('F19, … and 199,980 more')
  })
})
