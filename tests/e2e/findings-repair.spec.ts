import type { Locator, Page } from '@playwright/test'
import { centroid } from '@turf/turf'
import type { Neighborhood, PlanState } from '../../src/shared/domain'
import { expect, openApp, test, type AppHandle } from './harness/app-fixture'
import { bulge, importAsDrawn, longestEdge, neighborhood, spike } from '../helpers/repair-fixtures'

/** Opens the app on the sample city with `broken` stored as a layer import would store it. */
async function withPlan(page: Page, broken: (plan: PlanState) => Neighborhood[], body: (app: AppHandle) => Promise<void>): Promise<void> {
  const app = await openApp(page, { before: (s) => importAsDrawn(s, broken) })
  try {
    await body(app)
  } finally {
    // Close the page first: a call still in flight must not reach a closed database.
    await page.close().catch(() => {})
    app.services.cleanup()
  }
}

/** Jensen drawn `m` metres off the middle of the longest stretch of its line with Vasco. */
const jensenOffVasco = (m: number, side: 'in' | 'out') => (p: PlanState) => [bulge(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), m, side)]

const stored = (app: AppHandle, id: string): string => JSON.stringify(neighborhood(app.services.plans.load(), id).geometry)
const findingButton = (app: AppHandle, id: string): Locator => app.panels.findings.locator(`button.finding[data-finding-id="${id}"]`)
const picker = (app: AppHandle): Locator => app.panels.findings.getByTestId('repair-picker')

/**
 * Opens the only finding of a kind, picks one of its fixes and checks the preview: the sentence
 * in the panel, the shapes before and after and the moved ground on the map, and nothing stored.
 */
async function previewFix(app: AppHandle, kind: string, option: string, names: RegExp, moved = 1): Promise<string> {
  const finding = app.panels.finding(kind)
  await expect(finding).toHaveCount(1)
  const id = (await finding.getAttribute('data-finding-id'))!
  const before = JSON.stringify(app.services.plans.load().neighborhoods)
  await finding.click()
  await picker(app).locator(`[data-testid="repair-option"]${option}`).click()
  const sentence = picker(app).getByTestId('repair-sentence')
  await expect(sentence).toContainText(names)
  await expect(sentence).toContainText('m²')
  await expect(app.map.el).toHaveAttribute('data-repair-before-count', /^[1-9]/)
  await expect(app.map.el).toHaveAttribute('data-repair-after-count', /^[1-9]/)
  await expect(app.map.el).toHaveAttribute('data-repair-moved-count', String(moved))
  expect(JSON.stringify(app.services.plans.load().neighborhoods), 'a preview stores nothing').toBe(before)
  return id
}

/** Applies the previewed fix: the finding leaves the panel and `changed` (only) gets a new shape; Ctrl+Z brings both back. */
async function applyAndUndo(app: AppHandle, findingId: string, changed: string, unchanged: string[]): Promise<void> {
  const shapes = Object.fromEntries([changed, ...unchanged].map((id) => [id, stored(app, id)]))
  await picker(app).getByTestId('repair-apply').click()
  await expect(findingButton(app, findingId)).toHaveCount(0)
  await expect(app.map.el).toHaveAttribute('data-repair-after-count', '0')
  expect(stored(app, changed)).not.toBe(shapes[changed])
  for (const id of unchanged) expect(stored(app, id), `${id} is left as it was`).toBe(shapes[id])
  await expect(app.page.getByTestId('undo')).toBeEnabled()

  await app.page.keyboard.press('Control+z')
  await expect(findingButton(app, findingId)).toHaveCount(1)
  expect(stored(app, changed)).toBe(shapes[changed])
}

test('a gap goes to the neighbor with the longest shared border: previewed, applied, undone', async ({ page }) => {
  await withPlan(page, jensenOffVasco(30, 'in'), async (app) => {
    // Jensen borders the triangle on two sides, Vasco along one straight edge: Jensen's border is longer.
    const id = await previewFix(app, 'gap', '[data-rule="longest-border"]', /Jensen/)
    const gap = app.services.validation.report().findings.find((f) => f.id === id)!
    // The gap is a triangle: its centroid is inside it (turf's pointOnFeature may answer a point on its edge).
    const [lon, lat] = centroid(gap.geometry!).geometry.coordinates
    await applyAndUndo(app, id, 'NE-jensen', ['NE-vasco'])
    // The map follows: after the undo a click on that ground selects nothing (Vasco, selected first,
    // is let go), after redo it selects Jensen.
    await app.panels.neighborhoodButton('NE-vasco').click()
    await expect(app.panels.selectedNeighborhood()).toHaveText('Vasco')
    await app.map.clickAt(lon, lat)
    await expect(app.panels.selectedNeighborhood()).toHaveCount(0)
    await page.keyboard.press('Control+Shift+Z')
    await expect(findingButton(app, id)).toHaveCount(0)
    await app.map.clickAt(lon, lat)
    await expect(app.panels.selectedNeighborhood()).toHaveText('Jensen')
  })
})

test('a gap goes to a chosen neighbor', async ({ page }) => {
  await withPlan(page, jensenOffVasco(30, 'in'), async (app) => {
    const id = await previewFix(app, 'gap', '[data-rule="to-neighborhood"][data-target-id="NE-vasco"]', /Vasco/)
    await applyAndUndo(app, id, 'NE-vasco', ['NE-jensen'])
  })
})

test('an overlap is kept by the one of the two with the longest border around it and taken off the other', async ({ page }) => {
  await withPlan(page, jensenOffVasco(30, 'out'), async (app) => {
    // The triangle pushed into Vasco borders the rest of Vasco on two sides and Jensen on one: Vasco keeps it.
    const id = await previewFix(app, 'overlap', '[data-rule="longest-border"]', /Jensen/)
    await applyAndUndo(app, id, 'NE-jensen', ['NE-vasco'])
  })
})

test('ground outside the Area Command is clipped off', async ({ page }) => {
  const northfrontIntoPortola = (p: PlanState) => [
    bulge(neighborhood(p, 'NE-northfront'), longestEdge(p, 'NE-northfront', ['NE-northfront', 'NW-portola', 'area:NE', 'area:NW']), 40, 'out'),
  ]
  await withPlan(page, northfrontIntoPortola, async (app) => {
    const id = await previewFix(app, 'outside-area', '[data-rule="clip"]', /Northfront/)
    await applyAndUndo(app, id, 'NE-northfront', ['NW-portola'])
  })
})

test('an invalid shape is replaced by its repaired form', async ({ page }) => {
  const jensenWithSpike = (p: PlanState) => [spike(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), 30)]
  await withPlan(page, jensenWithSpike, async (app) => {
    // A spike has no area: the repair moves no ground; the outlines before and after show what changes.
    const id = await previewFix(app, 'invalid-geometry', '[data-rule="make-valid"]', /Jensen/, 0)
    await applyAndUndo(app, id, 'NE-jensen', ['NE-vasco'])
  })
})

test('"Repair all slivers" lists each change first and applies them only on confirmation, as one undo step', async ({ page }) => {
  const twoSlivers = (p: PlanState) => [
    ...jensenOffVasco(1.5, 'in')(p),
    bulge(neighborhood(p, 'NW-airway'), longestEdge(p, 'NW-airway', ['NW-airway', 'NW-isabel']), 1.5, 'out'),
  ]
  await withPlan(page, twoSlivers, async (app) => {
    const slivers = app.services.validation.report().findings.filter((f) => f.sliver)
    expect(slivers.map((f) => f.kind).sort()).toEqual(['gap', 'overlap'])
    const ids = ['NE-jensen', 'NE-vasco', 'NW-airway', 'NW-isabel']
    const before = Object.fromEntries(ids.map((id) => [id, stored(app, id)]))

    await app.panels.findings.getByTestId('repair-slivers').click()
    const rows = app.panels.findings.getByTestId('sliver-changes').locator('tbody tr')
    await expect(rows).toHaveCount(2)
    for (const f of slivers) {
      const row = rows.and(page.locator(`[data-finding-id="${f.id}"]`))
      await expect(row).toContainText('longest shared border')
      await expect(row).toContainText(f.kind === 'gap' ? 'Jensen' : /Airway|Isabel/)
      await expect(row).toContainText('m²')
    }
    await expect(app.map.el).toHaveAttribute('data-repair-moved-count', '2')
    for (const id of ids) expect(stored(app, id), 'nothing is stored before the confirmation').toBe(before[id])

    await app.panels.findings.getByTestId('slivers-confirm').click()
    for (const f of slivers) await expect(findingButton(app, f.id)).toHaveCount(0)
    await expect(app.panels.findings.getByTestId('repair-slivers')).toHaveCount(0)
    expect(stored(app, 'NE-jensen')).not.toBe(before['NE-jensen'])
    expect(stored(app, 'NW-airway') !== before['NW-airway'] || stored(app, 'NW-isabel') !== before['NW-isabel']).toBe(true)

    // One undo takes every sliver repair back.
    await page.getByTestId('undo').click()
    for (const f of slivers) await expect(findingButton(app, f.id)).toHaveCount(1)
    for (const id of ids) expect(stored(app, id)).toBe(before[id])
  })
})

test('a repair refused by the main process says why and changes nothing', async ({ page }) => {
  let drawn: Neighborhood | null = null
  const keepOriginal = (p: PlanState) => {
    drawn = neighborhood(p, 'NE-jensen')
    return jensenOffVasco(30, 'in')(p)
  }
  await withPlan(page, keepOriginal, async (app) => {
    await previewFix(app, 'gap', '[data-rule="longest-border"]', /Jensen/)
    // Meanwhile the gap is closed elsewhere (another window, the command line): Jensen is drawn as it was.
    const now = neighborhood(app.services.plans.load(), 'NE-jensen')
    app.services.changes.apply({ label: 'Close the gap', ops: [{ entity: 'neighborhood', id: now.id, before: now, after: drawn }] }, app.services.session.actor())
    const shapes = stored(app, 'NE-jensen') + stored(app, 'NE-vasco')
    await picker(app).getByTestId('repair-apply').click()
    await expect(picker(app).getByTestId('repair-problem')).toContainText('no longer in the plan')
    expect(stored(app, 'NE-jensen') + stored(app, 'NE-vasco')).toBe(shapes)
  })
})
