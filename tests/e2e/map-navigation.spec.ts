import { expect, test } from './harness/app-fixture'

// A lieutenant works in the side panel, then turns to the map: the wheel and a drag must move
// it at once, without a click to give it the focus first.
test('the map zooms with the wheel and pans with a drag straight after a click in the side panel', async ({ app }) => {
  const { page } = app
  await app.panels.tree.locator('[data-neighborhood-id]').first().click()
  await expect(app.map.el).not.toBeFocused()
  const probe = () => page.evaluate(() => {
    const a = window.__acpMap!.pixelOf(-121.76, 37.69)!, b = window.__acpMap!.pixelOf(-121.75, 37.69)!
    return { at: a, pxPerCentidegree: Math.hypot(b[0] - a[0], b[1] - a[1]) }
  })
  const box = (await app.map.el.boundingBox())!
  const before = await probe()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, -300)
  await expect.poll(async () => (await probe()).pxPerCentidegree / before.pxPerCentidegree).toBeGreaterThan(1.9)

  const zoomed = await probe()
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 30 })
  // Held still before letting go, so the map does not glide on (kinetic panning).
  await page.waitForTimeout(300)
  await page.mouse.up()
  // The place under the pointer follows it (OpenLayers starts panning from the first move, a step of 2 px).
  const moved = (await probe()).at
  expect(moved[0] - zoomed.at[0]).toBeGreaterThan(56)
  expect(moved[0] - zoomed.at[0]).toBeLessThan(61)
  expect(moved[1] - zoomed.at[1]).toBeGreaterThan(37)
  expect(moved[1] - zoomed.at[1]).toBeLessThan(41)
})
