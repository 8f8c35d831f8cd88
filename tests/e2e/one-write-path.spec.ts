import { expect, test } from './harness/app-fixture'
import { departmentLayer } from './import-helpers'

const nonNe = (app: { services: { plans: { load(): { neighborhoods: { id: string; areaId: string }[] } } } }) =>
  app.services.plans.load().neighborhoods.find((n) => n.areaId !== 'NE')!.id

test('a rename stored from the panel costs the window exactly one IPC call, which brings findings, publish status and history with it', async ({ app }) => {
  const page = app.page
  const id = nonNe(app)
  await app.panels.neighborhoodButton(id).click()
  await page.getByTestId('rename-input').fill('Renamed Here')
  await expect(page.getByTestId('plan-status')).toBeVisible()
  // Let the startup calls settle, then count from the click on.
  await page.waitForTimeout(300)
  app.calls.length = 0
  await page.getByTestId('rename-confirm').click()
  await expect(page.getByTestId('touched-findings')).toContainText('Stored:')
  await expect(app.panels.neighborhoodButton(id)).toContainText('Renamed Here')
  await expect(page.getByTestId('plan-status')).toContainText('Draft')
  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.waitForTimeout(500)
  expect(app.calls).toEqual(['changes:apply'])
})

test('undo is offered at startup when the log holds a step of this profile, and the "edited" mark survives undoing an import', async ({ app }) => {
  const page = app.page
  const id = nonNe(app)
  await app.panels.neighborhoodButton(id).click()
  await page.getByTestId('rename-input').fill('Edited Before Import')
  await page.getByTestId('rename-confirm').click()
  const row = page.locator(`[data-neighborhood-id="${id}"] ~ .edited`)
  await expect(row).toBeVisible()

  // An import stored after the edit (sent to the same boundary), then undone from the window: the import goes, the edit's mark stays.
  const layer = departmentLayer(app.services.plans.load())
  const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: layer.map((f) => ({ type: 'Feature', properties: f.props, geometry: f.geometry })) }))
  const r = (await app.invoke('import:apply', { file: { name: 'hoods.geojson', bytes }, layer: 'neighborhoods', idField: 'NBHD_ID', nameField: 'NBHD_NAME', areaField: 'DISTRICT', mode: 'replace' })) as { ok: boolean; error?: { message: string } }
  expect(r.ok, r.error?.message).toBe(true)
  expect(app.services.plans.load().neighborhoods.some((n) => n.id === 'NE-west')).toBe(true)
  await page.getByTestId('undo').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.id === 'NE-west')).toBe(false)
  await expect(app.panels.neighborhoodButton(id)).toContainText('Edited Before Import')
  await expect(row).toBeVisible()
  // Undoing the edit itself takes the mark away.
  await page.getByTestId('undo').click()
  await expect(row).toHaveCount(0)

  // Redo brings the edit back; a fresh window on the same log offers to undo it before its first write.
  await page.getByTestId('redo').click()
  await expect(row).toBeVisible()
  await page.reload()
  await app.map.waitReady()
  await expect(page.getByTestId('undo')).toBeEnabled()
})
