import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'

// A 1x1 magenta PNG: stretched over each 256 px tile, the background turns magenta.
const MAGENTA = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z/AfAAQAAf8iCjrwAAAAAElFTkSuQmCC', 'base64')

let server: Server
let base: string
const asked: string[] = []
test.beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url!)
    if (req.url!.startsWith('/missing/')) return res.writeHead(404, 'Not Found').end()
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(MAGENTA)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
test.afterAll(() => new Promise<void>((r) => server.close(() => r())))

/** Share of the map's opaque canvas pixels that are magenta (tile), under the plan's light fills. */
function magentaShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    let magenta = 0
    let all = 0
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      for (let i = 0; i < d.length; i += 4 * 97) {
        if (d[i + 3] < 200) continue
        all++
        if (d[i] > 180 && d[i + 1] < 110 && d[i + 2] > 180) magenta++
      }
    }
    return all ? magenta / all : 0
  })
}

async function setBackground(page: Page, url: string, credit = ''): Promise<void> {
  await page.getByTestId('about').click()
  const dialog = page.getByTestId('about-dialog')
  await dialog.getByTestId('tile-url').fill(url)
  await dialog.getByTestId('tile-attribution').fill(credit)
  await dialog.getByTestId('save-settings').click()
  await expect(dialog.getByTestId('settings-message')).toContainText('Saved.')
  await dialog.getByRole('button', { name: 'Close' }).click()
}

test('Administration sets a background map: tiles come through the main process and draw under the plan, with the credit', async ({ app }) => {
  const { page } = app
  expect(await magentaShare(page)).toBe(0)
  asked.length = 0
  await setBackground(page, `${base}/tiles/{z}/{x}/{y}.png`, '© Test City GIS')
  await expect.poll(() => magentaShare(page), { timeout: 10_000 }).toBeGreaterThan(0.5)
  await expect(page.locator('.ol-attribution')).toContainText('© Test City GIS')
  expect(asked.length).toBeGreaterThan(0)
  expect(asked.every((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true)
  // The window never went online itself: the tiles were fetched by the main process.
  expect(app.foreignRequests).toEqual([])
  await expect(page.getByTestId('background-problem')).toHaveCount(0)

  // Clearing the URL takes the background away again.
  await setBackground(page, '')
  await expect.poll(() => magentaShare(page)).toBe(0)
  await expect(page.locator('.ol-attribution')).not.toContainText('© Test City GIS')
})

test('a tile server that refuses leaves the plan usable and says why; a bad URL cannot be saved', async ({ app }) => {
  const { page } = app
  await setBackground(page, `${base}/missing/{z}/{x}/{y}.png`)
  await expect(page.getByTestId('background-problem')).toContainText(/Background map unavailable: Could not load tile \d+\/\d+\/\d+ from 127\.0\.0\.1:\d+: the server answered 404 Not Found/)
  expect(await magentaShare(page)).toBe(0)
  // The plan is still there and still selectable.
  await app.panels.tree.locator('[data-neighborhood-id]').first().click()
  await expect(app.panels.tree.locator('li.selected')).toHaveCount(1)

  await page.getByTestId('about').click()
  const dialog = page.getByTestId('about-dialog')
  await dialog.getByTestId('tile-url').fill('http://tiles.example.org/{z}/{x}/{y}.png')
  await expect(dialog.getByTestId('tile-url-problem')).toHaveText('the tile URL must start with https:// (or http://localhost/ for a tile server on this computer)')
  await expect(dialog.getByTestId('save-settings')).toBeDisabled()
  expect((await app.services.settings.get()).tileUrl).toBe(`${base}/missing/{z}/{x}/{y}.png`)
})

test('the map credit is shown as the text typed, never as markup', async ({ app }) => {
  const { page } = app
  const credit = '<b id="injected">Tiles</b> & <img src=x> Co'
  await setBackground(page, `${base}/tiles/{z}/{x}/{y}.png`, credit)
  await expect(page.locator('.ol-attribution')).toContainText(credit)
  await expect(page.locator('#injected')).toHaveCount(0)
  await expect(page.locator('.ol-attribution img')).toHaveCount(0)
})
