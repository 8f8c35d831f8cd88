import { expect, test } from './harness/app-fixture'

/** The application menu's commands, sent as the main process sends them (the harness stands in for Electron's menu). */
test('the menu opens what its items name: Publish, Settings and about, the shortcuts, the Staffing and History tabs, the lookup box, and zooms the map', async ({ app }) => {
  const page = app.page
  const menu = (command: string) => page.evaluate((c) => window.__acpMenu!(c), command)

  await menu('publish')
  await expect(page.getByTestId('publish-dialog')).toBeVisible()
  await page.getByTestId('publish-dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('publish-dialog')).toHaveCount(0)

  await menu('about')
  await expect(page.getByTestId('about-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('about-dialog')).toHaveCount(0)

  await menu('shortcuts')
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible()
  await page.keyboard.press('Escape')

  await menu('staffing')
  await expect(page.getByTestId('tab-staffing')).toHaveAttribute('aria-selected', 'true')
  await menu('history')
  await expect(page.getByTestId('tab-history')).toHaveAttribute('aria-selected', 'true')
  await menu('check-plan')
  await expect(page.getByTestId('tab-findings')).toHaveAttribute('aria-selected', 'true')

  await menu('find-officer')
  await expect(page.getByTestId('lookup-input')).toBeFocused()

  // Zoom in moves a place on the map away from the middle of the view; Whole plan brings it back.
  const g = app.services.plans.load().areas[0].geometry
  const [lon, lat] = g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0]
  const at = () => page.evaluate(([x, y]) => window.__acpMap!.pixelOf(x, y), [lon, lat])
  // Start from the whole-plan view itself (the first view can still be settling into the window's size).
  await menu('zoom-fit')
  let before = await at()
  await expect.poll(async () => {
    const now = await at()
    const same = JSON.stringify(now) === JSON.stringify(before)
    before = now
    return same
  }).toBe(true)
  await menu('zoom-in')
  await expect.poll(() => page.evaluate(([x, y]) => window.__acpMap!.pixelOf(x, y), [lon, lat])).not.toEqual(before)
  await menu('zoom-fit')
  await expect.poll(async () => {
    const p = (await page.evaluate(([x, y]) => window.__acpMap!.pixelOf(x, y), [lon, lat]))!
    return Math.round(Math.hypot(p[0] - before![0], p[1] - before![1]))
  }).toBeLessThan(2)
})

test('Edit › Undo and Redo in the menu undo and redo the last stored change, like the buttons', async ({ app }) => {
  const page = app.page
  const menu = (command: string) => page.evaluate((c) => window.__acpMenu!(c), command)
  const n = app.services.plans.load().neighborhoods[0]
  await app.invoke('changes:apply', { label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed by the menu test' } }] })
  await page.reload()
  await app.map.waitReady()
  await menu('undo')
  await expect.poll(() => app.services.plans.load().neighborhoods.find((x) => x.id === n.id)!.name).toBe(n.name)
  await menu('redo')
  await expect.poll(() => app.services.plans.load().neighborhoods.find((x) => x.id === n.id)!.name).toBe('Renamed by the menu test')
})
