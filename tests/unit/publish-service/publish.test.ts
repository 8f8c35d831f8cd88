import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../../src/main/services/backup-service'
import { dumpTables } from '../../helpers/table-dump'
import { makeServices } from '../../helpers/services'
import { ADMIN, COMMANDER, expectRfc7946, makeBlocking, seedPrivateMarkers, type TestServices } from './helpers'

let s: TestServices
beforeEach(() => (s = makeServices()))
afterEach(() => s.cleanup())

describe('publishing the plan', () => {
  it('writes RFC 7946 files and a public page that carry no private field, and stores the same bytes', async () => {
    const markers = seedPrivateMarkers(s)
    const out = join(s.dir, 'site')
    const r = await s.publish.publish({ effectiveDate: '2025-07-01', outDir: out, publicPage: true }, ADMIN)
    expect(r.version).toMatchObject({ number: 1, effectiveDate: '2025-07-01', osUser: 'tester', profile: 'admin', overrideReason: null })
    expect(readdirSync(out).sort()).toEqual(['areas.geojson', 'index.html', 'neighborhoods.geojson'])
    const nb = readFileSync(join(out, 'neighborhoods.geojson'), 'utf8')
    const areas = readFileSync(join(out, 'areas.geojson'), 'utf8')
    const page = readFileSync(join(out, 'index.html'), 'utf8')
    expectRfc7946(nb)
    expectRfc7946(areas)
    expect(JSON.parse(nb).features).toHaveLength(s.plans.load().neighborhoods.length)
    for (const m of markers) for (const text of [nb, areas, page]) expect(text).not.toContain(m)
    // The page does carry the data (else the marker search would prove nothing).
    expect(page).toContain('Springtown')
    const stored = s.publish.files(1)
    expect(stored.neighborhoods.equals(readFileSync(join(out, 'neighborhoods.geojson')))).toBe(true)
    expect(stored.areas.equals(readFileSync(join(out, 'areas.geojson')))).toBe(true)
  })

  it('gives byte-identical files when the same plan is published twice (but for the version number)', async () => {
    const a = join(s.dir, 'a')
    const b = join(s.dir, 'b')
    await s.publish.publish({ effectiveDate: '2025-07-01', outDir: a }, ADMIN)
    await s.publish.publish({ effectiveDate: '2025-07-01', outDir: b }, ADMIN)
    for (const f of ['neighborhoods.geojson', 'areas.geojson']) {
      const one = readFileSync(join(a, f), 'utf8')
      const two = readFileSync(join(b, f), 'utf8')
      expect(two).not.toEqual(one)
      expect(two.replaceAll('"version":2', '"version":1')).toEqual(one)
    }
    expect(s.publish.versions().map((v) => v.number)).toEqual([2, 1])
  })

  it('says "published" until the plan changes, then "draft since" the last version', async () => {
    expect(s.publish.status(ADMIN)).toMatchObject({ last: null, draftChanged: true, nextVersion: 1, whyNot: null })
    await s.publish.publish({ effectiveDate: '2025-07-01' }, ADMIN)
    expect(s.publish.status(ADMIN)).toMatchObject({ last: { number: 1 }, draftChanged: false, nextVersion: 2 })
    makeBlocking(s)
    expect(s.publish.status(ADMIN).draftChanged).toBe(true)
    s.changes.undo(ADMIN)
    expect(s.publish.status(ADMIN).draftChanged).toBe(false)
  })

  it('refuses to publish over a blocking finding and stores nothing', async () => {
    makeBlocking(s)
    const before = dumpTables(s.repos.db)
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', outDir: join(s.dir, 'x') }, ADMIN)).rejects.toMatchObject({ code: 'blocked' })
    expect(dumpTables(s.repos.db)).toEqual(before)
    expect(existsSync(join(s.dir, 'x'))).toBe(false)
  })

  it('lets Administration override with a reason, recorded in the audit log and the version', async () => {
    makeBlocking(s)
    const r = await s.publish.publish({ effectiveDate: '2025-08-15', overrideReason: 'Council deadline; officer transfer pending' }, ADMIN)
    expect(r.version.overrideReason).toBe('Council deadline; officer transfer pending')
    expect(r.version.summary.blocking).toBe(true)
    const audit = s.repos.audit.recent(1)[0]
    expect(audit.action).toBe('publish-override')
    expect(audit.label).toContain('Council deadline; officer transfer pending')
    expect(audit.label).toContain('version 1')
    expect(s.repos.versions.get(1)!.auditSeq).toBe(audit.seq)
  })

  it('refuses a commander, even with a reason', async () => {
    const before = dumpTables(s.repos.db)
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', overrideReason: 'x' }, COMMANDER)).rejects.toMatchObject({ code: 'forbidden' })
    expect(s.publish.status(COMMANDER).whyNot).toMatch(/Only Administration/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('keeps published versions immutable in the database itself', async () => {
    await s.publish.publish({ effectiveDate: '2025-07-01' }, ADMIN)
    expect(() => s.repos.db.prepare("UPDATE published_versions SET effective_date = '2030-01-01'").run()).toThrow(/immutable/)
    expect(() => s.repos.db.prepare('DELETE FROM published_versions').run()).toThrow(/immutable/)
  })

  it('takes a backup before publishing', async () => {
    const r = await s.publish.publish({ effectiveDate: '2025-07-01' }, ADMIN)
    expect(r.backupFile).not.toBeNull()
    expect(listBackups(s.config.dbPath).map((b) => b.reason)).toContain('publish')
  })

  it('refuses a relative output folder and a public page without a folder, storing nothing', async () => {
    const before = dumpTables(s.repos.db)
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', outDir: 'relative/dir' }, ADMIN)).rejects.toThrow(/full path/)
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', publicPage: true }, ADMIN)).rejects.toThrow(/output folder/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('records no version when a file cannot be written', async () => {
    const before = dumpTables(s.repos.db)
    const blocker = join(s.dir, 'plan.sqlite') // a file where a folder should be
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', outDir: join(blocker, 'sub') }, ADMIN)).rejects.toThrow()
    expect(dumpTables(s.repos.db)).toEqual(before)
  })
})
