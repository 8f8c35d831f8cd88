import type { Finding } from '../../src/shared/domain'
import { formatAreaChange } from '../../src/shared/units/area-change'
import { findingText } from '../../src/shared/units/finding-text'
import { expect, test, type AppHandle } from './harness/app-fixture'
import { dragFrom, m2, sharedInteriorVertices } from './editor-helpers'

const areaOf = (app: AppHandle, id: string) => {
  const n = app.services.plans.load().neighborhoods.find((x) => x.id === id)
  return n ? m2(n.geometry) : 0
}
const newFindings = (before: Finding[], after: Finding[]) => after.filter((f) => !before.some((b) => b.id === f.id))

test("the editor's result line says what the edit changed: ± area of every neighborhood it moved, and the findings it added or resolved", async ({ app }, testInfo) => {
  const { page } = app
  const units = app.services.settings.get().units
  const result = page.getByTestId('touched-findings')
  const areaLine = (id: string) => result.getByTestId('edit-result-areas').locator(`li[data-neighborhood-id="${id}"]`)

  // A reshape moves ground between the two neighbors sharing the corner: both are listed with their change.
  const plan0 = app.services.plans.load()
  const [corner] = sharedInteriorVertices(plan0, 'NE-springtown', 'NE-northfront')
  const before = { s: areaOf(app, 'NE-springtown'), n: areaOf(app, 'NE-northfront') }
  await page.getByTestId('tool-reshape').click()
  await app.map.el.hover({ position: await app.map.pixelOf(corner[0], corner[1]) })
  await expect(app.map.el).toHaveAttribute('data-edit-cursor', 'move-vertex')
  await dragFrom(app, corner, 30, -20)
  await expect.poll(() => areaOf(app, 'NE-springtown')).not.toBeCloseTo(before.s, 0)
  const ds = areaOf(app, 'NE-springtown') - before.s, dn = areaOf(app, 'NE-northfront') - before.n
  expect(Math.sign(ds)).toBe(-Math.sign(dn))
  await expect(result).toContainText('Stored:')
  await expect(areaLine('NE-springtown')).toContainText(`Springtown ${formatAreaChange(ds, units)}`)
  await expect(areaLine('NE-northfront')).toContainText(`Northfront ${formatAreaChange(dn, units)}`)
  await page.screenshot({ path: testInfo.outputPath('reshape-result.png') })

  // Deleting Altamont and leaving its ground empty opens a gap: the line names it as new, never "no findings".
  const findings0 = app.services.validation.findings()
  const altamontM2 = areaOf(app, 'NE-altamont')
  await page.getByTestId('tool-select').click()
  await app.panels.neighborhoodButton('NE-altamont').click()
  await page.getByTestId('tool-delete').click()
  await page.getByTestId('delete-leave-gap').check()
  await page.getByTestId('delete-confirm').click()
  await expect(result).toContainText('Stored: Delete Altamont')
  const gaps = newFindings(findings0, app.services.validation.findings()).filter((f) => f.kind === 'gap')
  expect(gaps.length).toBeGreaterThan(0)
  const gapText = findingText(gaps[0], units)
  const findingsLine = result.getByTestId('edit-result-findings')
  await expect(findingsLine).toContainText(/finding(s)? added/)
  await expect(result).not.toContainText(/no findings? (added|where you edited)/i)
  await expect(result.locator('li[data-change="added"]').filter({ hasText: gapText })).toHaveCount(1)
  await expect(areaLine('NE-altamont')).toContainText(`Altamont ${formatAreaChange(-altamontM2, units)} (deleted)`)
  await page.screenshot({ path: testInfo.outputPath('delete-gap-result.png') })

  // Undo gives the ground back: the gap is listed as resolved, Altamont as back with its area.
  await page.getByTestId('undo').click()
  await expect.poll(() => areaOf(app, 'NE-altamont')).toBeGreaterThan(0)
  await expect(result).toContainText('Undone: Delete Altamont')
  await expect(result.locator('li[data-change="removed"]').filter({ hasText: gapText })).toHaveCount(1)
  await expect(findingsLine).toContainText('resolved')
  await expect(areaLine('NE-altamont')).toContainText(`Altamont ${formatAreaChange(altamontM2, units)} (new)`)

  // A rename moves no ground and changes no finding: said in so many words, with no area line.
  await app.panels.neighborhoodButton('NE-jensen').click()
  await page.getByTestId('rename-input').fill('Jensen Park')
  await page.getByTestId('rename-confirm').click()
  await expect(result).toContainText('Stored: Rename')
  await expect(findingsLine).toHaveText('No finding added or resolved')
  await expect(result.getByTestId('edit-result-areas')).toHaveCount(0)
})
