import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFER_OVER } from '../../src/main/db/repos/audit-codec'
import { serverPullCommand, serverPushCommand } from '../../src/main/cli/server-push-pull'
import { changesSince } from '../../src/main/server/repos/change-log-repo'
import { readPlanRows } from '../../src/main/server/repos/plan-rows-repo'
import type { AreaCommand, ChangeSet } from '../../src/shared/domain'
import { makeServices } from '../helpers/services'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { closeSampleDesks, openSampleDesks, tables, until, type Desk } from './desk'

let server: TestServer
let owner: pg.Client
let ne: Desk
let adm: Desk
const tmp = mkdtempSync(join(tmpdir(), 'acp-imported-step-'))

beforeAll(async () => {
  ;({ server, owner, ne, adm } = await openSampleDesks())
})
afterAll(async () => {
  await closeSampleDesks({ server, ne, adm })
  rmSync(tmp, { recursive: true, force: true })
})

const COUNT = REFER_OVER + 100
/** An import of COUNT small Area Commands south of the sample city, as ImportService stores one (an 'import' step of adds). */
function areaImport(prefix: string): ChangeSet {
  const ops = Array.from({ length: COUNT }, (_, i) => {
    const [x, y] = [-121.9 + (i % 30) * 0.001, 37.5 + Math.floor(i / 30) * 0.001]
    const after: AreaCommand = {
      id: `${prefix}${i}`, name: `Imported ${i}`, color: '#0072b2', commanderId: null,
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] },
    }
    return { entity: 'area' as const, id: after.id, before: null, after }
  })
  return { label: `Import ${COUNT} Area Commands from grid.geojson (add)`, ops }
}

const rename = (a: AreaCommand, name: string): ChangeSet => ({ label: `Rename ${a.name}`, ops: [{ entity: 'area', id: a.id, before: a, after: { ...a, name } }] })
const auditBytes = (d: Desk, seq: number) => d.repos.db.prepare<[number], { n: number }>('SELECT length(change_set) + length(inverse) AS n FROM audit_log WHERE seq = ?').get(seq)!.n

describe('an import stored by reference to its rows, on a department server (real PostgreSQL 15 + PostGIS)', () => {
  it('made offline and edited before it is sent, reaches the server and the other desk as imported; undo and redo follow it there', async () => {
    await adm.sync.pause()
    const cs = areaImport('G')
    const imp = adm.changes.apply(cs, adm.actor, 'import', { recheck: false })
    expect(auditBytes(adm, imp.seq)).toBeLessThan(JSON.stringify(cs).length / 20)
    // Changed before it is sent: the server must get the import as it was stored, then the rename.
    adm.changes.apply(rename(adm.repos.areas.get('G5')!, 'Renamed offline'), adm.actor, 'edit', { recheck: false })
    expect(adm.sync.unsent().map((u) => u.label)).toEqual([cs.label, 'Rename Imported 5'])
    expect(adm.sync.unsent()[0].changeSet.ops[5].after).toMatchObject({ id: 'G5', name: 'Imported 5' })

    await adm.sync.resume()
    await adm.sync.settle()
    expect(adm.sync.unsent()).toEqual([])
    expect(adm.sync.conflicts()).toEqual([])
    const stored = tables(await readPlanRows(owner))
    expect(stored.areas).toHaveLength(3 + COUNT)
    expect(tables(adm.plans.load())).toEqual(stored)
    await until(() => ne.repos.areas.get('G5')?.name === 'Renamed offline', 'the other desk to receive the import and the rename')
    expect(tables(ne.plans.load())).toEqual(stored)

    // Undo the rename, then the import: both reach the server and the other desk.
    adm.writes.undo(adm.actor)
    adm.writes.undo(adm.actor)
    await adm.sync.settle()
    await until(() => ne.repos.areas.get('G0') === null, 'the other desk to see the import undone')
    expect(tables(await readPlanRows(owner)).areas).toHaveLength(3)
    expect(tables(ne.plans.load())).toEqual(tables(await readPlanRows(owner)))
    adm.writes.redo(adm.actor)
    await adm.sync.settle()
    await until(() => ne.repos.areas.get('G0') !== null, 'the other desk to see the import redone')
    const again = tables(await readPlanRows(owner))
    expect(again.areas.find((a) => a.id === 'G5')).toMatchObject({ name: 'Imported 5' })
    expect(tables(adm.plans.load())).toEqual(again)
    expect(tables(ne.plans.load())).toEqual(again)
  })

  it('server push copies a plan whose history holds an import into an empty server, with the import as stored, and server pull writes the same rows back', async () => {
    const fresh = await startTestServer()
    const file = join(tmp, 'local.sqlite')
    const local = makeServices({ dbPath: file })
    try {
      const cs = areaImport('L')
      const actor = local.session.actor()
      local.changes.apply(cs, actor, 'import', { recheck: false })
      local.changes.apply(rename(local.repos.areas.get('L7')!, 'Renamed later'), actor, 'edit', { recheck: false })
      const plan = tables(local.plans.load())
      local.cleanup()
      const said: string[] = []
      const io = { out: (t: string) => said.push(t), err: (t: string) => said.push(t) }
      const url = await fresh.addLogin('admin_push', 'administration', null)
      expect(await serverPushCommand.run({ db: file, server: url }, io)).toBe(0)
      const log = await changesSince(await fresh.owner(), 0)
      const history = log.find((e) => e.label === cs.label)!
      expect(history.action).toBe('history:import')
      expect(history.changeSet.ops).toHaveLength(COUNT)
      expect(history.changeSet.ops[7].after).toMatchObject({ id: 'L7', name: 'Imported 7' })

      const pulled = join(tmp, 'pulled.sqlite')
      expect(await serverPullCommand.run({ server: url, db: pulled }, io)).toBe(0)
      const back = makeServices({ dbPath: pulled, seed: false })
      expect(tables(back.plans.load())).toEqual(plan)
      back.cleanup()
    } finally {
      await fresh.stop()
    }
  })
})
