import { dumpTables } from '../helpers/table-dump'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { clickPath, sharedInteriorVertices, unionM2 } from './editor-helpers'

const planRows = (app: AppHandle) => JSON.stringify(dumpTables(app.services.repos.db, { exclude: ['audit_log', 'settings'] }))

test('Esc drops a drawing in progress and stores nothing; Delete removes the corner under the pointer from both neighbors, as one undo step', async ({ app }) => {
  const { page } = app
  const start = planRows(app)
  const plan = app.services.plans.load()
  const jensen = plan.neighborhoods.find((n) => n.id === 'NE-jensen')!
  const ring = jensen.geometry.type === 'Polygon' ? jensen.geometry.coordinates[0] : jensen.geometry.coordinates[0][0]
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length, cy = ring.reduce((s, p) => s + p[1], 0) / ring.length

  await page.getByTestId('tool-draw').click()
  await clickPath(app, [[cx - 0.002, cy - 0.001], [cx + 0.002, cy - 0.001], [cx, cy + 0.002]])
  await page.keyboard.press('Escape')
  // Enter after Esc finishes nothing: the drawing is gone, not merely hidden.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('draw-form')).toHaveCount(0)
  expect(planRows(app)).toBe(start)

  const [corner] = sharedInteriorVertices(plan, 'NE-springtown', 'NE-northfront')
  const holds = (id: string) => JSON.stringify(app.services.plans.load().neighborhoods.find((n) => n.id === id)!.geometry).includes(`[${corner[0]},${corner[1]}]`)
  expect(holds('NE-springtown') && holds('NE-northfront')).toBe(true)
  const areaBefore = unionM2(plan.neighborhoods.filter((n) => n.areaId === 'NE'))
  await page.getByTestId('tool-reshape').click()
  await app.map.el.hover({ position: await app.map.pixelOf(corner[0], corner[1]) })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'move-vertex')
  await expect(page.getByTestId('editor-hint')).toContainText('Delete removes it')
  await page.keyboard.press('Delete')
  await expect.poll(() => holds('NE-springtown') || holds('NE-northfront')).toBe(false)
  // Both lost the corner together: the area is still covered exactly, without gap or overlap.
  expect(Math.abs(unionM2(app.services.plans.load().neighborhoods.filter((n) => n.areaId === 'NE')) - areaBefore)).toBeLessThan(0.1)
  await expect(page.getByTestId('validation-summary')).toContainText('0 errors')

  await page.getByTestId('undo').click()
  await expect.poll(() => planRows(app)).toBe(start)
})

test('deleting a neighborhood gives its ground to the chosen neighbor, or leaves a gap the plan check lists', async ({ app }) => {
  const { page } = app
  const plan = app.services.plans.load()
  const sunset = plan.neighborhoods.find((n) => n.id === 'NE-sunset')!
  const vasco = plan.neighborhoods.find((n) => n.id === 'NE-vasco')!
  const both = unionM2([sunset, vasco])

  await app.panels.neighborhoodButton('NE-sunset').click()
  await page.getByTestId('tool-delete').click()
  await page.getByTestId('delete-give').check()
  await page.getByTestId('partner-select').selectOption('NE-vasco')
  await page.getByTestId('delete-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.id === 'NE-sunset')).toBe(false)
  const grown = app.services.plans.load().neighborhoods.find((n) => n.id === 'NE-vasco')!
  expect(Math.abs(unionM2([grown]) - both)).toBeLessThan(0.1)
  await expect(app.panels.neighborhoodButton('NE-sunset')).toHaveCount(0)
  await expect(page.getByTestId('validation-summary')).toContainText('0 errors')

  // Leaving the ground empty: the check reports the gap where Altamont was. (The tool let go after the first delete.)
  await app.panels.neighborhoodButton('NE-altamont').click()
  await page.getByTestId('tool-delete').click()
  await page.getByTestId('delete-leave-gap').check()
  await page.getByTestId('delete-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.id === 'NE-altamont')).toBe(false)
  await expect(page.getByTestId('validation-summary')).toContainText(/[1-9]\d* errors?/)
  await expect(page.getByTestId('findings-panel')).toContainText('Gap')
})
