import * as turf from '@turf/turf'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LonLat, PlanState, Position } from '../../src/shared/domain'
import { moveVertex } from '../../src/shared/geo/ops'
import { formatArea } from '../../src/shared/units/format'
import { expect, openApp, test } from './harness/app-fixture'

const key = (p: Position) => `${p[0]},${p[1]}`
function vertices(g: { type: string; coordinates: unknown }): Position[] {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][]
  return polys.flatMap((p) => p.flatMap((r) => r.slice(0, -1)))
}
/** A vertex two neighborhoods of one area share, off every Area Command boundary. */
function interiorSharedVertex(plan: PlanState): { areaId: string; at: LonLat; ids: string[] } {
  const onAreas = new Set(plan.areas.flatMap((a) => vertices(a.geometry).map(key)))
  const holders = new Map<string, string[]>()
  for (const n of plan.neighborhoods) for (const v of new Set(vertices(n.geometry).map(key))) holders.set(v, [...(holders.get(v) ?? []), n.id])
  for (const [v, ids] of holders) {
    const ns = ids.map((id) => plan.neighborhoods.find((n) => n.id === id)!)
    if (ids.length === 2 && !onAreas.has(v) && ns[0].areaId === ns[1].areaId) return { areaId: ns[0].areaId, at: v.split(',').map(Number) as LonLat, ids }
  }
  throw new Error('no interior shared vertex')
}

test('Administration publishes through the dialog; the folder opens offline and a click shows the officer', async ({ app, browser }, testInfo) => {
  const { page } = app
  await expect(page.getByTestId('plan-status')).toHaveText('Draft (never published)')
  await page.getByTestId('publish-open').click()
  const dialog = page.getByTestId('publish-dialog')
  await expect(dialog.getByTestId('publish-findings')).toContainText('Nothing blocks publishing.')
  await expect(dialog.getByTestId('publish-override-reason')).toHaveCount(0)
  const folder = join(app.services.dir, 'public site')
  await dialog.getByTestId('publish-date').fill('2025-07-01')
  await dialog.getByTestId('publish-folder').fill(folder)
  await expect(dialog.getByTestId('publish-public-page')).toBeChecked()
  await page.screenshot({ path: testInfo.outputPath('publish-dialog.png') })
  await dialog.getByTestId('publish-submit').click()
  await expect(dialog.getByTestId('publish-done')).toContainText('Published version 1, effective Jul 1, 2025.')
  // The title and the result name the same version (the status has already moved on to the next).
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Published version 1')
  await dialog.getByTestId('publish-close').click()
  await expect(page.getByTestId('plan-status')).toHaveText('Published v1')
  for (const f of ['index.html', 'neighborhoods.geojson', 'areas.geojson']) expect(existsSync(join(folder, f))).toBe(true)
  expect(readFileSync(join(folder, 'neighborhoods.geojson')).equals(app.services.publish.files(1).neighborhoods)).toBe(true)

  // The exported folder, as a resident opens it from disk, with every network request refused.
  const ctx = await browser.newContext()
  const site = await ctx.newPage()
  const requested: string[] = []
  await site.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : (requested.push(r.request().url()), r.abort())))
  await site.goto(pathToFileURL(join(folder, 'index.html')).href)
  await expect(site.locator('body')).toHaveAttribute('data-ready', 'true')
  const plan = app.services.plans.load()
  const nb = plan.neighborhoods.find((n) => n.name === 'Springtown')!
  const officers = plan.officers.filter((o) => o.neighborhoodId === nb.id && o.status !== 'vacant')
  const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
  const [x, y] = await site.evaluate(([a, b]) => (globalThis as unknown as { __projectToPixel(a: number, b: number): number[] }).__projectToPixel(a, b), [lon, lat])
  const box = (await site.locator('#map').boundingBox())!
  await site.mouse.click(box.x + x, box.y + y)
  await expect(site.locator('#result')).toContainText('Springtown — Northeast')
  await expect(site.locator('#result')).toContainText(officers[0].displayName)
  await site.screenshot({ path: testInfo.outputPath('public-page-from-publish.png') })
  expect(requested).toEqual([])
  await ctx.close()
})

test('the History tab lists versions and shows the draft diff on the map, exportable as CSV', async ({ app }, testInfo) => {
  const { page } = app
  await app.services.publish.publish({ effectiveDate: '2025-07-01' }, app.services.session.actor())
  const plan = app.services.plans.load()
  const v = interiorSharedVertex(plan)
  const cs = moveVertex(plan, { areaId: v.areaId, from: v.at, to: [v.at[0] + 0.0012, v.at[1] + 0.0006], editAreas: false })
  expect(await app.invoke('changes:apply', cs)).toMatchObject({ ok: true })
  const o = app.services.plans.load().officers.find((x) => x.neighborhoodId && x.areaId === v.areaId && !v.ids.includes(x.neighborhoodId))!
  const to = plan.neighborhoods.find((n) => n.areaId === v.areaId && n.id !== o.neighborhoodId)!
  expect(await app.invoke('changes:apply', { label: 'Move officer', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: to.id } }] })).toMatchObject({ ok: true })
  await page.reload()
  await app.map.waitReady()

  await expect(page.getByTestId('plan-status')).toHaveText('Draft (since v1, Jul 1, 2025)')
  await app.panels.tab('history').click()
  const history = page.getByTestId('version-history')
  await expect(history.locator('[data-version="1"]')).toContainText('effective Jul 1, 2025')
  await history.getByTestId('diff-draft-last').click()
  const diff = page.getByTestId('diff-view')
  await expect(diff.locator('[data-change="reshaped"]')).toHaveCount(2)
  await expect(diff.locator('[data-change="officer"]')).toHaveCount(1)
  await expect(diff.locator('[data-change="officer"]')).toContainText(`${o.displayName}`)
  await expect(diff.locator('[data-change="officer"]')).toContainText(to.name)
  const moved = app.services.publish.diff(1, 'draft').neighborhoods.reshaped
  // In km², as every other area in the window (the sample city's machine locale is metric).
  await expect(diff.locator(`[data-id="${moved[0].id}"]`)).toContainText(formatArea(moved[0].gainedM2, 'metric'))
  // The moved ground is drawn on the map (one gained and one lost piece) and brought into view.
  await expect(app.map.el).toHaveAttribute('data-highlight-count', '2')
  await app.map.settle()
  await page.waitForTimeout(400) // the 250 ms zoom animation
  const [cx, cy] = turf.centroid(moved[0].geometryGained ?? moved[0].geometryLost!).geometry.coordinates
  const p = await app.map.pixelOf(cx, cy)
  const box = (await app.map.el.boundingBox())!
  expect(p.x).toBeGreaterThan(0)
  expect(p.x).toBeLessThan(box.width)
  expect(p.y).toBeGreaterThan(0)
  expect(p.y).toBeLessThan(box.height)
  await page.screenshot({ path: testInfo.outputPath('history-diff.png') })

  await history.getByTestId('diff-on-map').uncheck()
  await expect(app.map.el).toHaveAttribute('data-highlight-count', '0')
  const [download] = await Promise.all([page.waitForEvent('download'), history.getByTestId('diff-csv').click()])
  expect(download.suggestedFilename()).toBe('plan-diff-v1-to-draft.csv')
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv.split('\r\n').filter((l) => l.startsWith('reshaped,neighborhood,'))).toHaveLength(2)
  expect(csv).toContain(`moved,officer,${o.id}`)
})

test('a commander sees why they cannot publish', async ({ app }) => {
  const { page } = app
  await page.getByTestId('profile-select').selectOption('commander:NE')
  await page.getByTestId('publish-open').click()
  await expect(page.getByTestId('publish-why-not')).toContainText('Only Administration can publish')
  await expect(page.getByTestId('publish-submit')).toBeDisabled()
})

test('over a blocking finding Administration must give a reason, which the version list then shows', async ({ page }, testInfo) => {
  const app = await openApp(page, {
    before: (s) => {
      const plan = s.plans.load()
      const o = plan.officers.find((x) => x.areaId === 'NE' && x.neighborhoodId)!
      const nw = plan.neighborhoods.find((n) => n.areaId === 'NW')!
      s.changes.apply({ label: 'Adopt across areas', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: nw.id } }] }, s.session.actor())
    },
  })
  try {
    await page.getByTestId('publish-open').click()
    const dialog = page.getByTestId('publish-dialog')
    await expect(dialog.getByTestId('publish-findings')).toContainText('Publishing is blocked.')
    await expect(dialog.getByTestId('publish-findings')).toContainText('(1 officer outside their area)')
    await dialog.getByTestId('publish-public-page').uncheck()
    await expect(dialog.getByTestId('publish-submit')).toBeDisabled()
    await dialog.getByTestId('publish-override-reason').fill('Transfer paperwork signed; roster catches up Monday')
    await page.screenshot({ path: testInfo.outputPath('publish-override.png') })
    await dialog.getByTestId('publish-submit').click()
    await expect(dialog.getByTestId('publish-done')).toContainText('Override recorded: “Transfer paperwork signed; roster catches up Monday”')
    await dialog.getByTestId('publish-close').click()
    await app.panels.tab('history').click()
    await expect(page.locator('[data-version="1"]')).toContainText('override: Transfer paperwork signed')
    expect(app.services.repos.audit.recent(1)[0]).toMatchObject({ action: 'publish-override', label: expect.stringContaining('Transfer paperwork signed') })
  } finally {
    await page.close()
    app.services.cleanup()
  }
})
