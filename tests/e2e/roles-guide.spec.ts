import { bbox, pointOnFeature } from '@turf/turf'
import type { Page } from '@playwright/test'
import type { LonLat } from '../../src/shared/domain'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'

/** Colour of the map at a lon/lat: the topmost opaque canvas pixel there. */
function colourAt(app: AppHandle, at: LonLat): Promise<[number, number, number]> {
  return app.page.evaluate((p) => {
    const px = window.__acpMap!.pixelOf(p[0], p[1])!
    let rgb: [number, number, number] = [0, 0, 0]
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const r = c.width / c.getBoundingClientRect().width
      const d = c.getContext('2d')!.getImageData(Math.round(px[0] * r), Math.round(px[1] * r), 1, 1).data
      if (d[3] > 0) rgb = [d[0], d[1], d[2]]
    }
    return rgb
  }, at)
}
const saturation = ([r, g, b]: [number, number, number]) => Math.max(r, g, b) - Math.min(r, g, b)
const inside = (app: AppHandle, id: string) => pointOnFeature(app.services.repos.neighborhoods.get(id)!.geometry).geometry.coordinates as LonLat

async function closeGuide(page: Page): Promise<void> {
  await page.getByTestId('guide-close').click()
  await expect(page.getByTestId('first-run-guide')).toHaveCount(0)
}

test('the first-run guide walks role, area and next steps, stays closed once done, and comes back from Help', async ({ app }) => {
  const { page } = app
  const guide = page.getByTestId('first-run-guide')
  await expect(guide).toBeVisible()
  await expect(guide.getByRole('heading')).toHaveText('Your role')
  await expect(guide).toContainText('working as Administration')
  // A single desk: the picker stays, and says plainly it is no security boundary.
  await expect(guide).toContainText('not a security boundary')
  await expect(page.getByTestId('profile-select')).toBeEnabled()
  await expect(page.getByTestId('profile-select')).toHaveAttribute('title', /not a security boundary/)
  await page.getByTestId('guide-next').click()
  await expect(guide.getByRole('heading')).toHaveText('Your area')
  await expect(guide).toContainText('3 Area Commands')
  await page.getByTestId('guide-next').click()
  await expect(guide.getByRole('heading')).toHaveText('What to do next')
  await page.getByTestId('guide-done').click()
  await expect(guide).toHaveCount(0)

  await page.reload()
  await app.map.waitReady()
  await expect(page.getByTestId('area-tree')).toBeVisible()
  await expect(guide).toHaveCount(0)
  await page.evaluate(() => window.__acpMenu?.('guide'))
  await expect(guide).toBeVisible()
  await expect(guide.getByRole('heading')).toHaveText('Your role')
})

test("a commander's window opens on their own area, dims the others and says once what they may change and what Administration must do", async ({ page }) => {
  const app = await openApp(page, { before: (s) => s.session.setProfile({ role: 'commander', areaId: 'NE' }) })
  try {
    await closeGuide(page)
    // Opens on Northeast: its whole extent in view and filling most of the map.
    const box = (await app.map.el.boundingBox())!
    const [w, s, e, n] = bbox(app.services.repos.areas.get('NE')!.geometry)
    await expect
      .poll(async () => {
        const [a, b] = [await app.map.pixelOf(w, n), await app.map.pixelOf(e, s)]
        const fits = a.x >= -2 && a.y >= -2 && b.x <= box.width + 2 && b.y <= box.height + 2
        return fits && Math.max((b.x - a.x) / box.width, (b.y - a.y) / box.height) > 0.75
      })
      .toBe(true)

    const notice = page.getByTestId('role-notice')
    await expect(notice).toContainText('Northeast')
    await expect(notice).toContainText('You may: reshape, draw, split, merge and delete neighborhoods inside Northeast')
    await expect(notice).toContainText('Administration must: change Area Command boundaries')
    await page.getByTestId('role-notice-ok').click()
    await expect(notice).toHaveCount(0)

    // Same view for both: another area's ground is greyer for the commander than for Administration.
    const south = inside(app, 'S-old-south-side')
    const own = inside(app, 'NE-vasco')
    await page.evaluate(() => window.__acpMenu?.('zoom-fit'))
    await app.map.settle()
    const [southDim, ownLit] = [saturation(await colourAt(app, south)), saturation(await colourAt(app, own))]
    await page.getByTestId('profile-select').selectOption('admin')
    await expect(page.getByTestId('role-notice')).toHaveCount(0)
    await page.evaluate(() => window.__acpMenu?.('zoom-fit'))
    await app.map.settle()
    await expect.poll(async () => saturation(await colourAt(app, south))).toBeGreaterThan(southDim + 15)
    expect(Math.abs(saturation(await colourAt(app, own)) - ownLit)).toBeLessThan(8)

    // Said once: back as the same commander, the notice does not come again.
    await page.getByTestId('profile-select').selectOption('commander:NE')
    await expect(page.getByTestId('profile-select')).toHaveValue('commander:NE')
    await app.map.settle()
    await expect(page.getByTestId('role-notice')).toHaveCount(0)
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

test('signed in to a department server, the role is the server login’s and there is no picker to choose Administration', async ({ page }) => {
  const app = await openApp(page, { before: (s) => s.session.setProfile({ role: 'commander', areaId: 'NE' }) })
  try {
    const status = {
      connection: { host: 'acp.example.org', port: 5432, database: 'acp', login: 'ne_cmdr' },
      state: 'online', why: null, queued: 0, conflicts: [], saved: null, restartPending: false,
      identity: { login: 'ne_cmdr', role: 'commander', areaId: 'NE', areaName: 'Northeast' },
    }
    // What the main process pushes once the server has answered who this login is.
    await page.evaluate((st) => window.__acpPush?.('server:event', { kind: 'status', status: st }), status)
    // No picker to choose from: the server's badge names the login and what it may edit.
    await expect(page.getByTestId('server-identity')).toContainText('ne_cmdr')
    await expect(page.getByTestId('profile-select')).toHaveCount(0)
    await expect(page.getByTestId('guide-server-role')).toContainText('ne_cmdr')
    await expect(page.getByTestId('first-run-guide')).not.toContainText('not a security boundary')
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})
