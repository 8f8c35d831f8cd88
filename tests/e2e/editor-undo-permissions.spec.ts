import type { ChangeSet, PlanState } from '../../src/shared/domain'
import { deleteNeighborhood, moveVertex, recolorNeighborhood, renameNeighborhood } from '../../src/shared/geo/ops'
import { dumpTables } from '../helpers/table-dump'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { clickPath, dragFrom, sharedInteriorVertices } from './editor-helpers'

const EXCLUDE = { exclude: ['audit_log', 'settings'] }
/**
 * Table contents as sorted rows: a neighborhood deleted and restored by undo comes back with a new
 * rowid, so rowid order is not part of what is stored about the plan; every column value is.
 */
const dump = (app: AppHandle) =>
  JSON.stringify(Object.fromEntries(Object.entries(dumpTables(app.services.config.db, EXCLUDE)).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r)).sort()])))

async function viaIpc(app: AppHandle, make: (p: PlanState) => ChangeSet): Promise<void> {
  const r = (await app.invoke('changes:apply', make(app.services.plans.load()))) as { ok: boolean; error?: { message: string } }
  expect(r.ok, r.error?.message).toBe(true)
}

test('undoing each of ten mixed edits returns the database to where it started, and redo brings them all back', async ({ app }) => {
  test.setTimeout(90_000)
  const page = app.page
  const start = dump(app)
  const p0 = app.services.plans.load()
  const stored = async (before: string) => expect.poll(() => dump(app)).not.toBe(before)
  let last = start

  // 1-2. Reshape: drag a shared corner, then drag a shared edge.
  await page.getByTestId('tool-reshape').click()
  const [v] = sharedInteriorVertices(p0, 'NE-springtown', 'NE-northfront')
  await dragFrom(app, v, 5, -5)
  await stored(last)
  last = dump(app)
  const [w1, w2] = sharedInteriorVertices(p0, 'NE-jensen', 'NE-vasco')
  const jensen = app.services.plans.load().neighborhoods.find((n) => n.id === 'NE-jensen')!
  const ring = jensen.geometry.type === 'Polygon' ? jensen.geometry.coordinates[0] : jensen.geometry.coordinates[0][0]
  const k = ring.findIndex((p, i) => i + 1 < ring.length && [w1, w2].some((x) => x[0] === p[0] && x[1] === p[1]) && [w1, w2].some((x) => x[0] === ring[i + 1][0] && x[1] === ring[i + 1][1]))
  expect(k).toBeGreaterThanOrEqual(0)
  await dragFrom(app, [(ring[k][0] + ring[k + 1][0]) / 2, (ring[k][1] + ring[k + 1][1]) / 2], 3, 3)
  await stored(last)
  last = dump(app)

  // 3-4. Rename and recolour in the panel.
  await page.getByTestId('tool-select').click()
  await app.panels.neighborhoodButton('NE-vasco').click()
  await page.getByTestId('rename-input').fill('Vasco Hills')
  await page.getByTestId('rename-confirm').click()
  await stored(last)
  last = dump(app)
  await page.getByTestId('color-input').fill('#56b4e9')
  await page.getByTestId('recolor-confirm').click()
  await stored(last)
  last = dump(app)

  // 5. Split Springtown with a line drawn across it.
  const sp = app.services.plans.load().neighborhoods.find((n) => n.id === 'NE-springtown')!
  const sr = sp.geometry.type === 'Polygon' ? sp.geometry.coordinates[0] : sp.geometry.coordinates[0][0]
  const xs = sr.map((c) => c[0]), ys = sr.map((c) => c[1])
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2 + 0.00037
  await app.panels.neighborhoodButton('NE-springtown').click()
  await page.getByTestId('tool-split').click()
  await clickPath(app, [[Math.min(...xs) - 0.002, midY], [Math.max(...xs) + 0.002, midY]])
  await page.keyboard.press('Enter')
  await page.getByTestId('split-new-name').fill('Springtown South')
  await page.getByTestId('split-confirm').click()
  await stored(last)
  last = dump(app)

  // 6. Merge Sunset into Vasco Hills, picking the neighbor from the list.
  await page.getByTestId('tool-merge').click()
  await app.panels.neighborhoodButton('NE-vasco').click()
  await page.getByTestId('partner-select').selectOption('NE-sunset')
  await page.getByTestId('merge-confirm').click()
  await stored(last)
  last = dump(app)

  // 7-10. Straight through the IPC API, as Administration.
  await viaIpc(app, (p) => deleteNeighborhood(p, { id: 'NW-downtown', giveTo: 'NW-rincon' }))
  await viaIpc(app, (p) => renameNeighborhood(p, { id: 'NW-isabel', name: 'Isabel Avenue' }))
  const [u] = sharedInteriorVertices(p0, 'NW-airway', 'NW-isabel')
  await viaIpc(app, (p) => moveVertex(p, { areaId: 'NW', from: u, to: [u[0] + 0.00011, u[1] + 0.00007], editAreas: true }))
  await viaIpc(app, (p) => recolorNeighborhood(p, { id: 'NW-airway', color: '#e69f00' }))
  const afterTen = dump(app)
  const history = (await app.invoke('history:list', { limit: 50 })) as { ok: boolean; value: unknown[] }
  expect(history.value.length).toBeGreaterThanOrEqual(10)

  // The page learns about the IPC edits by reloading, as the app would after a restart.
  await page.reload()
  await app.map.waitReady()
  for (let i = 0; i < 10; i++) {
    const before = dump(app)
    if (i % 2) await page.getByTestId('undo').click()
    else await page.keyboard.press('Control+z')
    await stored(before)
  }
  const diff = (a: string, b: string) => {
    const [x, y] = [JSON.parse(a) as Record<string, string[]>, JSON.parse(b) as Record<string, string[]>]
    return Object.keys(x).filter((t) => JSON.stringify(x[t]) !== JSON.stringify(y[t])).map((t) => `${t}: ${x[t].length} vs ${y[t].length} rows; first differing: ${(x[t].find((r) => !y[t].includes(r)) ?? '').slice(0, 300)}`)
  }
  expect(diff(dump(app), start)).toEqual([])
  await expect(page.getByTestId('undo')).toBeDisabled()

  for (let i = 0; i < 10; i++) {
    const before = dump(app)
    await page.keyboard.press('Control+Shift+Z')
    await stored(before)
  }
  expect(diff(dump(app), afterTen)).toEqual([])
})

test("an Area Commander's change to another area sent straight to the IPC API is refused with who can make it, and nothing changes", async ({ app }) => {
  const set = (await app.invoke('session:setProfile', { role: 'commander', areaId: 'NE' })) as { ok: boolean }
  expect(set.ok).toBe(true)
  const before = dump(app)
  const plan = app.services.plans.load()
  const attempts: ChangeSet[] = [
    renameNeighborhood(plan, { id: 'S-wente', name: 'Wente Vineyards' }),
    deleteNeighborhood(plan, { id: 'NW-downtown', giveTo: 'NW-rincon' }),
  ]
  const [v] = sharedInteriorVertices(plan, 'S-wente', 'S-sycamore-grove')
  attempts.push(moveVertex(plan, { areaId: 'S', from: v, to: [v[0] + 0.0001, v[1]], editAreas: false }))
  for (const cs of attempts) {
    const r = (await app.invoke('changes:apply', cs)) as { ok: boolean; error?: { code: string; message: string } }
    expect(r.ok).toBe(false)
    expect(r.error!.message).toMatch(/Area Commander of Northeast/)
    expect(r.error!.message).toMatch(/Administration/)
  }
  expect(dump(app)).toBe(before)
})
