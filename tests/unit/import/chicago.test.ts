import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildUnits } from '../../../src/main/import/build-units'
import { parseLayerFile } from '../../../src/main/import/parse-layer'

const dir = path.resolve(__dirname, '../../../../shared/real-data/chicago')
const present = fs.existsSync(path.join(dir, 'beats.geojson')) && fs.existsSync(path.join(dir, 'districts.geojson'))
if (!present) console.warn(`Chicago real-data tests skipped: ${dir} is absent`)

describe.skipIf(!present)('Chicago police districts and beats (real data)', () => {
  it('imports 23 districts and 275 beats, every beat under its district', async () => {
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'))[0]
    const districts = await parseLayerFile(path.join(dir, 'districts.geojson'))
    const beats = await parseLayerFile(path.join(dir, 'beats.geojson'))
    expect(districts.features).toHaveLength(truth.districts_features)
    expect(beats.features).toHaveLength(truth.beats)

    const areas = buildUnits(districts, { idField: 'DIST_NUM', nameField: 'DIST_LABEL' })
    expect(areas.units).toHaveLength(truth.districts_distinct)
    const d31 = areas.units.find((u) => u.id === '31')!
    expect(d31.featureIndexes).toHaveLength(3)
    expect(d31.geometry.type).toBe('MultiPolygon')
    expect(areas.notices).toEqual(['districts.geojson: 3 features share id 31; merged into one multi-part unit'])

    const hoods = buildUnits(beats, { idField: 'BEAT_NUM', parentField: 'DISTRICT' }, areas.units.map((u) => u.id))
    expect(hoods.units).toHaveLength(275)
    expect(hoods.units.find((u) => u.id === '3100')!.featureIndexes).toHaveLength(3)
    expect(hoods.units.find((u) => u.id === '0411')!.parentId).toBe('4')
    const areaIds = new Set(areas.units.map((u) => u.id))
    expect(hoods.units.every((u) => u.parentId !== null && areaIds.has(u.parentId))).toBe(true)
    expect(new Set(hoods.units.map((u) => u.parentId)).size).toBe(23)
    expect(hoods.notices).toContain('beats.geojson: 3 features share id 3100; merged into one multi-part unit')
    expect(hoods.notices.some((n) => /units matched their Area Command only after ignoring case, spaces and leading zeros .*'0\d' → '\d'/.test(n))).toBe(true)
  })
})
