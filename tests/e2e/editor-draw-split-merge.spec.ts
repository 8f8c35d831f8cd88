import { difference, featureCollection, feature, intersect, pointOnFeature } from '@turf/turf'
import type { AreaGeometry, LonLat } from '../../src/shared/domain'
import { expect, test } from './harness/app-fixture'
import { clickPath, m2 } from './editor-helpers'

const inside = (n: { geometry: AreaGeometry }): LonLat => pointOnFeature(n.geometry).geometry.coordinates as LonLat
const overlapM2 = (a: AreaGeometry, b: AreaGeometry) => {
  const x = intersect(featureCollection([feature(a), feature(b)]))
  return x ? m2(x.geometry as AreaGeometry) : 0
}
const outsideM2 = (g: AreaGeometry, area: AreaGeometry) => {
  const x = difference(featureCollection([feature(g), feature(area)]))
  return x ? m2(x.geometry as AreaGeometry) : 0
}

test('a drawn neighborhood is clipped to its area and takes ground from neighbors only when asked', async ({ app }, testInfo) => {
  const page = app.page
  const plan0 = app.services.plans.load()
  const ne = plan0.areas.find((a) => a.id === 'NE')!
  const springtown = plan0.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const northfront = plan0.neighborhoods.find((n) => n.id === 'NE-northfront')!
  const altamont = plan0.neighborhoods.find((n) => n.id === 'NE-altamont')!

  // Free some ground first: delete Springtown through the UI, leaving a gap.
  await app.panels.neighborhoodButton(springtown.id).click()
  await page.getByTestId('tool-delete').click()
  await page.getByTestId('delete-leave-gap').check()
  await page.getByTestId('delete-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.id === springtown.id)).toBe(false)

  // An outline from inside Northfront across the old Springtown ground and out past the city limit.
  const a = inside(northfront), b = inside(springtown)
  const north = 0.004 + Math.max(...(springtown.geometry.type === 'Polygon' ? springtown.geometry.coordinates[0] : springtown.geometry.coordinates[0][0]).map((c) => c[1]))
  await page.getByTestId('tool-draw').click()
  await clickPath(app, [a, b, [b[0], north], [a[0], north]])
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('draw-form')).toBeVisible()
  await page.getByTestId('new-name').fill('Brushy Peak')
  await expect(page.getByTestId('take-from-neighbors')).not.toBeChecked()
  await page.screenshot({ path: testInfo.outputPath('draw-form.png') })
  await page.getByTestId('create-neighborhood').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Brushy Peak')).toBe(true)
  let plan = app.services.plans.load()
  const peak = plan.neighborhoods.find((n) => n.name === 'Brushy Peak')!
  expect(peak.areaId).toBe('NE')
  expect(outsideM2(peak.geometry, ne.geometry)).toBeLessThan(0.01)
  expect(overlapM2(peak.geometry, northfront.geometry)).toBeLessThan(0.01)
  // Northfront may gain corners where the new boundary meets it, but not lose ground.
  expect(Math.abs(m2(plan.neighborhoods.find((n) => n.id === northfront.id)!.geometry) - m2(northfront.geometry))).toBeLessThan(0.1)
  expect(m2(peak.geometry)).toBeGreaterThan(1000)

  // With the box ticked, Altamont loses exactly the part drawn over it.
  // A triangle over the old Springtown ground, out past the city limit and into Altamont.
  const c0 = inside(altamont)
  const c: LonLat = [c0[0] + 0.00113, c0[1] + 0.00071]
  // Create let go of the Draw tool: pick it again.
  await page.getByTestId('tool-draw').click()
  await clickPath(app, [b, c, [b[0], north]])
  await page.keyboard.press('Enter')
  await page.getByTestId('new-name').fill('Cross Road')
  await page.getByTestId('take-from-neighbors').check()
  await page.getByTestId('create-neighborhood').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Cross Road')).toBe(true)
  plan = app.services.plans.load()
  const cross = plan.neighborhoods.find((n) => n.name === 'Cross Road')!
  const altamont2 = plan.neighborhoods.find((n) => n.id === altamont.id)!
  expect(outsideM2(cross.geometry, ne.geometry)).toBeLessThan(0.01)
  expect(overlapM2(cross.geometry, altamont2.geometry)).toBeLessThan(0.01)
  expect(overlapM2(cross.geometry, plan.neighborhoods.find((n) => n.name === 'Brushy Peak')!.geometry)).toBeLessThan(0.01)
  // Exactly that part, up to the rounding of the new crossing points to the 1e-7° grid.
  expect(Math.abs(m2(altamont.geometry) - m2(altamont2.geometry) - overlapM2(cross.geometry, altamont.geometry))).toBeLessThan(1)
  await page.screenshot({ path: testInfo.outputPath('drawn-two.png') })
})

test('splitting a neighborhood with a line and merging two neighbors keep the ground and the adopting officers', async ({ app }, testInfo) => {
  const page = app.page
  const plan0 = app.services.plans.load()
  const springtown = plan0.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const northfront = plan0.neighborhoods.find((n) => n.id === 'NE-northfront')!
  const adopters = (p: typeof plan0, id: string) => p.officers.filter((o) => o.neighborhoodId === id).map((o) => o.id).sort()
  const ring = springtown.geometry.type === 'Polygon' ? springtown.geometry.coordinates[0] : springtown.geometry.coordinates[0][0]
  const xs = ring.map((c) => c[0]), ys = ring.map((c) => c[1])
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2
  const span = Math.max(...xs) - Math.min(...xs)

  await app.panels.neighborhoodButton(springtown.id).click()
  await page.getByTestId('tool-split').click()
  await clickPath(app, [[Math.min(...xs) - span * 0.1, midY], [Math.max(...xs) + span * 0.1, midY]])
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('split-form')).toBeVisible()
  await page.getByTestId('split-new-name').fill('Springtown East')
  await page.screenshot({ path: testInfo.outputPath('split-form.png') })
  await page.getByTestId('split-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Springtown East')).toBe(true)
  const plan1 = app.services.plans.load()
  const kept = plan1.neighborhoods.find((n) => n.id === springtown.id)!
  const piece = plan1.neighborhoods.find((n) => n.name === 'Springtown East')!
  expect(Math.abs(m2(kept.geometry) + m2(piece.geometry) - m2(springtown.geometry))).toBeLessThan(0.1)
  expect(adopters(plan1, springtown.id)).toEqual(adopters(plan0, springtown.id))

  // Merge what is left of Springtown with Northfront, picking the neighbor from the list.
  await page.getByTestId('tool-merge').click()
  await app.panels.neighborhoodButton(northfront.id).click()
  await page.getByTestId('partner-select').selectOption(springtown.id)
  await page.getByTestId('merge-name').fill('North Hills')
  await page.screenshot({ path: testInfo.outputPath('merge-form.png') })
  await page.getByTestId('merge-confirm').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'North Hills')).toBe(true)
  const plan2 = app.services.plans.load()
  const merged = plan2.neighborhoods.find((n) => n.name === 'North Hills')!
  expect(plan2.neighborhoods.some((n) => n.id === springtown.id)).toBe(false)
  expect(Math.abs(m2(merged.geometry) - m2(kept.geometry) - m2(northfront.geometry))).toBeLessThan(0.1)
  expect(adopters(plan2, merged.id)).toEqual([...adopters(plan0, springtown.id), ...adopters(plan0, northfront.id)].sort())
})
