import { expect, test, type Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { labelPoint } from '../../src/main/print/map-frame'
import { buildPublicSite } from '../../src/main/public-site/build-site'
import { addressIndex } from '../../src/main/public-site/site-extras'
import { buildPublicDataset } from '../../src/shared/publish/public-dataset'
import { makeServices } from '../helpers/services'

/**
 * The published public page, as a resident opens it from disk with no network: the address
 * points the department imported travel inside index.html, and a typed address finds the officer.
 */

interface Place {
  address: string
  lon: number
  lat: number
  neighborhood: string
  officers: string[]
}

let services: ReturnType<typeof makeServices>
let url = ''
const places: Place[] = []
const requested: string[] = []

// Addresses written the way an address file spells them, each placed inside a sample neighborhood.
const ADDRESSES: [string, string][] = [
  ['250 First Street', 'NW-downtown'],
  ['17 North Vasco Road', 'NE-vasco'],
  ['4410 East Avenue', 'NE-springtown'],
  ['1052 Murrieta Blvd.', 'S-granada'],
]

test.beforeAll(async () => {
  services = makeServices()
  const hoods = services.plans.load().neighborhoods
  const POINTS = ADDRESSES.map(([address, id]): [string, number, number] => {
    const [lon, lat] = labelPoint(hoods.find((n) => n.id === id)!.geometry)!
    return [address, lon, lat]
  })
  const csv = ['address,lon,lat', ...POINTS.map(([a, x, y]) => `"${a}",${x},${y}`)].join('\n')
  expect(services.addresses.importCsv(csv, 'address-points.csv').imported).toBe(POINTS.length)
  for (const [address, lon, lat] of POINTS) {
    const a = services.lookup.lookup(lon, lat)
    if (!a?.neighborhood) throw new Error(`${address} is in no sample neighborhood: pick another point`)
    places.push({ address, lon, lat, neighborhood: a.neighborhood.name, officers: a.officers.map((o) => o.name) })
  }
  const out = path.join(services.dir, 'site')
  await services.publish.publish({ effectiveDate: '2026-12-01', outDir: out, publicPage: true, overrideReason: 'browser test' }, { osUser: 'tester', profile: { role: 'admin' } })
  url = pathToFileURL(path.join(out, 'index.html')).href
  // The addresses are inside the page itself: a page opened from disk may not fetch a file beside it.
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('17 North Vasco Road')
})
test.afterAll(() => services.cleanup())

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

const place = (address: string): Place => places.find((p) => p.address === address)!

async function expectAnswer(page: Page, p: Place): Promise<void> {
  const result = page.locator('#result')
  await expect(result).toContainText(`${p.neighborhood} — `)
  for (const name of p.officers) await expect(result).toContainText(name)
  if (!p.officers.length) await expect(result).toContainText('No neighborhood officer is assigned at present')
}

test('typing part of an address suggests it; picking it shows that neighborhood officer, with no request leaving the page', async ({ page }, testInfo) => {
  const p = place('250 First Street')
  expect(p.officers.length).toBeGreaterThan(0)
  await page.locator('#address').pressSequentially('250 fir')
  const options = page.locator('#address-list [role=option]')
  await expect(options).toHaveText(['250 First Street'])
  await expect(page.locator('#address')).toHaveAttribute('aria-expanded', 'true')
  await page.screenshot({ path: testInfo.outputPath('address-suggestions.png') })
  await options.first().click()
  await expect(page.locator('#address')).toHaveValue('250 First Street')
  await expect(page.locator('#address-list')).toBeHidden()
  await expectAnswer(page, p)
  expect(requested).toEqual([])
})

test('case, punctuation and street abbreviations do not matter; the keyboard picks a suggestion', async ({ page }) => {
  const input = page.locator('#address')
  // "N" and "Rd" for "North" and "Road", in capitals, with a stray comma.
  await input.pressSequentially('17 N, VASCO RD')
  await expect(page.locator('#address-list [role=option]')).toHaveText(['17 North Vasco Road'])
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#address-option-0')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expectAnswer(page, place('17 North Vasco Road'))

  // The other way round: "boulevard" typed in full finds "Blvd.", "ave" finds "Avenue".
  await input.fill('')
  await input.pressSequentially('1052 murrieta boulevard')
  await expect(page.locator('#address-list [role=option]')).toHaveText(['1052 Murrieta Blvd.'])
  await input.fill('')
  await input.pressSequentially('4410 east ave')
  await expect(page.locator('#address-list [role=option]')).toHaveText(['4410 East Avenue'])
  // Enter without choosing takes the best match.
  await page.keyboard.press('Enter')
  await expectAnswer(page, place('4410 East Avenue'))
  expect(requested).toEqual([])
})

test('an address not in the list says so and suggests clicking the map', async ({ page }) => {
  await page.locator('#address').pressSequentially('999 Nowhere Lane')
  await expect(page.locator('#address-list')).toBeHidden()
  await expect(page.locator('#address-note')).toContainText('No address in the department\'s list matches “999 Nowhere Lane”')
})

test.describe('use my location', () => {
  test.use({ permissions: ['geolocation'] })
  test('finds the officer where the browser says the resident is', async ({ page, context }) => {
    const p = place('17 North Vasco Road')
    await context.setGeolocation({ longitude: p.lon, latitude: p.lat })
    await page.locator('#locate').click()
    await expectAnswer(page, place('17 North Vasco Road'))
    expect(requested).toEqual([])
  })
})

test('use my location explains a refused permission', async ({ page, context }) => {
  await context.clearPermissions()
  await page.locator('#locate').click()
  await expect(page.locator('#locate-note')).toContainText('Your browser did not share your location (permission was refused)')
})

test('a page that carries only part of a large address list says so', async ({ page }) => {
  const plan = services.plans.load()
  const meta = { version: 1, effectiveDate: '2026-12-01', department: services.settings.get().department }
  const kept = places.slice(0, 2).map((p) => ({ address: p.address, lon: p.lon, lat: p.lat }))
  const html = buildPublicSite(buildPublicDataset(plan, meta), meta, { addresses: addressIndex(kept, 612_345), tiles: null })['index.html']
  const file = path.join(services.dir, 'partial.html')
  writeFileSync(file, html)
  await page.goto(pathToFileURL(file).href)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
  await expect(page.locator('#address-note')).toHaveText("This page lists 2 of the department's 612,345 addresses; if yours is not found, click your location on the map.")
})
