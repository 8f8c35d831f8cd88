import { expect, test } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildPublicSite } from '../../src/main/public-site/build-site'
import { buildPublicDataset } from '../../src/shared/publish/public-dataset'
import { fixturePlan, HOSTILE_NAME, META } from '../unit/publish/fixture-plan'

let dir = ''
let url = ''
const requested: string[] = []

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'public-site-'))
  const site = buildPublicSite(buildPublicDataset(fixturePlan(), META), META)
  for (const [name, text] of Object.entries(site)) writeFileSync(path.join(dir, name), text)
  url = pathToFileURL(path.join(dir, 'index.html')).href
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

test.beforeEach(async ({ page }) => {
  requested.length = 0
  await page.route('**/*', (r) => {
    const u = r.request().url()
    if (u.startsWith('file:')) return r.continue()
    requested.push(u)
    return r.abort()
  })
  await page.goto(url)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
})

type Page = import('@playwright/test').Page
type Projector = { __projectToPixel(lon: number, lat: number): number[] }

/** Where the page draws lon/lat, in CSS pixels from the canvas's top-left (globalThis: no DOM lib here). */
function projectToPixel(page: Page, lon: number, lat: number): Promise<number[]> {
  return page.evaluate(([a, b]) => (globalThis as unknown as Projector).__projectToPixel(a, b), [lon, lat])
}

async function clickLonLat(page: Page, lon: number, lat: number) {
  const [x, y] = await projectToPixel(page, lon, lat)
  const box = (await page.locator('#map').boundingBox())!
  await page.mouse.click(box.x + x, box.y + y)
}

test('a resident clicks inside their neighborhood and sees its officers and commander', async ({ page }) => {
  await clickLonLat(page, -121.78, 37.705)
  const result = page.locator('#result')
  await expect(result).toContainText('Springtown — Northeast Area.')
  // Z. Adams adopts Springtown too but is on leave: not a contact residents are given.
  await expect(result).toContainText('Your neighborhood officer: Officer A. Nguyen (o-ann@police.example.gov, 925-555-0105).')
  await expect(result).not.toContainText('Z. Adams')
  await expect(result).toContainText('Area Commander: Lt. R. Alvarez')
  await expect(result).toContainText('For emergencies call 9-1-1; non-emergency 925-371-4900.')
  expect(requested).toEqual([])
})

test('a hostile name is shown as text and the department line replaces a missing commander', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (d) => (dialogs++, d.dismiss()))
  await clickLonLat(page, -121.79, 37.655)
  const result = page.locator('#result')
  await expect(result).toContainText(HOSTILE_NAME)
  await expect(result).toContainText('Sunset <South> — South Area.')
  await expect(result).toContainText('Area Commander: not assigned at present; please contact the Livermore Police Department non-emergency line, 925-371-4900.')
  expect(await page.locator('#result img, #result script').count()).toBe(0)
  expect(dialogs).toBe(0)
})

test('typing coordinates with the keyboard gives the same answer, and a hole is no neighborhood', async ({ page }) => {
  await page.locator('#coords').focus()
  await page.keyboard.type('-121.71, 37.71')
  await page.keyboard.press('Enter')
  await expect(page.locator('#result')).toContainText('Vasco — Northeast Area.')
  // Vasco's only post is vacant: the Area Commander covers it.
  await expect(page.locator('#result')).toContainText('No neighborhood officer is assigned at present. Until one is, your contact is the Area Commander: Lt. R. Alvarez')
  await page.locator('#coords').fill('-121.75, 37.665')
  await page.keyboard.press('Enter')
  await expect(page.locator('#result')).toContainText('South Area. No neighborhood is mapped at this point.')
  await page.locator('#coords').fill('somewhere')
  await page.keyboard.press('Enter')
  await expect(page.locator('#coords-error')).toContainText('Please type longitude and latitude')
})

test('the map pans with a drag and zooms with the buttons, and clicks still land on the right place', async ({ page }) => {
  const before = await projectToPixel(page, -121.75, 37.69)
  await page.getByRole('button', { name: 'Zoom in' }).click()
  const box = (await page.locator('#map').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 })
  await page.mouse.up()
  const after = await projectToPixel(page, -121.75, 37.69)
  expect(after).not.toEqual(before)
  await expect(page.locator('#result')).toHaveText('')
  await clickLonLat(page, -121.72, 37.70)
  await expect(page.locator('#result')).toContainText('Vasco — Northeast Area.')
})
