import * as turf from '@turf/turf'
import { expect, test } from './harness/app-fixture'

test('typing coordinates shows what the public sees there and selects the neighborhood on the map', async ({ app }, testInfo) => {
  const { page } = app
  const plan = app.services.plans.load()
  const nb = plan.neighborhoods.find((n) => n.name === 'Springtown')!
  const area = plan.areas.find((a) => a.id === nb.areaId)!
  const lt = plan.officers.find((o) => o.id === area.commanderId)!
  const adopters = plan.officers.filter((o) => o.neighborhoodId === nb.id && o.status !== 'vacant')
  const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates

  await page.getByTestId('lookup-input').fill(`${lon.toFixed(6)}, ${lat.toFixed(6)}`)
  await page.getByTestId('lookup-input').press('Enter')
  const card = page.getByTestId('lookup-result')
  await expect(card).toContainText(`Springtown — ${area.name} Area.`)
  await expect(card.getByTestId('lookup-officer')).toHaveCount(adopters.length)
  for (const o of adopters) await expect(card).toContainText(`${o.rank} ${o.displayName}`)
  await expect(card.getByTestId('lookup-commander')).toContainText(`Area Commander: ${lt.rank} ${lt.displayName} (${lt.email}, ${lt.deskPhone})`)
  await expect(card).toContainText('For emergencies call 9-1-1; non-emergency 925-371-4900.')
  // Private fields never reach the public view.
  for (const o of adopters) await expect(card).not.toContainText(o.private.personalPhone)
  await expect(app.panels.selectedNeighborhood()).toHaveText('Springtown')
  await app.map.settle()
  await page.screenshot({ path: testInfo.outputPath('lookup-coordinates.png') })

  await page.getByTestId('lookup-input').fill('-100, 40')
  await page.getByTestId('lookup-input').press('Enter')
  await expect(page.getByTestId('lookup-outside')).toHaveText('This point is outside the city: no Area Command covers it.')
  expect(app.foreignRequests).toEqual([])
})

test('after importing address points, an address is found by type-ahead', async ({ app }, testInfo) => {
  const { page } = app
  const plan = app.services.plans.load()
  const nb = plan.neighborhoods.find((n) => n.name === 'Wente')!
  const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
  const csv = `Site Address,Longitude,Latitude\n123 Vineyard Ave,${lon},${lat}\n125 Vineyard Ave,oops,${lat}\n`
  await page.getByTestId('lookup-import').setInputFiles({ name: 'addresses.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByTestId('lookup-message')).toContainText('Imported 1 address point (columns Site Address, Longitude, Latitude); 1 row skipped: addresses.csv: line 3: Longitude "oops"')

  await page.getByTestId('lookup-input').pressSequentially('123 vine')
  const list = page.getByTestId('lookup-suggestions')
  await expect(list.getByRole('option')).toHaveText(['123 Vineyard Ave'])
  await page.screenshot({ path: testInfo.outputPath('lookup-typeahead.png') })
  await page.getByTestId('lookup-input').press('Enter')
  await expect(page.getByTestId('lookup-result')).toContainText('Wente — South Area.')
  await expect(app.panels.selectedNeighborhood()).toHaveText('Wente')
  await page.screenshot({ path: testInfo.outputPath('lookup-address.png') })
})
