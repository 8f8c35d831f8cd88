import * as turf from '@turf/turf'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { Officer } from '../../src/shared/domain'
import type { Services } from '../../src/main/services'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'

const ADMIN = { osUser: 'tester', profile: { role: 'admin' as const } }

/** Every active officer adopting `name` goes on leave: its adopters are all on leave, a vacancy. */
function allOnLeave(s: Services, name: string): void {
  const plan = s.plans.load()
  const nb = plan.neighborhoods.find((n) => n.name === name)!
  const ops = plan.officers
    .filter((o) => o.neighborhoodId === nb.id && o.status === 'active')
    .map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, status: 'leave' as const } }))
  s.changes.apply({ label: `${name}: everyone on leave`, ops }, ADMIN)
}

function pointIn(app: AppHandle, name: string): string {
  const nb = app.services.plans.load().neighborhoods.find((n) => n.name === name)!
  const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
  return `${lon.toFixed(6)}, ${lat.toFixed(6)}`
}

async function lookUp(app: AppHandle, name: string) {
  await app.page.getByTestId('lookup-input').fill(pointIn(app, name))
  await app.page.getByTestId('lookup-input').press('Enter')
  const card = app.page.getByTestId('lookup-result')
  await expect(card).toContainText(`${name} — `)
  return card
}

test('an officer on leave is no public contact, and a vacant neighborhood names who covers it on the card, in the findings and on the public page', async ({ page }, testInfo) => {
  // Vasco (Northeast): its active officer goes on leave, so everyone adopting it is on leave.
  const app = await openApp(page, { before: (s) => allOnLeave(s, 'Vasco') })
  try {
    await vacancyJourney(app, testInfo.outputPath.bind(testInfo))
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

async function vacancyJourney(app: AppHandle, outputPath: (name: string) => string): Promise<void> {
  const { page } = app
  const plan = app.services.plans.load()
  const byNb = (name: string) => plan.officers.filter((o) => o.neighborhoodId === plan.neighborhoods.find((n) => n.name === name)!.id)
  const vasco = byNb('Vasco')
  expect(vasco.length).toBeGreaterThan(0)
  expect(vasco.every((o) => o.status === 'leave')).toBe(true)
  // Granada (South) keeps an active officer beside one on leave.
  const granadaLeave = byNb('Granada').filter((o) => o.status === 'leave')
  const granadaActive = byNb('Granada').filter((o) => o.status === 'active')
  expect(granadaLeave.length).toBeGreaterThan(0)
  expect(granadaActive.length).toBeGreaterThan(0)

  let card = await lookUp(app, 'Granada')
  await expect(card.getByTestId('lookup-officer')).toHaveCount(granadaActive.length)
  for (const o of granadaLeave) await expect(card).not.toContainText(o.displayName)

  const ne = plan.areas.find((a) => a.id === 'NE')!
  const lt = plan.officers.find((o) => o.id === ne.commanderId)!
  card = await lookUp(app, 'Vasco')
  await expect(card.getByTestId('lookup-officer')).toHaveCount(0)
  await expect(card.getByTestId('lookup-cover')).toHaveText(`No neighborhood officer is assigned at present. Until one is, the contact is the Area Commander: ${lt.rank} ${lt.displayName} (${lt.email}, ${lt.deskPhone})`)
  for (const o of vasco) await expect(card).not.toContainText(o.displayName)

  // Administration lets a sergeant cover vacancies; Northeast's is chosen by hand.
  const sergeant: Officer = plan.officers.filter((o) => o.areaId === 'NE' && o.rank === 'Sergeant' && o.status === 'active').at(-1)!
  await page.getByTestId('about').click()
  const dialog = page.getByTestId('about-dialog')
  await dialog.getByTestId('vacancy-cover-sergeant').check()
  await expect(dialog.locator('[data-testid="vacancy-sergeant"][data-area-id="S"]')).not.toHaveValue('')
  await dialog.locator('[data-testid="vacancy-sergeant"][data-area-id="NE"]').selectOption(sergeant.id)
  await dialog.getByTestId('save-settings').click()
  await expect(dialog.getByTestId('settings-message')).toContainText('Saved.')
  await dialog.getByTestId('dialog-close').click()
  expect(app.services.settings.get().vacancyFallback).toMatchObject({ cover: 'sergeant', sergeants: { NE: sergeant.id } })

  const finding = app.panels.finding('unassigned-neighborhood').filter({ hasText: 'Vasco' })
  await expect(finding).toHaveCount(1)
  await expect(finding).toContainText(`${sergeant.rank} ${sergeant.displayName} (the area's sergeant) covers it`)

  card = await lookUp(app, 'Vasco')
  await expect(card.getByTestId('lookup-cover')).toContainText(`the contact is the area's sergeant: ${sergeant.rank} ${sergeant.displayName} (${sergeant.email}, ${sergeant.deskPhone})`)
  await page.screenshot({ path: outputPath('vacancy-lookup-card.png') })

  // What residents get: the published page, opened from disk.
  const out = join(app.services.dir, 'public')
  await app.services.publish.publish({ effectiveDate: '2026-01-01', outDir: out, publicPage: true }, ADMIN)
  const pub = await page.context().newPage()
  const foreign: string[] = []
  await pub.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : (foreign.push(r.request().url()), r.abort())))
  await pub.goto(pathToFileURL(join(out, 'index.html')).href)
  await expect(pub.locator('body')).toHaveAttribute('data-ready', 'true')
  await pub.locator('#coords').fill(pointIn(app, 'Vasco'))
  await pub.locator('#coords').press('Enter')
  const result = pub.locator('#result')
  await expect(result).toContainText('Vasco — ')
  await expect(result.locator('[data-cover="sergeant"]')).toHaveText(
    `No neighborhood officer is assigned at present. Until one is, your contact is the area's sergeant: ${sergeant.rank} ${sergeant.displayName} (${sergeant.email}, ${sergeant.deskPhone}).`,
  )
  for (const o of vasco) await expect(result).not.toContainText(o.displayName)
  await pub.screenshot({ path: outputPath('vacancy-public-page.png'), fullPage: true })
  await pub.locator('#coords').fill(pointIn(app, 'Granada'))
  await pub.locator('#coords').press('Enter')
  await expect(result).toContainText('Granada — ')
  for (const o of granadaActive) await expect(result).toContainText(o.displayName)
  for (const o of granadaLeave) await expect(result).not.toContainText(o.displayName)
  expect(foreign).toEqual([])
  await pub.close()
}

test('staffing with no calls imported says what to import instead of showing shares, gaps and bars made from nothing', async ({ app }, testInfo) => {
  const { page } = app
  await page.getByTestId('tab-staffing').click()
  const panel = page.getByTestId('staffing-panel')
  const empty = panel.getByTestId('staffing-empty')
  await expect(empty).toContainText('No calls for service imported yet.')
  await expect(empty).toContainText('one row per call with its longitude and latitude')
  await expect(panel.getByTestId('staffing-gap')).toHaveCount(0)
  await expect(panel.getByTestId('workload-share')).toHaveCount(0)
  await expect(panel.getByTestId('balance-chart')).toHaveCount(0)
  await expect(panel.getByTestId('balance-figures')).toHaveCount(0)
  // Headcount is real without calls: it stays.
  await expect(panel.getByTestId('balance-table')).toContainText('Active officers')
  await page.screenshot({ path: testInfo.outputPath('staffing-empty.png') })

  // With calls, the figures come back, in words rather than "CV" and "unit-h".
  const rows = ['Longitude,Latitude,Call Type,Minutes on scene']
  for (const a of app.services.plans.load().areas) {
    const [lon, lat] = turf.pointOnFeature(a.geometry).geometry.coordinates
    for (let i = 0; i < 3; i++) rows.push(`${lon.toFixed(6)},${lat.toFixed(6)},PATROL CHECK,30`)
  }
  await page.getByTestId('calls-import-open').click()
  await page.getByTestId('calls-file').setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') })
  await page.getByTestId('calls-store').click()
  await expect(empty).toHaveCount(0)
  await expect(panel.getByTestId('staffing-gap')).toHaveCount(app.services.plans.load().areas.length)
  await expect(panel.getByTestId('balance-table')).toContainText('Workload (unit-hours: hours × units sent)')
  await expect(panel.getByTestId('spread-help')).toContainText('coefficient of variation')
  await expect(panel.getByTestId('balance-figures')).not.toContainText('CV')
})
