import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dumpPlan, inProcess, tempDir } from './spawn-cli'

const tmp = tempDir('acp-cli-restore-')
afterAll(() => tmp.cleanup())

describe('restore after an import', () => {
  it('the backup taken before an import brings the plan back, and the imported file is kept aside', async () => {
    const db = join(tmp.dir, 'plan.sqlite')
    expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
    const before = dumpPlan(db)
    const layer = join(tmp.dir, 'extra.geojson')
    const ring = [[-121.9, 37.5], [-121.89, 37.5], [-121.89, 37.51], [-121.9, 37.51], [-121.9, 37.5]]
    writeFileSync(layer, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'X' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }))
    const imported = await inProcess('import', '--db', db, '--layer', 'areas', '--file', layer, '--id-field', 'id', '--mode', 'add')
    expect(imported.code).toBe(0)
    const backup = /Backup taken before the import: (.+)$/m.exec(imported.out)![1]
    expect(dumpPlan(db).areas).toHaveLength(4)

    const r = await inProcess('restore', '--db', db, '--from', backup)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const previous = /The previous file is kept as (.+)\.$/.exec(r.out)![1]
    expect(existsSync(previous)).toBe(true)
    expect(dumpPlan(db).areas).toEqual(before.areas)
    expect(dumpPlan(db).audit_log).toEqual(before.audit_log)
  })

  it('a backup that does not exist is refused with exit 2', async () => {
    const r = await inProcess('restore', '--db', join(tmp.dir, 'plan.sqlite'), '--from', join(tmp.dir, 'nope.sqlite'))
    expect(r).toMatchObject({ code: 2, err: `There is no backup at ${join(tmp.dir, 'nope.sqlite')}.` })
  })

  it('on a department server restore refuses with exit 2 and points to server push/pull, before connecting', async () => {
    const r = await inProcess('restore', '--server', 'postgres://admin_1@127.0.0.1:1/acp', '--from', join(tmp.dir, 'nope.sqlite'))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^restore: restore works on a plan file \(--db\); on a department server use: npm run cli -- server pull \(to a file\) or server push/)
  })
})
