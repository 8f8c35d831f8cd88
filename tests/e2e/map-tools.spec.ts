import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import proj4 from 'proj4'
import type { Page } from '@playwright/test'
import { getArea, getDistance } from 'ol/sphere'
import { Polygon } from 'ol/geom'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'
import { departmentLayer, type LayerFeature } from './import-helpers'
import { formatLength } from '../../src/shared/units/format'
import { EPSG_2227_PROJ4, mapGeometry, toStatePlaneFeet } from '../unit/import/helpers/sample-layer'

/** Moves the real mouse onto a lon/lat of the map. */
async function hover(app: AppHandle, lon: number, lat: number): Promise<void> {
  const box = (await app.map.el.boundingBox())!
  const p = await app.map.pixelOf(lon, lat)
  await app.page.mouse.move(box.x + p.x, box.y + p.y)
}

async function readLonLat(page: Page): Promise<[number, number]> {
  const el = page.getByTestId('cursor-lonlat')
  return [Number(await el.getAttribute('data-lon')), Number(await el.getAttribute('data-lat'))]
}

test('the pointer’s longitude and latitude show in the map corner, 6 decimals, and go when it leaves the map', async ({ app }) => {
  const { page } = app
  // Zoomed in so one screen pixel is well under 1e-5°: the pointer can sit on the point itself.
  const box = (await app.map.el.boundingBox())!
  await hover(app, -121.76, 37.69)
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -500)
    await page.waitForTimeout(250)
  }
  await hover(app, -121.76, 37.69)
  const [lon, lat] = await readLonLat(page)
  expect(Math.abs(lon - -121.76)).toBeLessThan(1e-5)
  expect(Math.abs(lat - 37.69)).toBeLessThan(1e-5)
  await expect(page.getByTestId('cursor-lonlat')).toHaveText(`lon ${lon.toFixed(6)} · lat ${lat.toFixed(6)}`)

  // Off the map (over the side panel), the readout is gone.
  await page.mouse.move(box.x - 100, box.y + 100)
  await expect(page.getByTestId('cursor-lonlat')).toHaveCount(0)
  await expect(page.getByTestId('cursor-readout')).toBeHidden()
})

test('the readout sits clear of the scale bar, the map credit and the background-map notice', async ({ page }) => {
  const credit = '© Example County GIS, State of California, U.S. Census Bureau TIGER/Line, OpenStreetMap contributors'
  // A tile server that refuses: the notice appears bottom left, the credit bottom right.
  const app = await openApp(page, { before: (s) => s.settings.set({ tileUrl: 'http://localhost:9/{z}/{x}/{y}.png', tileAttribution: credit }) })
  try {
    await hover(app, -121.76, 37.69)
    await expect(page.getByTestId('cursor-lonlat')).toBeVisible()
    await expect(page.locator('.ol-attribution')).toContainText('Example County GIS')
    await expect(page.getByTestId('background-problem')).toBeVisible()
    const readout = (await page.getByTestId('cursor-readout').boundingBox())!
    for (const other of [page.locator('.ol-attribution'), page.locator('.ol-scale-line'), page.getByTestId('background-problem')]) {
      const b = (await other.boundingBox())!
      const apart = readout.x + readout.width <= b.x || b.x + b.width <= readout.x || readout.y + readout.height <= b.y || b.y + b.height <= readout.y
      expect(apart, `the readout overlaps ${await other.evaluate((e) => e.className || e.getAttribute('data-testid'))}`).toBe(true)
    }
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

test('after importing neighborhoods in State Plane feet (EPSG:2227), the readout toggles to x/y in US feet that agree with proj4', async ({ app }) => {
  const { page } = app
  // Before any projected import there is nothing to toggle to.
  await hover(app, -121.76, 37.69)
  await expect(page.getByTestId('cursor-lonlat')).toBeVisible()
  await expect(page.getByTestId('cursor-crs-toggle')).toHaveCount(0)

  const layer: LayerFeature[] = departmentLayer(app.services.plans.load())
  const file = join(app.services.dir, 'hoods-2227.geojson')
  writeFileSync(file, JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2227' } },
    features: layer.map((f) => ({ type: 'Feature', properties: f.props, geometry: mapGeometry(f.geometry, toStatePlaneFeet) })),
  }))
  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-neighborhoods').check()
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('import-crs-detected')).toHaveText('EPSG:2227')
  await expect(page.getByTestId('import-apply')).toBeEnabled()
  await page.getByTestId('import-apply').click()
  await page.getByTestId('import-ok').click()
  expect(app.services.settings.get().projectedCrs?.code).toBe('EPSG:2227')

  await hover(app, -121.77, 37.70)
  await page.getByTestId('cursor-crs-toggle').click()
  await hover(app, -121.77, 37.70)
  const xy = page.getByTestId('cursor-xy')
  await expect(xy).toContainText('US ft')
  const [x, y] = [Number(await xy.getAttribute('data-x')), Number(await xy.getAttribute('data-y'))]
  // Back to lon/lat to read where the pointer was, and project that point with the test's own definition.
  await page.getByTestId('cursor-crs-toggle').click()
  await hover(app, -121.77, 37.70)
  const [ex, ey] = proj4('EPSG:4326', EPSG_2227_PROJ4, await readLonLat(page))
  expect(Math.abs(x - ex)).toBeLessThan(0.05)
  expect(Math.abs(y - ey)).toBeLessThan(0.05)
  await expect(xy).toHaveCount(0)
})

test('the measure tool gives the geodesic distance between two clicked points and an area, and Esc clears it', async ({ app }, testInfo) => {
  const { page } = app
  const box = (await app.map.el.boundingBox())!
  const at = async (lon: number, lat: number) => {
    const p = await app.map.pixelOf(lon, lat)
    return { x: box.x + p.x, y: box.y + p.y }
  }
  await page.getByTestId('tool-measure').click()
  await expect(page.getByTestId('tool-measure')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('tool-select')).toHaveAttribute('aria-pressed', 'false')
  const a = await at(-121.80, 37.68)
  const b = await at(-121.72, 37.71)
  // Where the clicks really land (whole pixels), read off the cursor readout.
  await page.mouse.move(a.x, a.y)
  const la = await readLonLat(page)
  await page.mouse.move(b.x, b.y)
  const lb = await readLonLat(page)
  await page.mouse.click(a.x, a.y)
  await page.mouse.dblclick(b.x, b.y)
  const result = page.getByTestId('measure-result')
  await expect(result).toHaveAttribute('data-done', 'true')
  const expected = getDistance(la, lb)
  expect(expected).toBeGreaterThan(7000)
  const measured = Number(await result.getAttribute('data-value'))
  expect(Math.abs(measured - expected) / expected).toBeLessThan(0.005)
  // In words, in the plan's units (ft/mi or m/km).
  await expect(result).toContainText(formatLength(measured, app.services.settings.get().units))
  await page.screenshot({ path: testInfo.outputPath('measure-distance.png') })
  // Measuring selected nothing, and the plan is unchanged.
  await expect(page.getByTestId('editor-panel')).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect(result).toHaveCount(0)

  await page.getByTestId('measure-area').check()
  const c = await at(-121.72, 37.68)
  await page.mouse.click(a.x, a.y)
  await page.mouse.click(b.x, b.y)
  await page.mouse.dblclick(c.x, c.y)
  await expect(result).toHaveAttribute('data-done', 'true')
  await page.mouse.move(c.x, c.y)
  const lc = await readLonLat(page)
  const areaM2 = Number(await result.getAttribute('data-value'))
  const triangle = getArea(new Polygon([[la, lb, lc, la]]), { projection: 'EPSG:4326' })
  expect(triangle).toBeGreaterThan(5e6)
  expect(Math.abs(areaM2 - triangle) / triangle).toBeLessThan(0.005)

  // Picking an editor tool ends measuring.
  await page.getByTestId('tool-reshape').click()
  await expect(page.getByTestId('measure-panel')).toHaveCount(0)
  await expect(page.getByTestId('tool-measure')).toHaveAttribute('aria-pressed', 'false')
})

test('? lists every shortcut, including each key the toolbar answers to, and Esc closes the list', async ({ app }) => {
  const { page } = app
  await app.map.el.click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Shift+Slash')
  const dialog = page.getByTestId('shortcuts-dialog')
  await expect(dialog).toBeVisible()
  const listed = (await dialog.locator('kbd').allTextContents()).map((t) => t.trim())
  const buttons = page.getByTestId('editor-toolbar').locator('button')
  const titles = await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('title') ?? ''))
  const keys = titles.map((t) => /\(key (.+)\)$/.exec(t)?.[1])
  expect(keys.length).toBe(8)
  for (const k of keys) expect(listed).toContain(k)
  for (const k of ['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y', 'Esc', 'Enter', 'Backspace', 'Delete', '?']) expect(listed).toContain(k)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  // Each toolbar key listed does what it says.
  for (const [i, k] of keys.entries()) {
    if (i === keys.length - 1) continue
    await page.keyboard.press(k!.toLowerCase())
    await expect(buttons.nth(i)).toHaveAttribute('aria-pressed', 'true')
  }
  await page.keyboard.press('t')
  await expect(page.getByTestId('tool-measure')).toHaveAttribute('aria-pressed', 'true')

  // Typing a ? into a field types it; no list opens.
  await page.getByTestId('lookup-input').fill('')
  await page.getByTestId('lookup-input').press('Shift+Slash')
  await expect(dialog).toHaveCount(0)
})
