import { expect, test } from './harness/app-fixture'
import { dragFrom, maxOverlapM2, sharedInteriorVertices, unionM2 } from './editor-helpers'

test('dragging a corner shared by Springtown and Northfront moves it in both, keeping the area whole and without overlap', async ({ app }, testInfo) => {
  const before = app.services.plans.load()
  const a = before.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const b = before.neighborhoods.find((n) => n.id === 'NE-northfront')!
  const [vertex] = sharedInteriorVertices(before, a.id, b.id)
  expect(vertex, 'Springtown and Northfront share an interior corner').toBeTruthy()
  const areaRows = (p: typeof before) => p.neighborhoods.filter((n) => n.areaId === a.areaId)

  await app.page.getByTestId('tool-reshape').click()
  const px = await app.map.pixelOf(vertex[0], vertex[1])
  await app.map.el.hover({ position: px })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'move-vertex')
  await dragFrom(app, vertex, 30, -20)
  await expect.poll(() => app.services.plans.load().neighborhoods.find((n) => n.id === a.id)!.geometry).not.toEqual(a.geometry)

  const after = app.services.plans.load()
  const a2 = after.neighborhoods.find((n) => n.id === a.id)!
  const b2 = after.neighborhoods.find((n) => n.id === b.id)!
  expect(b2.geometry).not.toEqual(b.geometry)
  const moved = (g: typeof a.geometry) => JSON.stringify(g).includes(`[${vertex[0]},${vertex[1]}]`)
  expect(moved(a2.geometry) || moved(b2.geometry)).toBe(false)
  expect(Math.abs(unionM2(areaRows(after)) - unionM2(areaRows(before)))).toBeLessThan(0.1)
  expect(maxOverlapM2(areaRows(after))).toBeLessThan(0.01)
  // The readout and the map say what changed.
  await expect(app.page.getByTestId('touched-findings')).toContainText('Move vertex in')
  await app.panels.neighborhoodButton(a.id).click()
  await expect(app.page.getByTestId('area-readout').locator(`[data-readout-id="${a.id}"] [data-testid="edited-badge"]`)).toBeVisible()
  await app.page.screenshot({ path: testInfo.outputPath('reshape-after-drag.png') })

  // One gesture is one undo step: the stored rows come back exactly.
  await app.page.getByTestId('undo').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.find((n) => n.id === a.id)!.geometry).toEqual(a.geometry)
  await expect(app.page.getByTestId('area-readout').locator('[data-testid="edited-badge"]')).toHaveCount(0)
})

test('dragging an edge adds a corner there and moves it, in both neighbors, as one undo step', async ({ app }) => {
  const before = app.services.plans.load()
  const a = before.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const b = before.neighborhoods.find((n) => n.id === 'NE-northfront')!
  const shared = sharedInteriorVertices(before, a.id, b.id)
  // The middle of a shared edge: two consecutive shared corners in Springtown's ring.
  const ring = (a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates[0])[0]
  const key = (p: number[]) => `${p[0]},${p[1]}`
  const sharedKeys = new Set(shared.map(key))
  const i = ring.findIndex((p, k) => k + 1 < ring.length && sharedKeys.has(key(p)) && sharedKeys.has(key(ring[k + 1])))
  expect(i, 'Springtown and Northfront share an edge away from the area boundary').toBeGreaterThanOrEqual(0)
  const mid: [number, number] = [(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2]

  await app.page.getByTestId('tool-reshape').click()
  await app.map.el.hover({ position: await app.map.pixelOf(mid[0], mid[1]) })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'add-vertex')
  // A few pixels across the edge: far enough to change the shape, short enough to cross nothing.
  const [p0, p1] = [await app.map.pixelOf(ring[i][0], ring[i][1]), await app.map.pixelOf(ring[i + 1][0], ring[i + 1][1])]
  const len = Math.hypot(p1.x - p0.x, p1.y - p0.y)
  await dragFrom(app, mid, (-(p1.y - p0.y) / len) * 6, ((p1.x - p0.x) / len) * 6)
  await expect.poll(() => app.services.plans.load().neighborhoods.find((n) => n.id === a.id)!.geometry).not.toEqual(a.geometry)
  const after = app.services.plans.load()
  const count = (g: typeof a.geometry) => (g.type === 'Polygon' ? g.coordinates[0].length : g.coordinates[0][0].length)
  expect(count(after.neighborhoods.find((n) => n.id === a.id)!.geometry)).toBe(count(a.geometry) + 1)
  expect(count(after.neighborhoods.find((n) => n.id === b.id)!.geometry)).toBe(count(b.geometry) + 1)
  expect(maxOverlapM2(after.neighborhoods.filter((n) => n.areaId === a.areaId))).toBeLessThan(0.01)

  await app.page.keyboard.press('Control+z')
  await expect.poll(() => app.services.plans.load().neighborhoods.filter((n) => n.areaId === a.areaId)).toEqual(before.neighborhoods.filter((n) => n.areaId === a.areaId))
})

test("an Area Commander cannot grab another area's neighborhoods and is told who can edit them", async ({ app }, testInfo) => {
  await app.page.getByTestId('profile-select').selectOption('commander:NE')
  await expect(app.page.getByTestId('profile-select')).toHaveValue('commander:NE')
  // The commander's map opens on Northeast: bring South back into view.
  await app.page.getByTestId('view-whole-city').click()
  await app.map.settle()
  const plan = app.services.plans.load()
  const wente = plan.neighborhoods.find((n) => n.id === 'S-wente')!
  const ring = (wente.geometry.type === 'Polygon' ? wente.geometry.coordinates : wente.geometry.coordinates[0])[0]
  const corner = ring.find((p) => plan.neighborhoods.filter((n) => JSON.stringify(n.geometry).includes(`[${p[0]},${p[1]}]`)).every((n) => n.areaId === 'S'))!
  await app.page.getByTestId('tool-reshape').click()
  await app.map.el.hover({ position: await app.map.pixelOf(corner[0], corner[1]) })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'not-editable')
  await expect(app.page.getByTestId('editor-hint')).toContainText('South belongs to Lt.')
  await expect(app.page.getByTestId('editor-hint')).toContainText('only its Area Commander or Administration can change it')
  await app.page.screenshot({ path: testInfo.outputPath('commander-hovers-south.png') })
  const stored = JSON.stringify(app.services.plans.load())
  await dragFrom(app, corner as [number, number], 30, 30)
  await app.map.settle()
  expect(JSON.stringify(app.services.plans.load())).toBe(stored)
})
