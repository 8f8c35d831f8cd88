import { readFileSync } from 'node:fs'
import { booleanPointInPolygon, feature, point } from '@turf/turf'
import { expect, test, type Page } from '@playwright/test'
import type pg from 'pg'
import type { LonLat, PlanState } from '../../src/shared/domain'
import { SERVER_EVENT } from '../../src/shared/ipc/features/server-events'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { openServerWindow, type ServerWindow } from '../helpers/server-window'
import { storeSampleCity } from '../server/fixtures'
import { dragFrom, sharedInteriorVertices } from './editor-helpers'
import { openApp, pagePush, type AppHandle } from './harness/app-fixture'

// Two windows, each with its own main-process services, working copy and connection, on one real
// PostgreSQL 15 + PostGIS (started here, as CI does after .ci/run installs it).
// Starting PostgreSQL and two windows takes a while on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

let server: TestServer
let owner: pg.Client
const windows: ServerWindow[] = []
const pages: Page[] = []
const apps: AppHandle[] = []

test.beforeAll(async () => {
  server = await startTestServer()
  owner = await server.owner()
  await storeSampleCity(owner)
  await server.addLogin('ne_cmdr', 'commander', 'NE')
  await server.addLogin('nw_cmdr', 'commander', 'NW')
})
test.afterAll(async () => {
  for (const p of pages) await p.close().catch(() => {})
  for (const w of windows) await w.close()
  await server?.stop()
})

async function openWindow(browser: import('@playwright/test').Browser, login: string, osUser: string): Promise<AppHandle> {
  const w = await openServerWindow({ host: '127.0.0.1', port: server.port, database: 'acp', login }, `pw-${login}`, osUser)
  windows.push(w)
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  pages.push(page)
  const push = pagePush(page)
  w.forward = (e) => push(SERVER_EVENT, e)
  const app = await openApp(page, { services: w, server: w.link })
  apps.push(app)
  return app
}

const holderAt = (plan: PlanState, at: LonLat) => plan.neighborhoods.find((n) => booleanPointInPolygon(point(at), feature(n.geometry)))?.name ?? null

test("a corner moved in Commander NE's window moves on Commander NW's map, without a reload", async ({ browser }) => {
  const ne = await openWindow(browser, 'ne_cmdr', 'alice')
  const nw = await openWindow(browser, 'nw_cmdr', 'bob')
  // Who each is, and what each may edit, comes from the server.
  await expect(ne.page.getByTestId('server-identity')).toHaveText('ne_cmdr · may edit Northeast')
  await expect(nw.page.getByTestId('server-identity')).toHaveText('nw_cmdr · may edit Northwest')
  await expect(nw.page.getByTestId('server-badge')).toHaveAttribute('data-state', 'online')

  const before = ne.services.plans.load()
  const [vertex] = sharedInteriorVertices(before, 'NE-springtown', 'NE-northfront')
  expect(vertex, 'Springtown and Northfront share an interior corner').toBeTruthy()
  const loadsBefore = nw.calls.filter((c) => c === 'plan:load').length

  await ne.page.getByTestId('tool-reshape').click()
  await ne.map.el.hover({ position: await ne.map.pixelOf(vertex[0], vertex[1]) })
  await expect(ne.map.el).toHaveAttribute('data-edit-cursor', 'move-vertex')
  await dragFrom(ne, vertex, 40, -25)
  await expect.poll(() => ne.services.repos.neighborhoods.get('NE-springtown')!.geometry).not.toEqual(before.neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry)
  const after = ne.services.plans.load()
  // The corner's new place, and a point of the ground that changed hands between the two.
  const ring = (g: PlanState['neighborhoods'][number]['geometry']) => (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates.flatMap((p) => p[0]))
  const had = new Set(ring(before.neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry).map((p) => `${p[0]},${p[1]}`))
  const moved = ring(after.neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry).find((p) => !had.has(`${p[0]},${p[1]}`))!
  const probe = [0.35, 0.5, 0.65]
    .map((t): LonLat => [vertex[0] + (moved[0] - vertex[0]) * t, vertex[1] + (moved[1] - vertex[1]) * t])
    .find((p) => holderAt(before, p) !== holderAt(after, p) && holderAt(after, p) !== null)
  expect(probe, 'some ground between the old and the new corner changed neighborhood').toBeTruthy()

  // On the other window's map (its commander's own area first; the whole city now) that ground now belongs to the other neighborhood: a click selects it.
  await nw.page.getByTestId('view-whole-city').click()
  await expect.poll(() => nw.services.repos.neighborhoods.get('NE-springtown')!.geometry).toEqual(after.neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry)
  // The readout names who stored it, from the server's change log.
  await expect(nw.page.getByTestId('touched-findings').locator('strong')).toHaveText(/^Stored by ne_cmdr: /)
  await expect(async () => {
    await nw.map.clickAt(probe![0], probe![1])
    await expect(nw.panels.selectedNeighborhood()).toHaveText(holderAt(after, probe!)!, { timeout: 1000 })
  }).toPass({ timeout: 10_000 })
  expect(nw.calls.filter((c) => c === 'plan:load').length).toBe(loadsBefore)
  expect(nw.foreignRequests).toEqual([])
})

test('a window that loses the server says it is offline and counts the changes waiting to be sent', async () => {
  const nw = windows[1]
  const page = pages[1]
  await nw.link.pause()
  await expect(page.getByTestId('server-offline')).toHaveText(/offline, nothing waiting/)
  const n = nw.repos.neighborhoods.get('NW-ruby-hill') ?? nw.plans.load().neighborhoods.find((x) => x.areaId === 'NW')!
  nw.writes.edit({ label: `Rename ${n.name}`, ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: `${n.name} (offline)` } }] }, nw.session.actor())
  await expect(page.getByTestId('server-offline')).toHaveText(/offline, 1 change waiting to be sent/)
  await nw.link.resume()
  await expect(page.getByTestId('server-badge')).toHaveAttribute('data-state', 'online')
  await expect.poll(async () => (await owner.query<{ name: string }>(`SELECT doc->>'name' AS name FROM acp.neighborhoods WHERE id = $1`, [n.id])).rows[0].name).toBe(`${n.name} (offline)`)
})

test('changes the server refused are listed in the window, each redone on top of the stored plan or dropped', async () => {
  const [, nw] = windows
  const page = pages[1]
  const ids = nw.plans.load().neighborhoods.filter((n) => n.areaId === 'NW').map((n) => n.id).slice(0, 2)
  const rename = (w: ServerWindow, id: string, name: string) => {
    const n = w.repos.neighborhoods.get(id)!
    w.writes.edit({ label: `Rename ${n.name} to ${name}`, ops: [{ entity: 'neighborhood', id, before: n, after: { ...n, name } }] }, w.session.actor())
  }
  // Administration renames both while NW's window is offline and renames them too.
  await nw.link.pause()
  const admin = await openServerWindow({ host: '127.0.0.1', port: server.port, database: 'acp', login: 'admin_e2e' }, await server.addLogin('admin_e2e', 'administration', null).then((u) => decodeURIComponent(new URL(u).password)), 'carol')
  windows.push(admin)
  rename(admin, ids[0], 'Named by Administration')
  rename(admin, ids[1], 'Also by Administration')
  await admin.link.settle()
  rename(nw, ids[0], 'Mine')
  rename(nw, ids[1], 'Also mine')
  await nw.link.resume()

  await page.getByTestId('server-conflicts-open').click()
  const list = page.getByTestId('server-conflicts')
  await expect(list.locator('li')).toHaveCount(2)
  await expect(list.locator('li').first()).toContainText('was changed by admin_e2e')
  const stored = async (id: string) => (await owner.query<{ name: string }>(`SELECT doc->>'name' AS name FROM acp.neighborhoods WHERE id = $1`, [id])).rows[0].name
  await list.locator('li').first().getByTestId('conflict-redo').click()
  await expect.poll(() => stored(ids[0])).toBe('Mine')
  await expect(list.locator('li')).toHaveCount(1)
  await list.locator('li').first().getByTestId('conflict-drop').click()
  await expect(page.getByTestId('server-conflicts-open')).toHaveCount(0)
  expect(await stored(ids[1])).toBe('Also by Administration')
  // The window's own list shows the stored names.
  await expect(page.getByTestId('area-tree').locator(`[data-neighborhood-id="${ids[0]}"]`)).toHaveText('Mine')
  await expect(page.getByTestId('area-tree').locator(`[data-neighborhood-id="${ids[1]}"]`)).toHaveText('Also by Administration')
})

test('Settings: the department server section refuses a wrong password with the server\'s words and saves a right one for the next start', async () => {
  const page = pages[0]
  await page.getByTestId('about').click()
  const section = page.getByTestId('server-settings')
  await expect(section).toContainText('This window works with ne_cmdr on 127.0.0.1')
  await section.locator('input[name="password"]').fill('not the password')
  await section.getByTestId('server-connect').click()
  await expect(section.getByTestId('server-message')).toContainText('password authentication failed for user "ne_cmdr"')
  await expect(section.getByTestId('server-message')).toContainText('Nothing was saved.')
  await section.locator('input[name="login"]').fill('nw_cmdr')
  await section.locator('input[name="password"]').fill('pw-nw_cmdr')
  await section.getByTestId('server-connect').click()
  await expect(section.getByTestId('server-restart')).toContainText('Saved: nw_cmdr on 127.0.0.1')
  await expect(section.locator('input[name="password"]')).toHaveValue('')
  expect(readFileSync(windows[0].store.file, 'utf8')).not.toContain('pw-nw_cmdr')
})

test("Administration changes the department's name in its window; the commander's open settings show it without a reload", async ({ browser }) => {
  const ne = apps[0]
  await server.addLogin('admin_set', 'administration', null)
  const adm = await openWindow(browser, 'admin_set', 'dana')
  // The commander's settings are open while Administration saves.
  const neAbout = ne.page.getByTestId('about-dialog')
  if (!(await neAbout.isVisible())) await ne.page.getByTestId('about').click()
  await expect(neAbout.getByTestId('department-name')).toHaveValue(ne.services.settings.get().department.name)
  const asked = ne.calls.filter((c) => c === 'settings:get' || c === 'plan:load').length

  await adm.page.getByTestId('about').click()
  const about = adm.page.getByTestId('about-dialog')
  await about.getByTestId('department-name').fill('Tri-Valley Police Department')
  await about.getByTestId('department-phone').fill('925-555-0100')
  await about.getByTestId('save-settings').click()
  await expect(about.getByTestId('settings-message')).toContainText('Saved.')
  expect((await owner.query<{ value: string }>(`SELECT value FROM acp.settings WHERE key = 'department'`)).rows[0].value).toContain('Tri-Valley Police Department')

  await expect(neAbout.getByTestId('department-name')).toHaveValue('Tri-Valley Police Department')
  await expect(neAbout.getByTestId('department-phone')).toHaveValue('925-555-0100')
  // Taken from the change the server pushed: the window asked for nothing again.
  expect(ne.calls.filter((c) => c === 'settings:get' || c === 'plan:load').length).toBe(asked)
})
