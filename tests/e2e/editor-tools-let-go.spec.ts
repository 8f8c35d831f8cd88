import { pointOnFeature } from '@turf/turf'
import type { AreaGeometry, LonLat, PlanState } from '../../src/shared/domain'
import { rosterShifts } from '../../src/shared/domain/shift-cover'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { clickPath } from './editor-helpers'

const inside = (n: { geometry: AreaGeometry }): LonLat => pointOnFeature(n.geometry).geometry.coordinates as LonLat
const hood = (app: AppHandle, id: string) => app.services.plans.load().neighborhoods.find((n) => n.id === id)
const lastSeq = (app: AppHandle) => app.services.repos.audit.history(1)[0]?.seq ?? 0

/** The editor is on Select: its button pressed, the map's tool Select, no form of another tool open. */
async function onSelect(app: AppHandle): Promise<void> {
  await expect(app.page.getByTestId('tool-select')).toHaveAttribute('aria-pressed', 'true')
  await expect(app.map.el).toHaveAttribute('data-edit-tool', 'select')
  await expect(app.page.getByTestId('pair-form')).toHaveCount(0)
  await expect(app.page.getByTestId('draw-form')).toHaveCount(0)
}

test('each tool lets go when its job is done or on Esc, and Delete never arms itself from a list click or a lookup', async ({ app }, testInfo) => {
  const { page } = app
  const plan0 = app.services.plans.load()
  const springtown = plan0.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const vasco = plan0.neighborhoods.find((n) => n.id === 'NE-vasco')!
  const wente = plan0.neighborhoods.find((n) => n.id === 'S-wente')!

  // Esc in the middle of a drawing drops it and leaves the Draw tool.
  const [cx, cy] = inside(vasco)
  await page.getByTestId('tool-draw').click()
  await clickPath(app, [[cx - 0.001, cy - 0.0005], [cx + 0.001, cy - 0.0005]])
  await page.keyboard.press('Escape')
  await onSelect(app)

  // Split: once stored, back on Select.
  const ring = springtown.geometry.type === 'Polygon' ? springtown.geometry.coordinates[0] : springtown.geometry.coordinates[0][0]
  const xs = ring.map((c) => c[0]), ys = ring.map((c) => c[1])
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2, span = Math.max(...xs) - Math.min(...xs)
  await app.panels.neighborhoodButton(springtown.id).click()
  await page.getByTestId('tool-split').click()
  await clickPath(app, [[Math.min(...xs) - span * 0.1, midY], [Math.max(...xs) + span * 0.1, midY]])
  await page.keyboard.press('Enter')
  await page.getByTestId('split-new-name').fill('Springtown East')
  await page.getByTestId('split-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Springtown East')).toBe(true)
  await onSelect(app)
  const east = app.services.plans.load().neighborhoods.find((n) => n.name === 'Springtown East')!

  // Merge the two parts again: back on Select.
  await page.getByTestId('tool-merge').click()
  await page.getByTestId('partner-select').selectOption(east.id)
  await page.getByTestId('merge-confirm').click()
  await expect.poll(() => hood(app, east.id)).toBeUndefined()
  await onSelect(app)

  // Delete, leaving a gap: back on Select, and a later click in the list opens no delete form.
  await page.getByTestId('tool-delete').click()
  await expect(page.getByTestId('delete-confirm')).toHaveText('Delete Springtown')
  await page.getByTestId('delete-leave-gap').check()
  await page.getByTestId('delete-confirm').click()
  await expect.poll(() => hood(app, springtown.id)).toBeUndefined()
  await onSelect(app)
  await app.panels.neighborhoodButton(vasco.id).click()
  await expect(page.getByTestId('rename-confirm')).toBeVisible()
  await onSelect(app)

  // Create a neighborhood on the freed ground: back on Select, the new one selected.
  const [sx, sy] = inside(springtown)
  await page.getByTestId('tool-draw').click()
  await clickPath(app, [[sx - 0.0008, sy - 0.0005], [sx + 0.0008, sy - 0.0005], [sx, sy + 0.0008]])
  await page.keyboard.press('Enter')
  await page.getByTestId('new-name').fill('Brushy Peak')
  await page.getByTestId('create-neighborhood').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Brushy Peak')).toBe(true)
  await onSelect(app)
  await expect(app.panels.selectedNeighborhood()).toHaveText('Brushy Peak')

  // Delete armed on Vasco, then a "who is my officer" lookup elsewhere: the tool lets go, the form closes.
  await app.panels.neighborhoodButton(vasco.id).click()
  await page.getByTestId('tool-delete').click()
  await expect(page.getByTestId('delete-confirm')).toHaveText(`Delete ${vasco.name}`)
  const [wx, wy] = inside(wente)
  await page.getByTestId('lookup-input').fill(`${wx.toFixed(6)}, ${wy.toFixed(6)}`)
  await page.getByTestId('lookup-input').press('Enter')
  await expect(app.panels.selectedNeighborhood()).toHaveText(wente.name)
  await onSelect(app)

  // Delete picked with nothing armed, then a lookup onto Vasco: no "Delete Vasco" appears.
  await page.getByTestId('tool-delete').click()
  await page.keyboard.press('Escape')
  await onSelect(app)
  await page.getByTestId('tool-delete').click()
  const [vx, vy] = inside(vasco)
  await page.getByTestId('lookup-input').fill(`${vx.toFixed(6)}, ${vy.toFixed(6)}`)
  await page.getByTestId('lookup-input').press('Enter')
  await expect(app.panels.selectedNeighborhood()).toHaveText(vasco.name)
  await onSelect(app)
  await page.screenshot({ path: testInfo.outputPath('lookup-after-delete-tool.png') })

  // The Delete tool still does its own job: a click on the map with it picks what to delete.
  await page.getByTestId('tool-delete').click()
  await app.map.settle()
  await app.map.clickAt(vx, vy)
  await expect(page.getByTestId('delete-confirm')).toHaveText(`Delete ${vasco.name}`)
  expect(hood(app, vasco.id)).toBeDefined()
  expect(hood(app, wente.id)).toBeDefined()
})

test('deleting lists the officers it strands and hands them to the neighbor that takes the ground, as one undo step', async ({ app }, testInfo) => {
  const { page } = app
  const plan0 = app.services.plans.load()
  const stranded = plan0.officers.filter((o) => o.neighborhoodId === 'NE-sunset')
  expect(stranded.length).toBeGreaterThan(0)

  await app.panels.neighborhoodButton('NE-sunset').click()
  await page.getByTestId('tool-delete').click()
  const list = page.getByTestId('delete-stranded')
  await expect(list).toContainText('left without a neighborhood')
  await expect(list.locator('li[data-officer-id]')).toHaveCount(stranded.length)
  for (const o of stranded) await expect(list).toContainText(`${o.rank} ${o.displayName}`)

  await page.getByTestId('delete-give').check()
  await page.getByTestId('partner-select').selectOption('NE-vasco')
  await expect(page.getByTestId('delete-hand-over')).toBeChecked()
  await expect(list).toContainText(`adopt ${plan0.neighborhoods.find((n) => n.id === 'NE-vasco')!.name} instead`)
  await page.screenshot({ path: testInfo.outputPath('delete-strands-officers.png') })
  const before = lastSeq(app)
  await page.getByTestId('delete-confirm').click()
  await expect.poll(() => hood(app, 'NE-sunset')).toBeUndefined()
  const plan1 = app.services.plans.load()
  for (const o of stranded) expect(plan1.officers.find((x) => x.id === o.id)!.neighborhoodId).toBe('NE-vasco')
  // One gesture, one audit row: the ground and the officers went together.
  expect(lastSeq(app)).toBe(before + 1)
  await page.getByTestId('undo').click()
  await expect.poll(() => hood(app, 'NE-sunset')).toBeDefined()
  const plan2 = app.services.plans.load()
  for (const o of stranded) expect(plan2.officers.find((x) => x.id === o.id)!.neighborhoodId).toBe('NE-sunset')
})

test('an officer card shows their neighborhood on the map; a neighborhood lists its officers by shift and is marked when a shift is uncovered', async ({ app }, testInfo) => {
  const { page } = app
  const plan = app.services.plans.load()
  const shifts = rosterShifts(plan.officers)
  expect(shifts).toEqual(['Day', 'Swing', 'Night'])

  const centredOn = async (p: PlanState['neighborhoods'][number]) => {
    await app.map.settle()
    const box = (await app.map.el.boundingBox())!
    const g = p.geometry.type === 'Polygon' ? p.geometry.coordinates[0] : p.geometry.coordinates.flatMap((q) => q[0])
    const xs = g.map((c) => c[0]), ys = g.map((c) => c[1])
    const mid = await app.map.pixelOf((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2)
    return Math.hypot(mid.x - box.width / 2, mid.y - box.height / 2)
  }
  for (const id of ['S-wente', 'NE-vasco']) {
    const n = plan.neighborhoods.find((x) => x.id === id)!
    const o = plan.officers.find((x) => x.neighborhoodId === id && x.status === 'active')!
    await page.locator(`[data-testid="officer-card"][data-officer-id="${o.id}"] strong`).click()
    await expect(app.panels.selectedNeighborhood()).toHaveText(n.name)
    // The view moved to it: its middle is the middle of the map (the fit is animated).
    await expect.poll(() => centredOn(n), { timeout: 5000 }).toBeLessThan(40)
    // Back to the whole roster (picking an officer's neighborhood narrowed it to their area).
    await page.getByTestId('roster-area').selectOption('')
  }
  await app.panels.neighborhoodButton('NE-vasco').click()
  await page.screenshot({ path: testInfo.outputPath('officer-card-shows-neighborhood.png') })

  // Vasco, selected: its officers by shift (in the sample, Swing's only officer is on leave, so Swing is uncovered).
  const list = page.getByTestId('selected-officers')
  const vascoOfficers = plan.officers.filter((o) => o.neighborhoodId === 'NE-vasco' && o.status !== 'vacant')
  for (const s of shifts) {
    const row = list.locator(`li[data-shift="${s}"]`)
    const on = vascoOfficers.filter((o) => o.shift === s)
    for (const o of on) await expect(row).toContainText(o.displayName)
    if (on.some((o) => o.status === 'active')) await expect(row).not.toHaveClass(/uncovered/)
    else await expect(row).toHaveClass(/uncovered/)
    if (on.some((o) => o.status === 'leave')) await expect(row).toContainText('(on leave)')
  }

  // Every neighborhood of the list is marked exactly when a shift has nobody active.
  for (const n of plan.neighborhoods) {
    const officers = plan.officers.filter((o) => o.neighborhoodId === n.id && o.status !== 'vacant')
    if (!officers.length) continue
    const missing = shifts.filter((s) => !officers.some((o) => o.shift === s && o.status === 'active'))
    const mark = app.panels.neighborhoodButton(n.id).locator('xpath=..').getByTestId('shift-gap')
    if (missing.length) await expect(mark).toHaveText(`· ${missing.join(', ')} uncovered`)
    else await expect(mark).toHaveCount(0)
  }
})
