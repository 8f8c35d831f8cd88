import type { Settings } from '../../src/shared/ipc/outputs'
import type { ChangeOp } from '../../src/shared/domain'
import type { Services } from '../../src/main/services'
import { expect, openApp, test } from './harness/app-fixture'

/** Deletes the neighborhood Midtown (its officers left unassigned): its ground becomes a gap finding. */
function leaveAGap(s: Services): void {
  const plan = s.plans.load()
  const midtown = plan.neighborhoods.find((n) => n.name === 'Midtown')!
  const ops: ChangeOp[] = [
    ...plan.officers.filter((o) => o.neighborhoodId === midtown.id).map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: null } })),
    { entity: 'neighborhood', id: midtown.id, before: midtown, after: null },
  ]
  s.changes.apply({ label: 'Delete Midtown', ops }, s.session.actor())
}

test('switching to US units shows acres or square miles in the readouts and findings, and leaves the stored tolerances as they were', async ({ page }) => {
  const app = await openApp(page, { before: leaveAGap })
  try {
    const settingsNow = async () => ((await app.invoke('settings:get')) as { ok: true; value: Settings }).value
    const before = await settingsNow()
    // The harness runs the services under a metric locale: the plan starts metric.
    expect(before).toMatchObject({ units: 'metric', unitsFromLocale: true })

    const gap = app.panels.finding('gap')
    await expect(gap).toHaveCount(1)
    await expect(gap).toContainText('m²')
    const neighbor = app.services.plans.load().neighborhoods.find((n) => n.name === 'Jensen')!
    await app.panels.neighborhoodButton(neighbor.id).click()
    const readout = page.getByTestId('area-readout')
    await expect(readout.locator('caption')).toContainText('(km²)')
    await expect(page.locator('.ol-scale-line-inner')).toHaveText(/\d+ (m|km)$/)

    await page.getByTestId('about').click()
    const dialog = page.getByTestId('about-dialog')
    await expect(dialog.getByTestId('sliver-width')).toHaveValue('5')
    await dialog.getByTestId('units').selectOption('us')
    // The inputs follow the units at once: 5 m is 16.4 ft, 100 m² is 1,076 sq ft.
    await expect(dialog.getByTestId('sliver-width')).toHaveValue('16.4')
    await expect(dialog.getByTestId('sliver-area')).toHaveValue('1076')
    await dialog.getByTestId('save-settings').click()
    await expect(dialog.getByTestId('settings-message')).toContainText('Saved.')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Findings and readouts give the same figures in US customary units.
    await expect(gap).toContainText(/\d (acres|sq mi) in Area Command/)
    await expect(gap).not.toContainText('m²')
    await expect(readout.locator('caption')).toContainText('(sq mi)')
    await expect(page.locator('.ol-scale-line-inner')).toHaveText(/\d+ (ft|mi)$/)

    // Stored in metres, unchanged by showing them in feet and saving.
    const after = await settingsNow()
    expect(after).toMatchObject({ units: 'us', unitsFromLocale: false })
    expect(after.tolerances).toEqual(before.tolerances)

    // Reopened, the dialog shows the stored metres in feet again.
    await page.getByTestId('about').click()
    await expect(dialog.getByTestId('units')).toHaveValue('us')
    await expect(dialog.getByTestId('sliver-width')).toHaveValue('16.4')
    expect(app.foreignRequests).toEqual([])
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})
