import { readFileSync } from 'node:fs'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionStore } from '../../src/main/server/connection-store'
import { ServerLink } from '../../src/main/server/server-link'
import { readPlanRows } from '../../src/main/server/repos/plan-rows-repo'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import type { ChangeSet } from '../../src/shared/domain'
import type { ServerStatus } from '../../src/shared/ipc/features/server-contract'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { makeServices } from '../helpers/services'
import { openServerWindow, testSecretBox, type ServerWindow } from '../helpers/server-window'
import { tables, until } from './desk'
import { storeSampleCity } from './fixtures'

let server: TestServer
let owner: pg.Client
let ne: ServerWindow
let nw: ServerWindow
const conn = (login: string) => ({ host: '127.0.0.1', port: server.port, database: 'acp', login })

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.owner()
  await storeSampleCity(owner)
  await server.addLogin('ne_cmdr', 'commander', 'NE')
  await server.addLogin('nw_cmdr', 'commander', 'NW')
  ne = await openServerWindow(conn('ne_cmdr'), 'pw-ne_cmdr', 'alice')
  nw = await openServerWindow(conn('nw_cmdr'), 'pw-nw_cmdr', 'bob')
})
afterAll(async () => {
  for (const w of [ne, nw]) await w?.close()
  await server?.stop()
})

function rename(w: ServerWindow, id: string, name: string): ChangeSet {
  const before = w.repos.neighborhoods.get(id)!
  return { label: `Rename ${before.name} to ${name}`, ops: [{ entity: 'neighborhood', id, before, after: { ...before, name } }] }
}
const lastStatus = (w: ServerWindow): ServerStatus | undefined => w.events.filter((e) => e.kind === 'status').at(-1)?.status

describe('the window side of a department server (real PostgreSQL 15 + PostGIS)', () => {
  it('Settings checks the login on the server before saving it, and keeps the password only encrypted, never in the plan file', async () => {
    const services = makeServices({ seed: true })
    try {
      const store = new ConnectionStore(services.dir, testSecretBox())
      let restarts = 0
      const link = new ServerLink(services, store, null, { push: () => {}, requestRestart: () => restarts++ })
      const call = createDispatch(createHandlers(services, undefined, link))
      const form = { host: '127.0.0.1', port: server.port, database: 'acp', login: 'ne_cmdr', password: 'wrong password' }
      const refused = await call('server:connect', form)
      expect(refused).toMatchObject({ ok: false, error: { code: 'server-unreachable', message: expect.stringMatching(/password authentication failed for user "ne_cmdr".*Nothing was saved\.$/) } })
      expect(store.info()).toBeNull()

      const done = await call('server:connect', { ...form, password: 'pw-ne_cmdr' })
      expect(done).toMatchObject({ ok: true, value: { state: 'none', saved: conn('ne_cmdr'), restartPending: true } })
      expect(restarts).toBe(1)
      const saved = readFileSync(store.file, 'utf8')
      expect(saved).toContain('"login": "ne_cmdr"')
      expect(saved).not.toContain('pw-ne_cmdr')
      expect(store.url()).toBe(server.urlFor('ne_cmdr', 'pw-ne_cmdr'))
      expect(readFileSync(services.config.dbPath).includes('pw-ne_cmdr')).toBe(false)
      expect(await call('server:status', undefined)).toMatchObject({ ok: true, value: { saved: conn('ne_cmdr') } })
    } finally {
      services.cleanup()
    }
    // A window whose working copy is that server's: the password is not in it either, after a sync.
    expect(readFileSync(ne.config.dbPath).includes('pw-ne_cmdr')).toBe(false)
  })

  it('the window is told who the user is and which area they may edit, from the server, and the picker cannot change it', async () => {
    await until(() => lastStatus(ne)?.state === 'online', 'the NE window to be online')
    expect(ne.link.status()).toMatchObject({ state: 'online', identity: { login: 'ne_cmdr', role: 'commander', areaId: 'NE', areaName: 'Northeast' }, queued: 0, conflicts: [] })
    expect(ne.session.info().profile).toEqual({ role: 'commander', areaId: 'NE' })
    expect(() => ne.session.setProfile({ role: 'admin' })).toThrow('Signed in to the department server as ne_cmdr')
    expect(nw.session.actor().profile).toEqual({ role: 'commander', areaId: 'NW' })
  })

  it("another window's edit reaches this window as a change it takes like its own write", async () => {
    const cs = rename(ne, 'NE-vasco', 'Vasco Heights')
    ne.writes.edit(cs, ne.session.actor())
    await until(() => nw.events.some((e) => e.kind === 'change' && e.write.changeSet.label === cs.label), 'the NW window to be sent the NE rename')
    const change = nw.events.find((e) => e.kind === 'change' && e.write.changeSet.label === cs.label)!
    if (change.kind !== 'change') throw new Error('not a change')
    expect(change.write.changeSet.ops[0].after).toMatchObject({ id: 'NE-vasco', name: 'Vasco Heights' })
    expect(change.write.findings.summary).toEqual(nw.validation.summary())
    expect(nw.repos.neighborhoods.get('NE-vasco')!.name).toBe('Vasco Heights')
  })

  it('offline: the window says so and counts queued steps; on reconnect the ones that conflicted are listed, and Redo or Drop settles each', async () => {
    await nw.link.pause()
    await until(() => lastStatus(nw)?.state === 'offline', 'the NW window to say it is offline')
    const nwIds = nw.plans.load().neighborhoods.filter((n) => n.areaId === 'NW').map((n) => n.id)
    nw.writes.edit(rename(nw, nwIds[0], 'Offline one'), nw.session.actor())
    nw.writes.edit(rename(nw, nwIds[1], 'Offline two'), nw.session.actor())
    await until(() => lastStatus(nw)?.queued === 2, 'the queued count to say 2')
    expect(lastStatus(nw)).toMatchObject({ state: 'offline', queued: 2 })
    // Administration renames two of NW's rows meanwhile; NW renames them too, offline, without knowing.
    const adm = await openServerWindowFromUrl(await server.addLogin('admin_w', 'administration', null))
    try {
      adm.writes.edit(rename(adm, nwIds[2], 'Named by Administration'), adm.session.actor())
      adm.writes.edit(rename(adm, nwIds[3], 'Also by Administration'), adm.session.actor())
      await adm.link.settle()
    } finally {
      await adm.close()
    }
    nw.writes.edit(rename(nw, nwIds[4], 'Offline five'), nw.session.actor())
    // The refused ones are the last steps made: nothing sent after them moves the desk's position past them.
    const mine = rename(nw, nwIds[2], 'Mine')
    const alsoMine = rename(nw, nwIds[3], 'Also mine')
    nw.writes.edit(mine, nw.session.actor())
    nw.writes.edit(alsoMine, nw.session.actor())
    await until(() => lastStatus(nw)?.queued === 5, 'the queued count to say 5')

    await nw.link.resume()
    await until(() => nw.link.status().queued === 0 && nw.link.status().conflicts.length === 2, 'the queue to empty with two conflicts')
    await until(() => lastStatus(nw)?.conflicts.length === 2 && lastStatus(nw)?.state === 'online', 'the window to be told of both')
    const [first, second] = lastStatus(nw)!.conflicts
    expect(first).toMatchObject({ label: mine.label, message: expect.stringContaining(`neighborhood ${nwIds[2]} was changed by admin_w`) })
    expect(second).toMatchObject({ label: alsoMine.label })
    // The map shows the stored state; the other three are on the server, in order.
    expect(nw.repos.neighborhoods.get(nwIds[2])!.name).toBe('Named by Administration')
    const stored = (await readPlanRows(owner)).neighborhoods
    expect([0, 1, 4].map((i) => stored.find((n) => n.id === nwIds[i])!.name)).toEqual(['Offline one', 'Offline two', 'Offline five'])

    // Redo: the step's result on top of the stored plan, as a new step sent to the server.
    const redone = nw.link.redoConflict(first.localSeq)
    expect(redone.changeSet.label).toBe(`Redo: ${mine.label}`)
    expect(redone.changeSet.ops[0].before).toMatchObject({ name: 'Named by Administration' })
    // Drop: the step leaves the list; the stored state stays.
    expect(nw.link.dropConflict(second.localSeq).conflicts).toEqual([])
    // A dropped step is never sent again; the redo is.
    await nw.link.settle()
    expect(nw.link.status()).toMatchObject({ queued: 0, conflicts: [] })
    const after = (await readPlanRows(owner)).neighborhoods
    expect(after.find((n) => n.id === nwIds[2])!.name).toBe('Mine')
    expect(after.find((n) => n.id === nwIds[3])!.name).toBe('Also by Administration')
    await until(() => ne.repos.neighborhoods.get(nwIds[2])!.name === 'Mine', 'the redo to reach NE')
    expect(tables(nw.plans.load())).toEqual(tables(await readPlanRows(owner)))
  })
})

async function openServerWindowFromUrl(url: string): Promise<ServerWindow> {
  const u = new URL(url)
  return openServerWindow({ host: u.hostname, port: Number(u.port), database: 'acp', login: decodeURIComponent(u.username) }, decodeURIComponent(u.password), 'carol')
}
