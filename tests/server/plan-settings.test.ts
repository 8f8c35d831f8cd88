import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { connectServer } from '../../src/main/server/connect'
import { readServerSettings } from '../../src/main/server/repos/settings-repo'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import { stableStringify } from '../../src/shared/domain'
import type { ServerEvent } from '../../src/shared/ipc/features/server-events'
import type { WriteResult } from '../../src/shared/ipc/write-result'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { openServerWindow, type ServerWindow } from '../helpers/server-window'
import { until } from './desk'
import { storeSampleCity } from './fixtures'

let server: TestServer
let owner: pg.Client
let adm: ServerWindow
let ne: ServerWindow
const clients: pg.Client[] = []
const conn = (login: string) => ({ host: '127.0.0.1', port: server.port, database: 'acp', login })
const dispatchOf = (w: ServerWindow) => createDispatch(createHandlers(w, undefined, w.link))
const department = { name: 'Springfield Police Department', address: '1 Main St', nonEmergencyPhone: '555-0100', emergency: '9-1-1' }
const settingsChange = (w: ServerWindow, name: string): WriteResult | undefined =>
  w.events.map((e: ServerEvent) => (e.kind === 'change' ? e.write : null)).find((x) => x?.settings?.department.name === name) ?? undefined
async function as(url: string): Promise<pg.Client> {
  const c = await connectServer(url)
  clients.push(c)
  return c
}

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.owner()
  await storeSampleCity(owner)
  await server.addLogin('adm_s', 'administration', null)
  await server.addLogin('ne_cmdr', 'commander', 'NE')
  adm = await openServerWindow(conn('adm_s'), 'pw-adm_s', 'carol')
  ne = await openServerWindow(conn('ne_cmdr'), 'pw-ne_cmdr', 'alice')
})
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})))
  for (const w of [adm, ne]) await w?.close()
  await server?.stop()
})

describe("the plan's settings on a department server (real PostgreSQL 15 + PostGIS)", () => {
  it("Administration's change is stored once on the server, naming the login, and the commander's window shows it and checks with it", async () => {
    // A neighborhood left without officers: a warning while unassigned neighborhoods do not block publishing.
    const plan = adm.plans.load()
    const n = plan.neighborhoods.find((x) => x.areaId === 'NE')!
    const ops = plan.officers.filter((o) => o.neighborhoodId === n.id).map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, neighborhoodId: null } }))
    adm.writes.edit({ label: `Unassign ${n.name}`, ops }, adm.session.actor())
    await adm.link.settle()
    await until(() => ne.repos.officers.get(ops[0].id)?.neighborhoodId === null, 'NE to follow the unassignment')
    expect(ne.validation.summary().errors).toBe(0)
    const logBefore = Number((await owner.query('SELECT count(*) AS n FROM acp.change_log')).rows[0].n)

    const tolerances = { ...adm.settings.get().tolerances, unassignedIsError: true }
    const r = await dispatchOf(adm)('settings:set', { department, tolerances })
    const storedAt = performance.now()
    expect(r).toMatchObject({ ok: true, value: { settings: { department, tolerances }, write: { changeSet: { label: 'Settings: plan-check tolerances, department contact', ops: [] } } } })

    // On the server: the values and exactly one log row, as the login, in one transaction.
    expect(await readServerSettings(owner)).toMatchObject({ department, tolerances })
    const log = await owner.query('SELECT login, action, label FROM acp.change_log ORDER BY seq DESC LIMIT 1')
    expect(log.rows[0]).toEqual({ login: 'adm_s', action: 'settings', label: 'Settings: plan-check tolerances, department contact' })
    expect(Number((await owner.query('SELECT count(*) AS n FROM acp.change_log')).rows[0].n)).toBe(logBefore + 1)

    // The commander's window is sent the change with the settings now in use and the findings under them.
    await until(() => !!settingsChange(ne, department.name), "the NE window to be sent Administration's settings")
    expect(performance.now() - storedAt).toBeLessThan(1000)
    const sent = settingsChange(ne, department.name)!
    expect(sent.settings).toMatchObject({ department, tolerances })
    expect(sent.findings.summary.errors).toBe(1)
    expect(ne.settings.get().department).toEqual(department)
    expect(ne.validation.findings().filter((f) => f.severity === 'error').map((f) => f.kind)).toEqual(['unassigned-neighborhood'])
    // Administration's own step is not sent again as a change set.
    await adm.link.settle()
    expect(adm.link.status().queued).toBe(0)
    expect(Number((await owner.query('SELECT count(*) AS n FROM acp.change_log')).rows[0].n)).toBe(logBefore + 1)
  })

  it("PostgreSQL refuses a commander's change of the plan's settings; Administration's login may; a desk's own settings are not kept there", async () => {
    const cmd = await as(server.urlFor('ne_cmdr', 'pw-ne_cmdr'))
    await expect(cmd.query(`UPDATE acp.settings SET value = '{"sliverWidthM":500}' WHERE key = 'tolerances'`)).rejects.toMatchObject({ code: '42501' })
    await expect(cmd.query(`INSERT INTO acp.settings (key, value) VALUES ('units', '"us"')`)).rejects.toMatchObject({ code: '42501' })
    await expect(cmd.query(`DELETE FROM acp.settings`)).rejects.toMatchObject({ code: '42501' })
    const req = { changeSet: { label: 'Settings: units', ops: [] }, inverse: { label: 'Settings: units', ops: [] }, action: 'settings', profile: 'commander:NE', osUser: 'alice' }
    await expect(cmd.query('SELECT acp.store_settings($1::jsonb, $2::jsonb)', [JSON.stringify(req), JSON.stringify({ units: 'us' })]))
      .rejects.toThrow("only Administration changes the plan's settings; the login ne_cmdr may not")
    // Through the app: the commander's window refuses first, and nothing changes anywhere.
    expect(await dispatchOf(ne)('settings:set', { units: 'us' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await readServerSettings(owner)).not.toHaveProperty('units')

    const admin = await as(server.urlFor('adm_s', 'pw-adm_s'))
    await expect(admin.query('SELECT acp.store_settings($1::jsonb, $2::jsonb)', [JSON.stringify(req), JSON.stringify({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png' })]))
      .rejects.toThrow('tileUrl is a setting of one desk, not of the plan; it is not kept on the server')
    expect((await admin.query(`UPDATE acp.settings SET value = value WHERE key = 'department'`)).rowCount).toBe(1)

    // The background map is this desk's: saved here, never sent.
    const r = await dispatchOf(adm)('settings:set', { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png' })
    expect(r).toMatchObject({ ok: true, value: { write: { changeSet: { label: 'Settings: background map' } } } })
    await adm.link.settle()
    expect(await readServerSettings(owner)).not.toHaveProperty('tileUrl')
    expect(ne.settings.get().tileUrl).toBeNull()
  })

  it("Administration's shifts reach the commander's desk: its staffing views count with them", async () => {
    const shifts = [{ name: 'Day', start: 420, end: 1140 }, { name: 'Night', start: 1140, end: 420 }]
    const r = await dispatchOf(adm)('workload:setShifts', { shifts })
    expect(r).toMatchObject({ ok: true, value: { shifts, write: { changeSet: { label: 'Settings: shifts' } } } })
    expect((await readServerSettings(owner)).shifts).toEqual(shifts)
    await until(() => stableStringify(ne.workload.shifts()) === stableStringify(shifts), 'the NE desk to use the new shifts')
    expect(await dispatchOf(ne)('workload:setShifts', { shifts: [{ name: 'All day', start: 0, end: 0 }] })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('offline, a change of the plan settings is refused with the reason and nothing is saved; a desk that joins later takes the server\'s', async () => {
    await adm.link.pause()
    const r = await dispatchOf(adm)('settings:set', { department: { ...department, name: 'Offline PD' } })
    expect(r).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringMatching(/kept on the department server for every desk, and this desk is offline \(working offline\); change them once it is back\. Nothing was saved\.$/) } })
    expect(adm.settings.get().department.name).toBe(department.name)
    expect((await readServerSettings(owner)).department).toEqual(department)
    await adm.link.resume()
    // Back online, a desk holding the server's settings has nothing to catch up (no step in its log).
    expect(adm.repos.audit.history(1)[0].label).not.toMatch(/as the department server holds them/)

    await server.addLogin('nw_cmdr', 'commander', 'NW')
    const nw = await openServerWindow(conn('nw_cmdr'), 'pw-nw_cmdr', 'bob')
    try {
      expect(nw.settings.get()).toMatchObject({ department, tolerances: { unassignedIsError: true } })
      expect(nw.validation.summary().errors).toBe(1)
    } finally {
      await nw.close()
    }
  })
  it('the settings command takes --server: Administration stores the plan settings there for every desk, a commander is refused and may print them', async () => {
    const cli = async (...args: string[]) => {
      const out: string[] = []
      const err: string[] = []
      const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
      return { code, out: out.join('\n'), err: err.join('\n') }
    }
    const saved = await cli('settings', '--server', server.urlFor('adm_s', 'pw-adm_s'), '--department-phone', '925-555-0199')
    expect(saved).toMatchObject({ code: 0, out: expect.stringContaining('Saved the non-emergency phone.') })
    expect((await readServerSettings(owner)).department).toEqual({ ...department, nonEmergencyPhone: '925-555-0199' })
    const log = await owner.query('SELECT login, action FROM acp.change_log ORDER BY seq DESC LIMIT 1')
    expect(log.rows[0]).toEqual({ login: 'adm_s', action: 'settings' })
    await until(() => ne.settings.get().department.nonEmergencyPhone === '925-555-0199', "the NE desk to follow the command line's change")

    const refused = await cli('settings', '--server', server.urlFor('ne_cmdr', 'pw-ne_cmdr'), '--units', 'us')
    expect(refused.code).toBe(2)
    expect(refused.err).toContain("Only Administration changes the plan's units. Nothing was saved.")
    expect(await readServerSettings(owner)).not.toHaveProperty('units')
    const shown = await cli('settings', '--server', server.urlFor('ne_cmdr', 'pw-ne_cmdr'))
    expect(shown).toMatchObject({ code: 0, out: expect.stringContaining('department non-emergency phone: 925-555-0199') })
  })
})
