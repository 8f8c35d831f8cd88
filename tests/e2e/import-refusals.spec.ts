import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { dumpTables } from '../helpers/table-dump'
import { toStatePlaneFeet } from '../unit/import/helpers/sample-layer'
import { writeDbf, writeShp } from '../unit/import/helpers/shapefile-writer'
import { expect, test } from './harness/app-fixture'
import { departmentLayer, previewCount } from './import-helpers'

test('a truncated GeoJSON and a layer with a Point are refused in the dialog with the file and feature named; nothing is stored', async ({ app }) => {
  const page = app.page
  const db = app.services.config.db
  const before = dumpTables(db)
  const good = JSON.stringify({ type: 'FeatureCollection', features: departmentLayer(app.services.plans.load()).map((f) => ({ type: 'Feature', properties: f.props, geometry: f.geometry })) })
  const truncated = join(app.services.dir, 'beats-export.geojson')
  writeFileSync(truncated, good.slice(0, Math.floor(good.length / 2)))

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-file').setInputFiles(truncated)
  await expect(page.getByTestId('import-error')).toContainText('beats-export.geojson is not valid JSON')
  await expect(page.getByTestId('import-error')).toContainText('truncated')
  await expect(page.getByTestId('import-error')).toContainText('Nothing was stored')
  await expect(page.getByTestId('import-preview')).toHaveCount(0)
  await expect(page.getByTestId('import-apply')).toBeDisabled()

  const fc = JSON.parse(good)
  fc.features[3].geometry = { type: 'Point', coordinates: [-121.76, 37.69] }
  const points = join(app.services.dir, 'with-a-point.geojson')
  writeFileSync(points, JSON.stringify(fc))
  await page.getByTestId('import-file').setInputFiles(points)
  await expect(page.getByTestId('import-error')).toContainText('with-a-point.geojson: feature 3 is a Point; only Polygon and MultiPolygon layers can be imported')
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  await expect.poll(() => previewCount(app)).toBe(0)

  expect(dumpTables(db)).toEqual(before)
})

test('a Shapefile without .prj in State Plane feet is refused until the user picks EPSG:2227, then previews in place', async ({ app }, testInfo) => {
  const page = app.page
  const layer = departmentLayer(app.services.plans.load())
  const polys = (g: (typeof layer)[number]['geometry']) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
  const { shp, shx } = writeShp(layer.map((f) => ({ kind: 'polygon', polygons: polys(f.geometry) })), toStatePlaneFeet)
  const dbf = writeDbf([{ name: 'BEAT', type: 'C', length: 24 }, { name: 'DIST', type: 'C', length: 4 }], layer.map((f) => ({ BEAT: f.props.NBHD_ID, DIST: f.props.DISTRICT })))
  const file = join(app.services.dir, 'no-prj.zip')
  writeFileSync(file, zipSync({ 'b.shp': shp, 'b.shx': shx, 'b.dbf': dbf }))

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('import-error')).toContainText('no-prj.zip: coordinates look projected')
  await expect(page.getByTestId('import-crs-hint')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('import-no-prj-refused.png') })
  await expect(page.getByTestId('import-preview')).toHaveCount(0)

  await page.getByTestId('import-crs').fill('EPSG:2227')
  await page.getByTestId('import-crs').press('Enter')
  await expect(page.getByTestId('import-error')).toHaveCount(0)
  await expect(page.getByTestId('import-crs-detected')).toHaveText('EPSG:2227')
  await expect(page.getByTestId('import-notices')).toContainText('no-prj.zip has no .prj; its coordinates were read as EPSG:2227')
  await expect(page.getByTestId('import-id-field')).toHaveValue('BEAT')
  await expect(page.getByTestId('import-area-field')).toHaveValue('DIST')
  await expect.poll(() => previewCount(app)).toBe(14)
  await expect(page.getByTestId('import-apply')).toBeEnabled()
})

test('an Area Commander sees Import disabled, and an import sent straight to the IPC boundary is refused and changes nothing', async ({ app }) => {
  const page = app.page
  const db = app.services.config.db
  await page.getByTestId('profile-select').selectOption('commander:NE')
  await expect(page.getByTestId('import-open')).toBeDisabled()
  await expect(page.getByTestId('import-open')).toHaveAttribute('title', /Only Administration imports layers/)
  const before = dumpTables(db)

  const layer = departmentLayer(app.services.plans.load())
  const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: layer.map((f) => ({ type: 'Feature', properties: f.props, geometry: f.geometry })) }))
  const r = (await app.invoke('import:apply', {
    file: { name: 'hoods.geojson', bytes }, layer: 'neighborhoods', idField: 'NBHD_ID', nameField: 'NBHD_NAME', areaField: 'DISTRICT', mode: 'replace',
  })) as { ok: boolean; error?: { code: string; message: string } }
  expect(r.ok).toBe(false)
  expect(r.error).toMatchObject({ code: 'forbidden' })
  expect(r.error!.message).toMatch(/Only Administration can import layers/)
  expect(dumpTables(db)).toEqual(before)
})
