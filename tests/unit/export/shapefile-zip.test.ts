import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { PlanState, Position } from '../../../src/shared/domain'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { formatFor } from '../../../src/main/export/formats'
import { SHAPEFILE_ZIP, WGS84_PRJ } from '../../../src/main/export/shapefile-zip'
import { dbaseNames } from '../../../src/main/export/write-dbf'
import { flatPublicLayers } from '../../../src/main/export/public-fields'
import { readDbf } from '../../../src/main/import/read-dbf'
import { readShp } from '../../../src/main/import/read-shp'
import { readCsvTable } from '../../../src/shared/staffing/csv-rows'
import { fixturePlanWithMultiPart, MARKER, META } from '../publish/fixture-plan'

/** 'ñ' is two bytes in UTF-8; 253 ASCII bytes put its second byte past the 254-byte limit. */
const LONG_NAME = `${'x'.repeat(253)}ñ and more`

/** The fixture, plus a neighborhood of two parts (the second with a hole) and a name too long for dBase. */
function plan(): PlanState {
  const p = fixturePlanWithMultiPart()
  p.neighborhoods.find((n) => n.id === 'n2')!.name = LONG_NAME
  return p
}

const layers = buildPublicDataset(plan(), META)
const [zip, mapping] = SHAPEFILE_ZIP.render(layers, META) as [Uint8Array, string]
const files = unzipSync(zip)
const published = (text: string) => (JSON.parse(text) as { features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[] }).features

/** The rings of each record exactly as stored, shells and holes not yet told apart. */
function rawRings(shp: Uint8Array): { box: number[]; rings: Position[][] }[] {
  const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength)
  const out: { box: number[]; rings: Position[][] }[] = []
  for (let p = 100; p < shp.length; ) {
    const len = v.getInt32(p + 4, false) * 2
    const c = p + 8
    const box = [0, 1, 2, 3].map((k) => v.getFloat64(c + 4 + k * 8, true))
    const parts = v.getInt32(c + 36, true)
    const points = v.getInt32(c + 40, true)
    const starts = [...Array(parts).keys()].map((k) => v.getInt32(c + 44 + k * 4, true)).concat(points)
    const at = c + 44 + parts * 4
    const rings = starts.slice(0, -1).map((s, k) => [...Array(starts[k + 1] - s).keys()].map((i): Position => [v.getFloat64(at + (s + i) * 16, true), v.getFloat64(at + (s + i) * 16 + 8, true)]))
    out.push({ box, rings })
    p = c + len
  }
  return out
}

/** Positive for counter-clockwise with lon as x. */
function signedArea(ring: Position[]): number {
  let s = 0
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return s / 2
}

describe('zipped Shapefile export', () => {
  it('is chosen by the .shp.zip ending and writes the field mapping beside the zip', () => {
    expect(formatFor('/x/Plan.SHP.ZIP')).toBe(SHAPEFILE_ZIP)
    expect(SHAPEFILE_ZIP.paths('/x/plan.shp.zip')).toEqual(['/x/plan.shp.zip', '/x/plan.fields.csv'])
  })

  it('holds both layers, each with .shp, .shx, .dbf, .prj (WGS84) and .cpg (UTF-8)', () => {
    const names = ['areas', 'neighborhoods'].flatMap((l) => ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => `${l}.${e}`))
    expect(Object.keys(files).sort()).toEqual(names.sort())
    expect(new TextDecoder().decode(files['areas.prj'])).toBe(WGS84_PRJ)
    expect(new TextDecoder().decode(files['neighborhoods.cpg'])).toBe('UTF-8')
  })

  it('reads back through the importer with the published geometry, holes and parts included', () => {
    for (const layer of ['areas', 'neighborhoods'] as const) {
      const geoms = readShp('t.shp.zip', `${layer}.shp`, files[`${layer}.shp`])
      const want = published(layers[layer])
      expect(geoms.map((g) => g?.type)).toEqual(want.map((f) => f.geometry.type === 'MultiPolygon' && (f.geometry.coordinates as unknown[]).length === 1 ? 'Polygon' : f.geometry.type))
      geoms.forEach((g, i) => {
        const w = want[i].geometry
        expect(g!.coordinates).toEqual(w.type === 'MultiPolygon' && (w.coordinates as unknown[]).length === 1 ? (w.coordinates as unknown[])[0] : w.coordinates)
      })
    }
    const m1 = readShp('t', 'neighborhoods.shp', files['neighborhoods.shp'])[published(layers.neighborhoods).findIndex((f) => f.properties.id === 'm1')]!
    expect(m1.type).toBe('MultiPolygon')
    expect((m1.coordinates as Position[][][]).map((p) => p.length)).toEqual([1, 2])
  })

  it('winds shells clockwise and holes counter-clockwise, with each record and the file bounded by their own box', () => {
    const shp = files['neighborhoods.shp']
    const records = rawRings(shp)
    const s1 = records[published(layers.neighborhoods).findIndex((f) => f.properties.id === 's1')]
    expect(s1.rings.map((r) => Math.sign(signedArea(r)))).toEqual([-1, 1])
    const m1 = records[published(layers.neighborhoods).findIndex((f) => f.properties.id === 'm1')]
    expect(m1.rings.map((r) => Math.sign(signedArea(r)))).toEqual([-1, -1, 1])
    for (const r of records) {
      const pts = r.rings.flat()
      expect(r.box).toEqual([Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))])
    }
    const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength)
    expect([36, 44, 52, 60].map((o) => v.getFloat64(o, true))).toEqual([-121.8, 37.65, -121.7, 37.72])
    expect(v.getInt32(24, false) * 2).toBe(shp.length)
  })

  it('writes every public field under a dBase name of at most 10 characters, listed in the mapping', () => {
    const rows = readCsvTable(mapping, 'fields.csv').rows.map((r) => r.cells)
    const [areas, nbs] = flatPublicLayers(layers)
    expect(rows.map((r) => `${r[0]}.${r[1]}`)).toEqual([...areas.fields.map((f) => `areas.${f.name}`), ...nbs.fields.map((f) => `neighborhoods.${f.name}`)])
    for (const layer of [areas, nbs]) {
      const table = readDbf('t', `${layer.name}.dbf`, files[`${layer.name}.dbf`], 'UTF-8')
      const names = rows.filter((r) => r[0] === layer.name).map((r) => r[2])
      expect(table.fields).toEqual(names)
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
      for (const n of names) expect(n.length).toBeLessThanOrEqual(10)
      table.records.forEach((rec, i) => {
        layer.fields.forEach((f, k) => {
          const v = layer.features[i].values[k]
          const got = rec[names[k]]
          if (v === null || v === '') expect(got).toBeNull()
          else if (f.name === 'name' && v === LONG_NAME) expect(LONG_NAME.startsWith(got as string)).toBe(true)
          else expect(got).toBe(v)
        })
      })
    }
    expect(rows.find((r) => r[1] === 'commander_rank')![2]).toBe('commander1')
  })

  it('cuts a text longer than 254 bytes before the character that does not fit, and says so in the mapping', () => {
    const bytes = files['neighborhoods.dbf']
    const table = readDbf('t', 'neighborhoods.dbf', bytes, 'UTF-8')
    const n2 = table.records[published(layers.neighborhoods).findIndex((f) => f.properties.id === 'n2')]
    expect(n2.name).toBe('x'.repeat(253))
    expect(table.records.map((r) => r.name)).toContain('Peña Heights')
    const nameRow = readCsvTable(mapping, 'fields.csv').rows.find((r) => r.cells[0] === 'neighborhoods' && r.cells[1] === 'name')!
    expect(nameRow.cells[3]).toMatch(/at most 254 bytes .*cut at a character boundary.*1 value was longer and cut/)
  })

  it('is byte-identical for the same version and carries nothing private', () => {
    const again = SHAPEFILE_ZIP.render(layers, META)
    expect(again[0]).toEqual(zip)
    expect(again[1]).toBe(mapping)
    const all = Object.values(files).map((b) => new TextDecoder().decode(b)).join('\n') + mapping
    expect(all).not.toContain(MARKER)
  })
})

describe('dBase field names', () => {
  it('cuts names to 10 characters and numbers the ones that meet, ignoring case', () => {
    expect(dbaseNames(['id', 'commander_name', 'commander_rank', 'Commander_x', 'department_name'])).toEqual(['id', 'commander_', 'commander1', 'Commander2', 'department'])
    const many = dbaseNames(Array.from({ length: 12 }, (_, i) => `long_field_${i}`))
    expect(many.slice(9, 12)).toEqual(['long_fiel9', 'long_fie10', 'long_fie11'])
    expect(new Set(many).size).toBe(12)
  })
})
