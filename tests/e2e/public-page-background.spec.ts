import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildPublicSite } from '../../src/main/public-site/build-site'
import { buildPublicDataset } from '../../src/shared/publish/public-dataset'
import { fixturePlan, META } from '../unit/publish/fixture-plan'

/** A 1 × 1 magenta PNG: what the test tile server sends for every tile. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z/AfAAQAAf8iCjrwAAAAAElFTkSuQmCC', 'base64')
const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png'

let dir = ''
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'public-bg-'))
  const site = buildPublicSite(buildPublicDataset(fixturePlan(), META), META, { addresses: null, tiles: { url: TILES, attribution: '© Example Tiles' } })
  writeFileSync(path.join(dir, 'index.html'), site['index.html'])
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('with a tile URL set, the page loads that server\'s tiles around the city, shows its credit, and nothing else', async ({ page }) => {
  const tiles: string[] = []
  const other: string[] = []
  await page.route('**/*', (r) => {
    const u = r.request().url()
    if (u.startsWith('file:')) return r.continue()
    if (u.startsWith('https://tiles.example.org/')) {
      tiles.push(u)
      return r.fulfill({ status: 200, body: PNG, contentType: 'image/png' })
    }
    other.push(u)
    return r.abort()
  })
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('#tile-credit')).toHaveText('© Example Tiles')
  await expect.poll(() => tiles.length).toBeGreaterThan(0)
  // The tiles asked for are at a city zoom and include the one under the middle of the fixture city.
  const asked = tiles.map((u) => /\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(u)!.slice(1).map(Number))
  const [z] = asked[0]
  expect(z).toBeGreaterThanOrEqual(9)
  expect(z).toBeLessThanOrEqual(16)
  const n = 2 ** z
  const lat = (37.687 * Math.PI) / 180
  const cx = Math.floor(((-121.761 + 180) / 360) * n)
  const cy = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n)
  expect(asked.some(([tz, x, y]) => tz === z && x === cx && y === cy)).toBe(true)
  expect(other).toEqual([])
})

test('without a tile URL the page asks no server for anything', async ({ page }) => {
  const site = buildPublicSite(buildPublicDataset(fixturePlan(), META), META)
  writeFileSync(path.join(dir, 'plain.html'), site['index.html'])
  const requested: string[] = []
  await page.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : (requested.push(r.request().url()), r.abort())))
  await page.goto(pathToFileURL(path.join(dir, 'plain.html')).href)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('#tile-credit')).toBeHidden()
  await page.getByRole('button', { name: 'Zoom in' }).click()
  expect(requested).toEqual([])
})
