import { pointOnFeature } from '@turf/turf'
import type { Locator } from '@playwright/test'
import { expect, test, type AppHandle } from './harness/app-fixture'

function centreOf(app: AppHandle, neighborhoodId: string): [number, number] {
  const n = app.services.plans.load().neighborhoods.find((x) => x.id === neighborhoodId)!
  return pointOnFeature(n.geometry).geometry.coordinates as [number, number]
}

async function dragOfficerToMap(app: AppHandle, officerId: string, neighborhoodId: string): Promise<void> {
  const [lon, lat] = centreOf(app, neighborhoodId)
  const target = await app.map.pixelOf(lon, lat)
  const card = app.page.locator(`[data-testid="roster-panel"] [data-officer-id="${officerId}"]`)
  await card.scrollIntoViewIfNeeded()
  await card.dragTo(app.map.el, { targetPosition: target })
}

/** The officer count the area tree shows beside a neighborhood. */
function treeCount(app: AppHandle, neighborhoodId: string): Locator {
  return app.panels.tree.locator(`li:has(> [data-neighborhood-id="${neighborhoodId}"]) > span.small`)
}

const auditCount = (app: AppHandle) => (app.services.repos.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n

test('dragging an officer card onto a neighborhood on the map adopts it; the count and tooltip follow; undo reverts it', async ({ app }) => {
  // F. Ortega (Northeast) adopts nothing yet; Vasco has Q. Chen, N. Lindqvist (on leave) and K. Fontaine.
  await app.page.getByTestId('roster-area').selectOption('NE')
  await expect(treeCount(app, 'NE-vasco')).toHaveText('3 officers')
  await expect(app.page.locator('[data-officer-id="off-023"] [data-testid="officer-neighborhood"]')).toHaveText('no neighborhood')

  await dragOfficerToMap(app, 'off-023', 'NE-vasco')

  await expect.poll(() => app.services.repos.officers.get('off-023')?.neighborhoodId).toBe('NE-vasco')
  const r = (await app.invoke('plan:load')) as { ok: true; value: { officers: { id: string; neighborhoodId: string | null }[] } }
  expect(r.value.officers.find((o) => o.id === 'off-023')?.neighborhoodId).toBe('NE-vasco')
  await expect(treeCount(app, 'NE-vasco')).toHaveText('4 officers')
  await expect(app.page.locator('[data-officer-id="off-023"] [data-testid="officer-neighborhood"]')).toHaveText('adopts Vasco')
  // Hovering the neighborhood names its officers.
  const [lon, lat] = centreOf(app, 'NE-vasco')
  const p = await app.map.pixelOf(lon, lat)
  await app.map.el.hover({ position: p })
  await expect(app.map.el).toHaveAttribute('title', /Vasco: .*F\. Ortega/)
  await expect(app.page.getByTestId('undo')).toBeEnabled()

  await app.page.locator('body').press('Control+z')
  await expect.poll(() => app.services.repos.officers.get('off-023')?.neighborhoodId).toBeNull()
  await expect(treeCount(app, 'NE-vasco')).toHaveText('3 officers')
})

test('an officer card dropped on a neighborhood row of the area tree adopts it', async ({ app }) => {
  await app.page.getByTestId('roster-area').selectOption('NE')
  await app.page.getByTestId('roster-unassigned').check()
  const card = app.page.locator('[data-testid="roster-panel"] [data-officer-id="off-024"]')
  await card.dragTo(app.panels.neighborhoodButton('NE-sunset'))
  await expect.poll(() => app.services.repos.officers.get('off-024')?.neighborhoodId).toBe('NE-sunset')
  await expect(treeCount(app, 'NE-sunset')).toHaveText('3 officers')
  // The "no neighborhood" filter now leaves her out.
  await expect(card).toHaveCount(0)
})

test('an Area Commander dropping on another area is refused with the reason; Administration confirms the transfer', async ({ app }) => {
  const before = app.services.repos.officers.get('off-023')!
  await app.page.getByTestId('profile-select').selectOption('commander:NE')
  await expect.poll(() => app.services.session.current()).toEqual({ role: 'commander', areaId: 'NE' })
  await app.page.getByTestId('roster-area').selectOption('NE')
  // A commander's map opens on their own area: bring South back into view to drop on it.
  await app.page.getByTestId('view-whole-city').click()
  await app.map.settle()
  const audit0 = auditCount(app)

  await dragOfficerToMap(app, 'off-023', 'S-wente')
  await expect(app.page.getByTestId('last-error')).toContainText('moving F. Ortega from Northeast to South is an area transfer, which only Administration can make')
  await expect(app.page.getByTestId('transfer-confirm')).toHaveCount(0)
  expect(app.services.repos.officers.get('off-023')).toEqual(before)
  expect(auditCount(app)).toBe(audit0)

  await app.page.getByTestId('profile-select').selectOption('admin')
  await expect.poll(() => app.services.session.current()).toEqual({ role: 'admin' })
  await app.page.getByTestId('last-error').getByRole('button', { name: 'Dismiss' }).click()
  await dragOfficerToMap(app, 'off-023', 'S-wente')
  const dialog = app.page.getByTestId('transfer-confirm')
  await expect(dialog).toContainText('from Northeast to South')
  await expect(dialog).toContainText('adopting Wente')
  // Nothing is stored before the confirmation.
  expect(app.services.repos.officers.get('off-023')).toEqual(before)
  await app.page.getByTestId('transfer-ok').click()
  await expect.poll(() => app.services.repos.officers.get('off-023')).toMatchObject({ areaId: 'S', neighborhoodId: 'S-wente' })
  expect(auditCount(app)).toBe(audit0 + 1)
  await expect(dialog).toHaveCount(0)
})
