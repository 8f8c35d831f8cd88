import { booleanPointInPolygon, feature, point, pointOnFeature } from '@turf/turf'
import type { LonLat, PlanState } from '../../src/shared/domain'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { dragFrom, sharedInteriorVertices } from './editor-helpers'

/** Address points (one inside each neighborhood, plus `extra`), the plan published as v1, and the window opened again on it. */
async function publishWithAddresses(app: AppHandle, extra: LonLat[] = []): Promise<PlanState> {
  const plan = app.services.plans.load()
  const pts = [...plan.neighborhoods.map((n) => pointOnFeature(n.geometry).geometry.coordinates as LonLat), ...extra]
  const text = ['address,lon,lat', ...pts.map(([x, y], i) => `${i + 1} Test St,${x},${y}`)].join('\n')
  expect(app.services.addresses.importCsv(text, 'addresses.csv').imported).toBe(pts.length)
  const r = (await app.invoke('publish:run', { effectiveDate: '2026-01-01' })) as { ok: boolean }
  expect(r.ok).toBe(true)
  await app.page.reload()
  await app.map.waitReady()
  return plan
}

const cell = (app: AppHandle, measure: string, areaId?: string) =>
  app.page.locator(`[data-testid="continuity-table"] tr[data-measure="${measure}"] ${areaId ? `[data-testid="continuity-area"][data-area-id="${areaId}"]` : '[data-testid="continuity-city"]'}`)
const pct = (v: number) => `${(v * 100).toFixed(1)}%`

test('continuity with the published plan drops when an officer is dragged to another neighborhood, and comes back on undo', async ({ app }, testInfo) => {
  const plan = await publishWithAddresses(app)
  await app.page.getByTestId('tab-staffing').click()
  await expect(cell(app, 'neighborhoods')).toHaveText('100.0%')
  await expect(cell(app, 'residents')).toHaveText('100.0%')
  await expect(app.map.el).toHaveAttribute('data-affected-count', '0')

  // Q. Chen leaves Vasco (Q. Chen, N. Lindqvist on leave, K. Fontaine) for Sunset: Vasco keeps 2 of its 3 officers.
  const chen = plan.officers.find((o) => o.displayName === 'Q. Chen')!
  const withOfficer = new Set(plan.officers.filter((o) => o.neighborhoodId && o.status !== 'vacant').map((o) => o.neighborhoodId)).size
  const neOfficer = new Set(plan.officers.filter((o) => o.neighborhoodId?.startsWith('NE-') && o.status !== 'vacant').map((o) => o.neighborhoodId)).size
  await app.page.getByTestId('roster-area').selectOption('NE')
  const card = app.page.locator(`[data-testid="roster-panel"] [data-officer-id="${chen.id}"]`)
  await card.scrollIntoViewIfNeeded()
  const [lon, lat] = pointOnFeature(plan.neighborhoods.find((n) => n.id === 'NE-sunset')!.geometry).geometry.coordinates
  await card.dragTo(app.map.el, { targetPosition: await app.map.pixelOf(lon, lat) })
  await expect.poll(() => app.services.repos.officers.get(chen.id)?.neighborhoodId).toBe('NE-sunset')

  await expect(cell(app, 'neighborhoods')).toHaveText(pct((withOfficer - 1 / 3) / withOfficer))
  await expect(cell(app, 'neighborhoods', 'NE')).toHaveText(pct((neOfficer - 1 / 3) / neOfficer))
  await expect(cell(app, 'neighborhoods', 'S')).toHaveText('100.0%')
  // Vasco's address lost an officer, Sunset's gained one: both are affected.
  await expect(app.page.getByTestId('affected-count')).toHaveText('2')
  await expect(app.map.el).toHaveAttribute('data-affected-count', '2')
  await app.page.getByTestId('continuity-panel').scrollIntoViewIfNeeded()
  await app.page.screenshot({ path: testInfo.outputPath('continuity-after-drag.png') })
  const download = app.page.waitForEvent('download')
  await app.page.getByTestId('affected-csv').click()
  const csv = await (await download).createReadStream().then(async (s) => {
    let t = ''
    for await (const c of s) t += c
    return t
  })
  expect(csv).toContain('Vasco,Officer K. Fontaine; Officer N. Lindqvist; Sergeant Q. Chen,NE,NE-vasco,Vasco,Officer K. Fontaine; Officer N. Lindqvist')

  await app.page.getByTestId('undo').click()
  await expect(cell(app, 'neighborhoods')).toHaveText('100.0%')
  await expect(app.map.el).toHaveAttribute('data-affected-count', '0')
})

test('after a boundary edit the ground that changed hands and the addresses on it appear on the map', async ({ app }) => {
  const start = app.services.plans.load()
  const [vertex] = sharedInteriorVertices(start, 'NE-springtown', 'NE-northfront')
  // A grid of addresses around the corner about to move.
  const grid: LonLat[] = []
  for (let i = -10; i <= 10; i++) for (let j = -10; j <= 10; j++) grid.push([vertex[0] + i * 0.0004, vertex[1] + j * 0.0004])
  const before = await publishWithAddresses(app, grid)
  await expect(app.map.el).toHaveAttribute('data-changed-ground-count', '0')
  await expect(app.map.el).toHaveAttribute('data-affected-count', '0')

  await app.page.getByTestId('tool-reshape').click()
  await app.map.el.hover({ position: await app.map.pixelOf(vertex[0], vertex[1]) })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'move-vertex')
  await dragFrom(app, vertex, 30, -20)
  await expect.poll(() => app.services.plans.load().neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry).not.toEqual(before.neighborhoods.find((n) => n.id === 'NE-springtown')!.geometry)

  // Checked with turf on the stored plans: the grid points whose neighborhood changed.
  const after = app.services.plans.load()
  const holder = (p: PlanState, x: LonLat) => p.neighborhoods.filter((n) => booleanPointInPolygon(point(x), feature(n.geometry))).map((n) => n.id).join('|')
  const moved = grid.filter((x) => holder(before, x) !== holder(after, x)).length
  expect(moved).toBeGreaterThan(0)
  await expect(app.map.el).not.toHaveAttribute('data-changed-ground-count', '0')
  await expect(app.map.el).toHaveAttribute('data-affected-count', String(moved))

  await app.page.keyboard.press('Control+z')
  await expect(app.map.el).toHaveAttribute('data-changed-ground-count', '0')
  await expect(app.map.el).toHaveAttribute('data-affected-count', '0')
})
