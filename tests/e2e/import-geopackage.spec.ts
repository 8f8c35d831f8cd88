import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gdal } from '../helpers/gdal'
import { expect, test } from './harness/app-fixture'
import { departmentLayer, previewCount, vertexHausdorff, writeGeoJson } from './import-helpers'

test('a GeoPackage with two layers: the dialog offers its layers, and the chosen one (in State Plane feet) imports within 1 cm of the source', async ({ app }, testInfo) => {
  const page = app.page
  const dir = app.services.dir
  const layer = departmentLayer(app.services.plans.load())
  const gpkg = join(dir, 'department.gpkg')
  // Written by GDAL, as a department's GIS would: the neighborhoods in EPSG:2227, and a point layer beside them.
  expect(gdal('ogr2ogr', '-f', 'GPKG', '-t_srs', 'EPSG:2227', '-nln', 'hoods', gpkg, writeGeoJson(dir, 'hoods.geojson', layer)).err).toBe('')
  const stations = join(dir, 'stations.geojson')
  writeFileSync(stations, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NAME: 'HQ' }, geometry: { type: 'Point', coordinates: [-121.77, 37.68] } }] }))
  expect(gdal('ogr2ogr', '-f', 'GPKG', '-update', '-nln', 'stations', gpkg, stations).err).toBe('')

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-neighborhoods').check()
  await page.getByTestId('import-file').setInputFiles(gpkg)
  await expect(page.getByTestId('import-error')).toContainText('department.gpkg holds 2 feature layers (hoods, stations); choose the one to import')
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  const choice = page.getByTestId('import-gpkg-layer')
  await expect(choice.locator('option:not([disabled])')).toHaveText(['hoods', 'stations'])
  await page.screenshot({ path: testInfo.outputPath('import-gpkg-layers.png') })

  await choice.selectOption('stations')
  await expect(page.getByTestId('import-error')).toContainText('department.gpkg: layer stations holds POINT geometries')
  await choice.selectOption('hoods')
  await expect(page.getByTestId('import-error')).toHaveCount(0)
  await expect(page.getByTestId('import-feature-count')).toHaveText('14')
  await expect(page.getByTestId('import-id-field')).toHaveValue('NBHD_ID')
  await expect(page.getByTestId('import-area-field')).toHaveValue('DISTRICT')
  await expect(page.getByTestId('import-crs-detected')).toHaveText('EPSG:2227')
  await expect(page.getByTestId('import-facts')).toContainText('GeoPackage')
  await expect.poll(() => previewCount(app)).toBe(14)
  await page.screenshot({ path: testInfo.outputPath('import-gpkg-preview.png') })

  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-summary')).toContainText('Imported neighborhoods from department.gpkg (replace)')
  const after = app.services.plans.load()
  for (const f of layer) expect(vertexHausdorff(after.neighborhoods.find((n) => n.id === f.props.NBHD_ID)!.geometry, f.geometry)).toBeLessThan(0.01)
})
