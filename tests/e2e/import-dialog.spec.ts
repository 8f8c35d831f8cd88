import type { Page } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { departmentLayer, dumpPlan, previewCount, vertexHausdorff, writeGeoJson, writeShapefileZip } from './import-helpers'

const NE_OLD = ['NE-altamont', 'NE-jensen', 'NE-midtown', 'NE-northfront', 'NE-springtown', 'NE-sunset', 'NE-vasco']

/** Records every progress text the dialog shows, however briefly. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = [])
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="import-progress"]')?.textContent?.trim()
      if (t && seen[seen.length - 1] !== t) seen.push(t)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)

async function openImport(page: Page, file: string): Promise<void> {
  await recordProgress(page)
  await page.getByTestId('import-open').click()
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page.getByTestId('import-layer-neighborhoods').check()
  await page.getByTestId('import-file').setInputFiles(file)
}

/** Checks the guessed mapping, tries a wrong Area Command field and back, and the consequences shown before anything is stored. */
async function mapAndCheck(app: AppHandle): Promise<void> {
  const page = app.page
  const dialog = page.getByTestId('import-dialog')
  await expect(page.getByTestId('import-feature-count')).toHaveText('14')
  await expect(page.getByTestId('import-fields')).toContainText('NBHD_ID')
  await expect(page.getByTestId('import-fields')).toContainText('Airway')
  await expect(page.getByTestId('import-id-field')).toHaveValue('NBHD_ID')
  await expect(page.getByTestId('import-name-field')).toHaveValue('NBHD_NAME')
  await expect(page.getByTestId('import-area-field')).toHaveValue('DISTRICT')
  await expect.poll(() => previewCount(app)).toBe(14)

  // AREA_NAME holds 'Northwest', 'South'…: no Area Command has those ids; the dialog lists every such unit and refuses.
  await page.getByTestId('import-area-field').selectOption('AREA_NAME')
  await expect(page.getByTestId('import-unmatched')).toContainText('id NE-west')
  await expect(page.getByTestId('import-unmatched')).toContainText('AREA_NAME = “Northeast”')
  await expect(page.getByTestId('import-problems')).toBeVisible()
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  await page.getByTestId('import-area-field').selectOption('DISTRICT')
  await expect(page.getByTestId('import-unmatched')).toHaveCount(0)
  await expect(page.getByTestId('import-problems')).toHaveCount(0)
  await expect(page.getByTestId('import-parent-matches')).toContainText('Area Command found for 14 of 14 (2 only after ignoring case')
  await expect(page.getByTestId('import-notices')).toContainText('2 units matched their Area Command only after ignoring case, spaces and leading zeros')
  await expect(page.getByTestId('import-removes')).toContainText('Removes 7 neighborhoods not in the file')
  await expect(page.getByTestId('import-removes')).toContainText('Springtown (NE-springtown)')
  await expect(page.getByTestId('import-unassigns')).toContainText('will have no neighborhood')
  await expect(dialog.getByTestId('import-mode-replace')).toContainText('adds 2 neighborhoods, updates 12')
  await expect(page.getByTestId('import-apply')).toBeEnabled()
  await expect(page.getByTestId('import-apply')).toHaveText('Import 14 neighborhoods (replace)')
  await expect.poll(() => previewCount(app)).toBe(14)
}

test('a neighborhoods GeoJSON: preview with fields and units on the map, mapping, import as one undoable step', async ({ app }, testInfo) => {
  const page = app.page
  const start = dumpPlan(app)
  const before = app.services.plans.load()
  const layer = departmentLayer(before)
  const file = writeGeoJson(app.services.dir, 'neighborhoods-2025.geojson', layer)

  await openImport(page, file)
  await expect(page.getByTestId('import-file-info')).toContainText('neighborhoods-2025.geojson · ')
  await mapAndCheck(app)
  await expect(page.getByTestId('import-crs-detected')).toHaveText('EPSG:4326')
  // The plan's seven Northeast neighborhoods that Replace would remove are drawn greyed under the file's units.
  await expect(app.map.el).toHaveAttribute('data-import-removed-count', '7')
  await page.screenshot({ path: testInfo.outputPath('import-preview-geojson.png') })
  await page.getByTestId('import-mode-replace').scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('import-preview-geojson-consequences.png') })
  // Previewing stored nothing.
  expect(dumpPlan(app)).toBe(start)

  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-summary')).toContainText('Imported neighborhoods from neighborhoods-2025.geojson (replace)')
  await expect(page.getByTestId('import-summary-added')).toContainText('2 added: NE-west, NE-east')
  await expect(page.getByTestId('import-summary-removed')).toContainText('7 removed')
  const steps = await progressSeen(page)
  expect(steps.some((t) => /^Reading neighborhoods-2025\.geojson \(\d+\.\d KB\)…/.test(t)), steps.join(' | ')).toBe(true)
  expect(steps).toContain('Checking 14 features…')
  expect(steps).toContain('Storing…')
  await page.screenshot({ path: testInfo.outputPath('import-done.png') })
  await page.getByTestId('import-ok').click()
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)

  const after = app.services.plans.load()
  const ne = after.neighborhoods.filter((n) => n.areaId === 'NE').map((n) => n.id).sort()
  expect(ne).toEqual(['NE-east', 'NE-west'])
  expect(after.neighborhoods.find((n) => n.id === 'NE-west')!.name).toBe('Northeast West')
  for (const id of NE_OLD) expect(after.officers.filter((o) => o.neighborhoodId === id)).toEqual([])
  for (const f of layer) expect(vertexHausdorff(after.neighborhoods.find((n) => n.id === f.props.NBHD_ID)!.geometry, f.geometry)).toBeLessThan(0.01)
  // The map draws the stored plan (12 kept + 2 new) and no longer the preview.
  await expect.poll(() => app.map.counts().then((c) => c.neighborhoods)).toBe(14)
  await expect.poll(() => previewCount(app)).toBe(0)
  await expect(app.panels.neighborhoodButton('NE-west')).toBeVisible()

  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.getByTestId('undo').click()
  await expect.poll(() => dumpPlan(app)).toBe(start)
  await expect.poll(() => app.map.counts().then((c) => c.neighborhoods)).toBe(before.neighborhoods.length)
})

test('the same layer as a zipped Shapefile in State Plane feet (.prj) goes through the same dialog and lands within 1 cm of the GeoJSON', async ({ app }, testInfo) => {
  const page = app.page
  const layer = departmentLayer(app.services.plans.load())
  const file = writeShapefileZip(app.services.dir, 'hoods.zip', layer)

  await openImport(page, file)
  await mapAndCheck(app)
  await expect(page.getByTestId('import-crs-detected')).toHaveText('NAD_1983_StatePlane_California_III_FIPS_0403_Feet')
  await expect(page.getByTestId('import-facts')).toContainText('zipped Shapefile')
  await expect(page.getByTestId('import-facts')).toContainText('reprojected to longitude/latitude')
  await page.screenshot({ path: testInfo.outputPath('import-preview-shapefile.png') })

  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-summary-added')).toContainText('2 added')
  await page.getByTestId('import-ok').click()
  const after = app.services.plans.load()
  expect(after.neighborhoods.map((n) => n.id).sort()).toEqual(layer.map((f) => f.props.NBHD_ID).sort())
  let worst = 0
  for (const f of layer) worst = Math.max(worst, vertexHausdorff(after.neighborhoods.find((n) => n.id === f.props.NBHD_ID)!.geometry, f.geometry))
  expect(worst).toBeLessThan(0.01)
  testInfo.annotations.push({ type: 'worst vertex distance, Shapefile vs GeoJSON (m)', description: worst.toExponential(2) })
})

test('a city limit in two pieces is dissolved into one boundary and replaces the stored one; switching to a commander closes the dialog', async ({ app }) => {
  const page = app.page
  const plan = app.services.plans.load()
  const [w, s, e, n] = [-121.83, 37.64, -121.70, 37.73]
  const mid = (w + e) / 2
  const rect = (x0: number, x1: number) => ({ type: 'Polygon', coordinates: [[[x0, s], [x1, s], [x1, n], [x0, n], [x0, s]]] })
  const file = join(app.services.dir, 'city-limit.geojson')
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { CITY_NAME: 'Livermore (official)' }, geometry: rect(w, mid) },
    { type: 'Feature', properties: { CITY_NAME: 'Livermore (official)' }, geometry: rect(mid, e) },
  ] }))

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-city').check()
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('import-name-field')).toHaveValue('CITY_NAME')
  await expect(page.getByTestId('import-notices')).toContainText('2 features were dissolved into one city limit')
  await expect(page.getByTestId('import-mode-replace')).toContainText('Replaces the city limit stored in the plan')
  await expect.poll(() => previewCount(app)).toBe(1)
  await page.getByTestId('import-apply').click()
  await page.getByTestId('import-ok').click()
  const after = app.services.plans.load()
  expect(after.city!.name).toBe('Livermore (official)')
  expect(after.city!.geometry).not.toEqual(plan.city!.geometry)
  expect(after.neighborhoods).toEqual(plan.neighborhoods)

  await page.getByTestId('import-open').click()
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page.getByTestId('profile-select').selectOption('commander:S')
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)
  await expect(page.getByTestId('import-open')).toBeDisabled()
})
