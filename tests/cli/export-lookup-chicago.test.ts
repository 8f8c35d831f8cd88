import * as turf from '@turf/turf'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli'
import { openDatabase } from '../../src/main/db/connection'
import { createServices } from '../../src/main/services'
import { writeOp } from '../../src/main/services/entity-store'
import type { ChangeOp, Polygon } from '../../src/shared/domain'
import { loadChicagoPlan } from '../../bench/lookup/chicago-plan'

const CHICAGO = path.resolve(__dirname, '../../../shared/real-data/chicago')
const present = existsSync(path.join(CHICAGO, 'beats.geojson'))
if (!present) console.log(`skipped: Chicago data not found at ${CHICAGO}`)

const dir = mkdtempSync(path.join(tmpdir(), 'acp-cli-chicago-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

interface Beat {
  properties: { BEAT_NUM: string; DISTRICT: string }
  geometry: Polygon
}

/** A point well inside each beat (ids: the plan's id of each feature, in file order) (its centroid when that is 30 m or more from the beat's edge). */
function interiorPoints(beats: Beat[], ids: string[]): { beat: string; district: string; at: number[] }[] {
  const out: { beat: string; district: string; at: number[] }[] = []
  for (const [i, b] of beats.entries()) {
    const c = turf.centroid(b.geometry).geometry.coordinates
    if (!turf.booleanPointInPolygon(c, b.geometry)) continue
    const edge = turf.polygonToLine(b.geometry) as Parameters<typeof turf.pointToLineDistance>[1]
    if (turf.pointToLineDistance(c, edge, { units: 'meters' }) < 30) continue
    out.push({ beat: ids[i], district: String(parseInt(b.properties.DISTRICT, 10)), at: c })
  }
  return out
}

describe.skipIf(!present)('lookup on the Chicago plan (beats as neighborhoods, districts as areas)', () => {
  it('answers the right beat for points inside known beats, through the service and the command', async () => {
    const db = path.join(dir, 'chicago.sqlite')
    expect((await cli('init', '--db', db)).code).toBe(0)
    const loaded = loadChicagoPlan(CHICAGO)!
    const conn = openDatabase(db)
    const s = createServices({ db: conn, dbPath: db, userDataPath: dir, sampleDir: dir, osUser: 'tester', appVersion: 'test' })
    const ops: ChangeOp[] = [
      ...loaded.plan.areas.map((a) => ({ entity: 'area' as const, id: a.id, before: null, after: { ...a, commanderId: null } })),
      ...loaded.plan.neighborhoods.map((n) => ({ entity: 'neighborhood' as const, id: n.id, before: null, after: n })),
      ...loaded.plan.officers.map((o) => ({ entity: 'officer' as const, id: o.id, before: null, after: o })),
    ]
    // Stored straight through the storage layer in one transaction: the change service would also
    // re-validate all of Chicago after the step, which is the validator's benchmark, not this test's.
    conn.transaction(() => {
      for (const op of ops) writeOp(s.repos, op)
      for (const a of loaded.plan.areas) writeOp(s.repos, { entity: 'area', id: a.id, before: { ...a, commanderId: null }, after: a })
    })()
    const beats = (JSON.parse(readFileSync(path.join(CHICAGO, 'beats.geojson'), 'utf8')) as { features: Beat[] }).features
    const points = interiorPoints(beats, loaded.beatFeatureIds)
    expect(points.length).toBeGreaterThan(200)
    const wrong = points.filter((p) => s.lookup.lookup(p.at[0], p.at[1])?.neighborhood?.id !== p.beat)
    expect(wrong.map((p) => p.beat)).toEqual([])
    const many = Array.from({ length: 10_000 }, (_, i) => points[i % points.length].at as [number, number])
    const t0 = performance.now()
    const answers = s.lookup.lookupMany(many)
    console.log(`10,000 LookupService lookups inside Chicago beats: ${(performance.now() - t0).toFixed(1)} ms (bench/lookup measures it properly)`)
    expect(answers.every((a, i) => a?.neighborhood?.id === points[i % points.length].beat)).toBe(true)
    conn.close()

    for (const p of points.slice(0, 3)) {
      const r = await cli('lookup', '--db', db, '--lon', String(p.at[0]), '--lat', String(p.at[1]), '--json')
      expect(r.code, r.err).toBe(0)
      expect(JSON.parse(r.out)).toMatchObject({ inside: true, neighborhood: { id: p.beat }, area: { id: p.district }, commander: { name: `K. Commander-${p.district}` } })
    }
    expect((await cli('lookup', '--db', db, '--lon', '-87.2', '--lat', '41.8')).code).toBe(1) // Lake Michigan
  }, 60_000)
})
