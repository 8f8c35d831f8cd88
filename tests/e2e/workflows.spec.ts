import { bbox, booleanPointInPolygon, point, pointOnFeature } from '@turf/turf'
import type { Page } from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LonLat } from '../../src/shared/domain'
import { FINDING_KINDS } from '../../src/shared/domain/finding'
import { deleteNeighborhood } from '../../src/shared/geo/ops'
import { REPO_ROOT } from '../helpers/services'
import { clickPath, dragFrom, settled, sharedInteriorVertices } from './editor-helpers'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'

/**
 * The ten everyday workflows (/work/shared/design/workflows.md, the six split where a person
 * stops to look), walked briefly at 1440×900. Each saves a screenshot into
 * test-results/workflows/ for a reviewer to look through (test-results is not committed), and
 * every screen is read as a user reads it: no finding-kind codes, one spelling of "neighbor",
 * no view with both m² and km².
 */
const SHOTS = join(REPO_ROOT, 'test-results', 'workflows')
const CODES = FINDING_KINDS.filter((k) => k.includes('-'))

async function shot(page: Page, name: string): Promise<void> {
  await readsRight(page, name)
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** The text of each view on screen, checked for codes, spelling and mixed area units. */
async function readsRight(page: Page, where: string): Promise<void> {
  const views = await page.evaluate(() =>
    ['header.bar', 'aside.left', '[data-testid="editor-dock"]', '[role="tabpanel"]', 'dialog[open]', '[data-testid="lookup-result"]', '[data-testid="import-dialog"]']
      .flatMap((s) => [...document.querySelectorAll<HTMLElement>(s)].map((el) => ({ s, text: el.innerText }))),
  )
  expect(views.length).toBeGreaterThan(2)
  for (const { s, text } of views) {
    expect(text, `${where}, ${s}`).not.toMatch(/neighbour/i)
    for (const code of CODES) expect(text, `${where}, ${s}: raw finding code`).not.toContain(code)
    expect(/km²/.test(text) && /(^|[^k])m²/.test(text), `${where}, ${s}: m² beside km²`).toBe(false)
  }
}

const inside = (app: AppHandle, id: string) => pointOnFeature(app.services.repos.neighborhoods.get(id)!.geometry).geometry.coordinates as LonLat

test.use({ viewport: { width: 1440, height: 900 } })

test('1-4: a lieutenant opens on her area, reshapes a shared boundary, draws a subdivision and meets a neighbor area she cannot edit', async ({ page }) => {
  const app = await openApp(page, {
    before: (s) => {
      // A gap left on the South side: a neighbor's mistake to find.
      s.changes.apply(deleteNeighborhood(s.plans.load(), { id: 'S-old-south-side' }), s.session.actor())
      s.session.setProfile({ role: 'commander', areaId: 'NE' })
    },
  })
  try {
    await expect(page.getByTestId('first-run-guide')).toBeVisible()
    await app.map.settle()
    await shot(page, '01-commander-opens-on-her-area')
    await page.getByTestId('guide-close').click()

    await page.getByTestId('tool-reshape').click()
    const [v] = sharedInteriorVertices(app.services.plans.load(), 'NE-springtown', 'NE-northfront')
    await dragFrom(app, v, 40, 0)
    await settled(page)
    await expect(page.getByTestId('touched-findings')).toBeVisible()
    await shot(page, '02-reshape-springtown-and-northfront')

    const c = inside(app, 'NE-vasco')
    await page.getByTestId('tool-draw').click()
    await clickPath(app, [[c[0] - 0.003, c[1] - 0.002], [c[0] + 0.003, c[1] - 0.002], [c[0], c[1] + 0.003]])
    await page.keyboard.press('Enter')
    await page.getByTestId('new-name').fill('Vineyard Ridge')
    await page.getByTestId('take-from-neighbors').check()
    await page.getByTestId('create-neighborhood').click()
    await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Vineyard Ridge')).toBe(true)
    await settled(page)
    await shot(page, '03-draw-a-new-subdivision')

    await page.getByTestId('tool-select').click()
    await app.panels.neighborhoodButton('S-wente').click()
    await expect(page.getByTestId('editor-locked')).toBeVisible()
    await expect(app.panels.findings.locator('[data-kind="gap"]').first()).toBeVisible()
    await shot(page, '04-a-neighbor-area-she-cannot-edit')
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

/** Calls at random points inside each area: South carries half. */
function callsCsv(app: AppHandle): string {
  let s = 7
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const rows = ['Longitude,Latitude,Call Type,Minutes on scene']
  for (const [id, count] of [['NE', 150], ['NW', 100], ['S', 250]] as const) {
    const a = app.services.repos.areas.get(id)!
    const [x0, y0, x1, y1] = bbox(a.geometry)
    for (let n = 0; n < count; ) {
      const p: LonLat = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)]
      if (!booleanPointInPolygon(point(p), a.geometry)) continue
      rows.push(`${p[0].toFixed(6)},${p[1].toFixed(6)},PATROL CHECK,30`)
      n++
    }
  }
  return rows.join('\n') + '\n'
}

test('5-8: Administration imports calls, applies a suggested move, diffs the draft and publishes', async ({ app }) => {
  const { page } = app
  await app.services.publish.publish({ effectiveDate: '2025-07-01' }, app.services.session.actor())
  await page.reload()
  await app.map.waitReady()
  await page.getByTestId('guide-close').click()

  await page.getByTestId('tab-staffing').click()
  await page.getByTestId('calls-import-open').click()
  await page.getByTestId('calls-file').setInputFiles({ name: 'cad-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(callsCsv(app)) })
  await page.getByTestId('calls-store').click()
  await expect(page.getByTestId('calls-status')).toContainText('cad-2024.csv')
  await shot(page, '05-staffing-after-importing-calls')

  await page.getByTestId('suggested-moves').scrollIntoViewIfNeeded()
  await page.getByTestId('move').first().getByTestId('apply-move').click()
  await expect(page.getByTestId('undo')).toBeEnabled()
  await shot(page, '06-a-suggested-move-applied')

  await page.getByTestId('tab-history').click()
  await page.getByTestId('diff-draft-last').click()
  await expect(page.getByTestId('diff-view')).toBeVisible()
  await shot(page, '07-history-diff-against-v1')

  await page.getByTestId('publish-open').click()
  const dialog = page.getByTestId('publish-dialog')
  await dialog.getByTestId('publish-date').fill('2025-10-01')
  await dialog.getByTestId('publish-public-page').uncheck()
  await dialog.getByTestId('publish-submit').click()
  await expect(dialog.getByTestId('publish-done')).toContainText('Published version 2')
  await shot(page, '08-publish-version-2')
})

test('9-10: a resident asks who her officer is, and a department imports its own layer', async ({ app }) => {
  const { page } = app
  await page.getByTestId('guide-close').click()
  const [lon, lat] = inside(app, 'NE-springtown')
  await page.getByTestId('lookup-input').fill(`${lon.toFixed(6)}, ${lat.toFixed(6)}`)
  await page.getByTestId('lookup-input').press('Enter')
  await expect(page.getByTestId('lookup-result')).toContainText('Springtown')
  await shot(page, '09-who-is-my-officer')

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-neighborhoods').check()
  const file = readFileSync(join(REPO_ROOT, 'resources', 'geo', 'neighborhoods.geojson'))
  await page.getByTestId('import-file').setInputFiles({ name: 'beats.geojson', mimeType: 'application/geo+json', buffer: file })
  await expect(page.getByTestId('import-feature-count')).not.toBeEmpty()
  await shot(page, '10-a-department-imports-its-layer')
})
