import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDevServer } from '../../src/main/server/dev-server'
import { changesSince } from '../../src/main/server/repos/change-log-repo'
import { readPlanRows } from '../../src/main/server/repos/plan-rows-repo'
import type { ChangeOp, ChangeSet, Officer } from '../../src/shared/domain'
import type { TestServer } from '../helpers/pg-server'
import { closeSampleDesks, openSampleDesks, tables, until, type Desk } from './desk'

let server: TestServer
let owner: pg.Client
let ne: Desk
let adm: Desk

beforeAll(async () => {
  ;({ server, owner, ne, adm } = await openSampleDesks())
})
afterAll(async () => {
  await closeSampleDesks({ server, ne, adm })
})

function rename(desk: Desk, id: string, name: string): ChangeSet {
  const before = desk.repos.neighborhoods.get(id)!
  return { label: `Rename ${before.name} to ${name}`, ops: [{ entity: 'neighborhood', id, before, after: { ...before, name } }] }
}

describe('working offline, and a server killed mid-import (real PostgreSQL 15 + PostGIS)', () => {
  it('5 edits made offline reach the server in order on reconnect; the one that conflicts is listed, not lost', async () => {
    await ne.sync.pause()
    expect(ne.sync.status).toBe('offline')
    adm.changes.apply(rename(adm, 'NE-vasco', 'Vasco (Administration)'), adm.actor)
    await adm.sync.settle()

    const off = ne.repos.officers.list().find((o) => o.areaId === 'NE' && o.status === 'active')!
    const edits: ChangeSet[] = []
    const edit = (cs: ChangeSet) => {
      edits.push(cs)
      ne.changes.apply(cs, ne.actor)
    }
    edit(rename(ne, 'NE-altamont', 'Altamont Hills'))
    edit(rename(ne, 'NE-vasco', 'Vasco Road'))
    edit(rename(ne, 'NE-sunset', 'Sunset Park'))
    edit({ label: `${off.displayName} to Night shift`, ops: [{ entity: 'officer', id: off.id, before: off, after: { ...off, shift: 'Night' } }] })
    edit(rename(ne, 'NE-altamont', 'Altamont'))
    expect(ne.sync.unsent().map((u) => u.label)).toEqual(edits.map((e) => e.label))

    await ne.sync.resume()
    await until(() => ne.sync.unsent().length === 0, 'the queue to empty')
    const mine = (await changesSince(owner, 0)).filter((e) => e.login === 'ne_cmdr')
    expect(mine.map((e) => e.label)).toEqual([edits[0], edits[2], edits[3], edits[4]].map((e) => e.label))
    expect(ne.sync.conflicts()).toEqual([expect.objectContaining({ label: 'Rename Vasco to Vasco Road', message: expect.stringMatching(/neighborhood NE-vasco was changed by admin_1 at .+\("Rename Vasco to Vasco \(Administration\)"\)/) })])
    const stored = tables(await readPlanRows(owner))
    expect(tables(ne.plans.load())).toEqual(stored)
    expect(stored.neighborhoods.find((n) => n.id === 'NE-vasco')).toMatchObject({ name: 'Vasco (Administration)' })
    expect(stored.neighborhoods.find((n) => n.id === 'NE-sunset')).toMatchObject({ name: 'Sunset Park' })
    // Dropping the listed step is the user's choice; until then it stays.
    ne.sync.dropConflict(ne.sync.conflicts()[0].localSeq)
    expect(ne.sync.conflicts()).toEqual([])
  })

  it('SIGKILL of the server during a large import: after restart it holds all of it or none, and the desk sends it again', async () => {
    const template = adm.repos.officers.get('off-010')!
    const ops: ChangeOp[] = Array.from({ length: 40_000 }, (_, i): ChangeOp => {
      const o: Officer = { ...template, id: `imp-${i}`, displayName: `Imported ${i}`, neighborhoodId: null, private: { ...template.private, employeeId: `IMP-${i}` } }
      return { entity: 'officer', id: o.id, before: null, after: o }
    })
    const before = (await owner.query('SELECT count(*)::int AS n FROM acp.officers')).rows[0].n as number
    const whys: string[] = []
    adm.sync['events'].status = (s, why) => whys.push(`${s}: ${why}`)
    adm.changes.apply({ label: 'Import roster (40,000 officers)', ops }, adm.actor, 'import', { recheck: false })
    // Kill every process of the server while the import's transaction runs.
    const watch = await server.owner()
    for (let i = 0; i < 500; i++) {
      const r = await watch.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%apply_change_set%' AND pid <> pg_backend_pid()`)
      if (r.rows[0].n > 0) break
      await new Promise((res) => setTimeout(res, 5))
    }
    const pid = server.pid()
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter(Boolean)
    process.kill(pid, 'SIGKILL')
    for (const c of children) {
      try {
        process.kill(c, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }
    await until(() => adm.sync.status !== 'online', 'the desk to notice the server is gone')
    // PostgreSQL will not start while the killed postmaster's process id still exists (until it is reaped).
    await until(() => !existsSync(`/proc/${pid}`), 'the killed server to be gone')
    await adm.sync.pause()
    expect(whys.join('\n')).toMatch(/offline: /)
    expect(adm.sync.unsent().map((u) => u.label)).toEqual(['Import roster (40,000 officers)'])

    startDevServer({ dir: server.dir, port: server.port })
    const after = await server.owner()
    const n = (await after.query('SELECT count(*)::int AS n FROM acp.officers')).rows[0].n as number
    expect([before, before + 40_000]).toContain(n)

    await adm.sync.resume()
    await adm.sync.settle()
    expect(adm.sync.unsent()).toEqual([])
    expect((await after.query('SELECT count(*)::int AS n FROM acp.officers')).rows[0].n).toBe(before + 40_000)
    expect((await changesSince(after, 0)).filter((e) => e.label === 'Import roster (40,000 officers)')).toHaveLength(1)
    expect(tables(adm.plans.load())).toEqual(tables(await readPlanRows(after)))
  })
})
