import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpPlan, inProcess, spawnCli, tempDir } from './spawn-cli'

const tmp = tempDir('acp-cli-bad-')
const db = join(tmp.dir, 'plan.sqlite')
afterAll(() => tmp.cleanup())

const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]
function write(name: string, content: string | object): string {
  const file = join(tmp.dir, name)
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}
const fc = (geometry: object, props: object = { DIST: '9' }) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry }] })

beforeAll(async () => {
  expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
})

/** Runs the real CLI and proves the plan file and every stored row are exactly as before. */
function refused(...argv: string[]): string {
  const bytes = readFileSync(db)
  const rows = dumpPlan(db)
  const r = spawnCli('import', '--db', db, ...argv)
  expect(r.code, r.err).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.endsWith('\n')).toBe(true)
  expect(r.err.trimEnd().split('\n')).toHaveLength(1)
  expect(readFileSync(db).equals(bytes)).toBe(true)
  expect(dumpPlan(db)).toEqual(rows)
  expect(existsSync(join(tmp.dir, 'backups'))).toBe(false)
  return r.err.trimEnd()
}

describe('bad input to import: one clear line on stderr, exit 2, the plan unchanged', () => {
  it('a file that does not exist', () => {
    const missing = join(tmp.dir, 'nowhere.geojson')
    expect(refused('--layer', 'areas', '--file', missing, '--id-field', 'DIST')).toMatch(/nowhere\.geojson/)
  })

  it('a field name the file does not have, listing the fields it has', () => {
    const f = write('districts.geojson', fc({ type: 'Polygon', coordinates: square(-121.9, 37.5, 0.01) }, { DIST_NUM: '9', LABEL: 'Nine' }))
    expect(refused('--layer', 'areas', '--file', f, '--id-field', 'DISTRICT', '--mode', 'add')).toBe("districts.geojson has no field 'DISTRICT'; fields are: DIST_NUM, LABEL")
  })

  it('a layer of points', () => {
    const f = write('stations.geojson', fc({ type: 'Point', coordinates: [-121.76, 37.68] }))
    expect(refused('--layer', 'areas', '--file', f, '--id-field', 'DIST', '--mode', 'add')).toMatch(/^stations\.geojson: feature 0 .*Point/)
  })

  it('a file that is not valid JSON', () => {
    const f = write('broken.geojson', '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"DIST": "9"}, "geometry": ')
    expect(refused('--layer', 'areas', '--file', f, '--id-field', 'DIST', '--mode', 'add')).toMatch(/^broken\.geojson/)
  })

  it('projected coordinates (State Plane feet) in a file that names no coordinate system', () => {
    const f = write('feet.geojson', fc({ type: 'Polygon', coordinates: square(6_150_000, 2_060_000, 5000) }))
    const msg = refused('--layer', 'areas', '--file', f, '--id-field', 'DIST', '--mode', 'add')
    expect(msg).toMatch(/^feet\.geojson/)
    expect(msg).toMatch(/coordinates look projected .* and the file names no coordinate system; choose the CRS it was exported in with --crs <EPSG>/)
  })

  it('a neighborhood whose Area Command does not exist, named with its feature index and value', () => {
    const f = write('beats.geojson', fc({ type: 'Polygon', coordinates: square(-121.76, 37.68, 0.001) }, { BEAT: '0101', DIST: '99' }))
    expect(refused('--layer', 'neighborhoods', '--file', f, '--id-field', 'BEAT', '--area-field', 'DIST', '--mode', 'add')).toBe(
      "beats.geojson: feature 0 (id 0101): parent area '99' matches no Area Command",
    )
  })
})
