import { check } from '@placemarkio/check-geojson'
import * as turf from '@turf/turf'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { runCli } from '../../src/main/cli'
import { dumpTables } from '../helpers/table-dump'

let dir = ''
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'acp-cli-export-'))))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function dump(db: string) {
  const d = openDatabase(db)
  try {
    return dumpTables(d)
  } finally {
    d.close()
  }
}

async function samplePlan(name: string): Promise<string> {
  const db = join(dir, `${name}.sqlite`)
  expect((await cli('init', '--db', db, '--sample')).code).toBe(0)
  return db
}

/** An officer adopting a neighborhood of another area: a blocking finding, made with plain SQL on a closed plan. */
function makeBlocking(db: string): void {
  const d = openDatabase(db)
  const nw = d.prepare("SELECT id FROM neighborhoods WHERE area_id = 'NW' LIMIT 1").get() as { id: string }
  const o = d.prepare("SELECT officer_id AS id FROM adoptions JOIN officers ON officers.id = officer_id WHERE officers.area_id = 'NE' LIMIT 1").get() as { id: string }
  d.prepare('UPDATE adoptions SET neighborhood_id = ? WHERE officer_id = ?').run(nw.id, o.id)
  d.close()
}

describe('cli export', () => {
  it('writes the neighborhoods file and the areas beside it, as a new published version', async () => {
    const db = await samplePlan('clean')
    const out = join(dir, 'out', 'livermore.geojson')
    const r = await cli('export', '--db', db, '--out', out, '--date', '2025-07-01')
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toContain('Published version 1 (effective 2025-07-01)')
    const areas = join(dir, 'out', 'livermore.areas.geojson')
    for (const f of [out, areas]) {
      expect(() => check(readFileSync(f, 'utf8'))).not.toThrow()
    }
    expect(JSON.parse(readFileSync(out, 'utf8')).features[0].properties).toMatchObject({ version: 1, effectiveDate: '2025-07-01' })
    expect(JSON.parse(readFileSync(areas, 'utf8')).features).toHaveLength(3)
  })

  it('exits 1 with the findings summary on stderr when something blocks, storing and writing nothing', async () => {
    const db = await samplePlan('blocked')
    makeBlocking(db)
    const before = dump(db)
    const out = join(dir, 'blocked.geojson')
    const r = await cli('export', '--db', db, '--out', out)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/not published: 1 error, \d+ warnings?; publishing is blocked \(1 officer-outside-area/)
    expect(existsSync(out)).toBe(false)
    expect(dump(db)).toEqual(before)
  })

  it('publishes anyway with --force and records the override in the audit log and the version', async () => {
    const db = await samplePlan('forced')
    makeBlocking(db)
    const r = await cli('export', '--db', db, '--out', join(dir, 'forced.geojson'), '--force', '--reason', 'Board meeting tonight')
    expect(r.code).toBe(0)
    expect(r.out).toContain('override recorded: Board meeting tonight')
    const d = openDatabase(db)
    const audit = d.prepare("SELECT action, label FROM audit_log WHERE action LIKE 'publish%'").all() as { action: string; label: string }[]
    const version = d.prepare('SELECT number, override_reason FROM published_versions').all()
    d.close()
    expect(audit).toEqual([{ action: 'publish-override', label: expect.stringContaining('override reason: Board meeting tonight') }])
    expect(version).toEqual([{ number: 1, override_reason: 'Board meeting tonight' }])
  })

  it('refuses bad flags with exit 2', async () => {
    const db = await samplePlan('flags')
    expect((await cli('export', '--db', db)).code).toBe(2)
    expect((await cli('export', '--db', db, '--out', join(dir, 'x.geojson'), '--date', '2025-02-30')).err).toMatch(/--date must be a calendar date/)
    expect((await cli('export', '--db', join(dir, 'missing.sqlite'), '--out', join(dir, 'x.geojson'))).code).toBe(2)
  })
})

describe('cli lookup', () => {
  it('names the neighborhood, area, officers and commander at a point', async () => {
    const db = await samplePlan('lookup')
    const d = openDatabase(db)
    const nb = d.prepare("SELECT n.id, n.name, n.geometry FROM neighborhoods n JOIN adoptions a ON a.neighborhood_id = n.id WHERE n.area_id = 'NE' LIMIT 1").get() as { id: string; name: string; geometry: string }
    d.close()
    const [lon, lat] = turf.pointOnFeature(JSON.parse(nb.geometry)).geometry.coordinates
    const text = await cli('lookup', '--db', db, '--lon', String(lon), '--lat', String(lat))
    expect(text.code).toBe(0)
    expect(text.out).toContain(`Neighborhood: ${nb.name} (${nb.id})`)
    expect(text.out).toContain('Area Command: Northeast (NE)')
    expect(text.out).toMatch(/Officers: \S/)
    expect(text.out).toMatch(/Area Commander: Lieutenant H\. Nguyen/)
    expect(text.out).toContain('Emergencies: call 9-1-1; non-emergency 925-371-4900')
    const json = await cli('lookup', '--db', db, '--lon', String(lon), '--lat', String(lat), '--json')
    const a = JSON.parse(json.out)
    expect(a).toMatchObject({ inside: true, neighborhood: { id: nb.id }, area: { id: 'NE' } })
    expect(json.out).not.toMatch(/employeeId|personalPhone|homeAddress|SAMPLE-E/)
  })

  it('says a point outside the city is outside (exit 1) and refuses bad numbers (exit 2)', async () => {
    const db = await samplePlan('outside')
    const r = await cli('lookup', '--db', db, '--lon', '-100', '--lat', '40')
    expect(r).toMatchObject({ code: 1, out: '-100, 40 is outside the city: no Area Command covers it.' })
    expect(JSON.parse((await cli('lookup', '--db', db, '--lon', '-100', '--lat', '40', '--json')).out)).toEqual({ lon: -100, lat: 40, inside: false })
    expect((await cli('lookup', '--db', db, '--lon', 'abc', '--lat', '40')).code).toBe(2)
    expect((await cli('lookup', '--db', db, '--lon', '-121.7', '--lat', '95')).err).toMatch(/--lat must be between -90 and 90/)
    expect((await cli('lookup', '--db', db, '--lon', '-121.7')).code).toBe(2)
  })
})
