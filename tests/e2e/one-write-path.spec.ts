import { bulge, importAsDrawn, longestEdge, neighborhood } from '../helpers/repair-fixtures'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'
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

/** The staffing panel's "Active officers" row, one cell per Area Command in the plan's order. */
const activeRow = (app: AppHandle) => app.page.getByTestId('staffing-panel').getByTestId('balance-table').locator('tr', { hasText: 'Active officers' }).locator('td')
const activeByArea = (app: AppHandle) => {
  const p = app.services.plans.load()
  return p.areas.map((a) => String(p.officers.filter((o) => o.areaId === a.id && o.status === 'active').length))
}

test('with the Staffing tab open, an area transfer and its undo cost one call each: the staffing figures come with the write, nothing is asked again', async ({ app }) => {
  const page = app.page
  await page.getByTestId('tab-staffing').click()
  await expect(page.getByTestId('shift-loads')).toBeVisible()
  const before = activeByArea(app)
  await expect(activeRow(app)).toHaveText(before)
  // F. Ortega (Northeast, active, no neighborhood) dropped on South's Wente: Administration confirms the transfer.
  expect(app.services.repos.officers.get('off-023')).toMatchObject({ areaId: 'NE', status: 'active' })
  await page.getByTestId('roster-area').selectOption('NE')
  await page.locator('[data-testid="roster-panel"] [data-officer-id="off-023"]').dragTo(app.panels.neighborhoodButton('S-wente'))
  await expect(page.getByTestId('transfer-ok')).toBeVisible()
  await page.waitForTimeout(300)
  app.calls.length = 0

  await page.getByTestId('transfer-ok').click()
  await expect.poll(() => app.services.repos.officers.get('off-023')?.areaId).toBe('S')
  const after = activeByArea(app)
  expect(after).not.toEqual(before)
  await expect(activeRow(app)).toHaveText(after)
  await page.waitForTimeout(500)
  expect(app.calls).toEqual(['changes:apply'])

  app.calls.length = 0
  await page.getByTestId('undo').click()
  await expect(activeRow(app)).toHaveText(before)
  await page.waitForTimeout(500)
  expect(app.calls).toEqual(['history:undo'])

  // Closing the tab tells the main process once; a transfer then brings no staffing figures.
  app.calls.length = 0
  await page.getByTestId('tab-findings').click()
  await expect.poll(() => app.calls.filter((c) => c === 'views:hide').length).toBe(2)
})

test('repairing a finding and undoing the repair cost one call each, bringing findings, publish status and history', async ({ page }) => {
  const app = await openApp(page, { before: (s) => importAsDrawn(s, (p) => [bulge(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), 30, 'in')]) })
  try {
    const gap = app.panels.finding('gap')
    await expect(gap).toHaveCount(1)
    await gap.click()
    const picker = app.panels.findings.getByTestId('repair-picker')
    await picker.getByTestId('repair-option').first().click()
    await expect(picker.getByTestId('repair-sentence')).toBeVisible()
    await expect(page.getByTestId('plan-status')).toBeVisible()
    await page.waitForTimeout(300)
    app.calls.length = 0

    await picker.getByTestId('repair-apply').click()
    await expect(gap).toHaveCount(0)
    await expect(page.getByTestId('touched-findings')).toContainText('Stored:')
    await expect(page.getByTestId('plan-status')).toContainText('Draft')
    await page.waitForTimeout(500)
    expect(app.calls).toEqual(['repair:apply'])

    app.calls.length = 0
    await page.getByTestId('undo').click()
    await expect(gap).toHaveCount(1)
    await expect(page.getByTestId('redo')).toBeEnabled()
    await page.waitForTimeout(500)
    expect(app.calls).toEqual(['history:undo'])
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

test('switching profile costs one call, whose answer brings that profile\'s undo history and publish status; no plan reload', async ({ app }) => {
  const page = app.page
  const id = nonNe(app)
  await app.panels.neighborhoodButton(id).click()
  await page.getByTestId('rename-input').fill('Renamed By Administration')
  await page.getByTestId('rename-confirm').click()
  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.waitForTimeout(300)

  // Undo history is kept per profile: Northeast's commander has nothing to undo.
  app.calls.length = 0
  await page.getByTestId('profile-select').selectOption('commander:NE')
  await expect(page.getByTestId('undo')).toBeDisabled()
  await page.waitForTimeout(500)
  expect(app.calls).toEqual(['session:setProfile'])

  app.calls.length = 0
  await page.getByTestId('profile-select').selectOption('admin')
  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.waitForTimeout(500)
  expect(app.calls).toEqual(['session:setProfile'])
})
