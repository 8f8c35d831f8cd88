import { expect, test } from './harness/app-fixture'

test('opens on the sample city with its three Area Commands and every neighborhood drawn', async ({ app }) => {
  const plan = app.services.plans.load()
  expect(plan.areas.map((a) => a.name).sort()).toEqual(['Northeast', 'Northwest', 'South'])
  await expect.poll(() => app.map.counts()).toMatchObject({ areas: 3, neighborhoods: plan.neighborhoods.length })
  await expect(app.page.getByTestId('plan-label')).toContainText('sample data')
  // Each area lists its commander by name.
  for (const a of plan.areas) {
    const lt = plan.officers.find((o) => o.id === a.commanderId)!
    await expect(app.panels.tree.locator(`[data-area-id="${a.id}"] [data-testid="area-commander"]`)).toContainText(lt.displayName)
  }
  expect(app.foreignRequests).toEqual([])
})

test('clicking a neighborhood on the map selects it in the panel, and the reverse', async ({ app }, testInfo) => {
  const plan = app.services.plans.load()
  const target = plan.neighborhoods.find((n) => n.name === 'Springtown')!
  const { pointOnFeature } = await import('@turf/turf')
  const [lon, lat] = pointOnFeature(target.geometry).geometry.coordinates
  await app.map.clickAt(lon, lat)
  await expect(app.panels.selectedNeighborhood()).toHaveText('Springtown')
  const adopters = plan.officers.filter((o) => o.neighborhoodId === target.id && o.status !== 'vacant')
  await expect(app.page.getByTestId('selected-officers')).toContainText(adopters[0].displayName)
  await app.page.screenshot({ path: testInfo.outputPath('springtown-selected.png') })

  const other = plan.neighborhoods.find((n) => n.name === 'Wente')!
  await app.panels.neighborhoodButton(other.id).click()
  await expect(app.panels.selectedNeighborhood()).toHaveText('Wente')
})

test('the About dialog shows where the plan database lives', async ({ app }) => {
  await app.page.getByTestId('about').click()
  await expect(app.page.getByTestId('db-path')).toHaveText(app.services.config.dbPath)
})
