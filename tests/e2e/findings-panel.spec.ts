import { pointOnFeature } from '@turf/turf'
import { expect, test, type AppHandle } from './harness/app-fixture'

async function dragOfficerTo(app: AppHandle, officerId: string, neighborhoodId: string): Promise<void> {
  const n = app.services.plans.load().neighborhoods.find((x) => x.id === neighborhoodId)!
  const [lon, lat] = pointOnFeature(n.geometry).geometry.coordinates
  const card = app.page.locator(`[data-testid="roster-panel"] [data-officer-id="${officerId}"]`)
  await card.scrollIntoViewIfNeeded()
  await card.dragTo(app.map.el, { targetPosition: await app.map.pixelOf(lon, lat) })
}

const viewCentre = (app: AppHandle) => app.page.evaluate(() => window.__acpMap!.pixelOf(-121.76, 37.69))

test('the findings panel follows edits without a refresh, and a finding click selects and zooms to it', async ({ app }, testInfo) => {
  await expect(app.panels.findings.getByTestId('findings-counts')).toContainText('0 errors, 0 warnings')
  // Midtown's two officers move to Jensen: Midtown is left without an adopting officer.
  const plan = app.services.plans.load()
  const midtown = plan.neighborhoods.find((n) => n.name === 'Midtown')!
  const jensen = plan.neighborhoods.find((n) => n.name === 'Jensen')!
  const adopters = plan.officers.filter((o) => o.neighborhoodId === midtown.id)
  expect(adopters.length).toBeGreaterThan(0)
  await app.page.getByTestId('roster-area').selectOption(midtown.areaId)
  for (const o of adopters) {
    await dragOfficerTo(app, o.id, jensen.id)
    await expect.poll(() => app.services.repos.officers.get(o.id)?.neighborhoodId).toBe(jensen.id)
  }

  const finding = app.panels.finding('unassigned-neighborhood')
  await expect(finding).toHaveCount(1)
  await expect(finding).toContainText('Midtown')
  await expect(app.panels.findings.getByTestId('findings-counts')).toContainText('0 errors, 1 warning')
  // The map draws the new finding, and the area list's lines of both neighborhoods follow the roster.
  await expect.poll(async () => (await app.map.counts()).findings).toBe(1)
  const line = (id: string) => app.panels.neighborhoodButton(id).locator('..')
  const jensenOfficers = app.services.plans.load().officers.filter((o) => o.neighborhoodId === jensen.id && o.status !== 'vacant').length
  await expect(line(midtown.id)).toContainText('no officer')
  await expect(line(jensen.id)).toContainText(`${jensenOfficers} officers`)

  await app.panels.neighborhoodButton(jensen.id).click()
  const before = await viewCentre(app)
  await finding.click()
  await expect(app.panels.selectedNeighborhood()).toHaveText('Midtown')
  // The map moved to the finding: a fixed place on the ground is now drawn elsewhere on screen.
  await expect.poll(async () => JSON.stringify(await viewCentre(app))).not.toBe(JSON.stringify(before))
  await app.page.waitForTimeout(400) // let the 250 ms zoom animation finish for the screenshot
  await app.page.screenshot({ path: testInfo.outputPath('finding-focused.png') })

  // Undo puts the last officer back: the focused finding leaves the list and the map, and Midtown's line says so.
  await app.page.getByTestId('undo').click()
  await expect(app.panels.findings.getByTestId('findings-counts')).toContainText('0 errors, 0 warnings')
  await expect.poll(async () => (await app.map.counts()).findings).toBe(0)
  await expect(line(midtown.id)).toContainText('1 officer')
  await expect(line(jensen.id)).toContainText(`${jensenOfficers - 1} officer`)
})
