import { bbox, booleanPointInPolygon, point } from '@turf/turf'
import { readFileSync } from 'node:fs'
import { expect, test, type AppHandle } from './harness/app-fixture'

/** Seeded so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

/** Calls placed at random inside each Area Command (rejection sampling), plus some far outside the city. */
function callsFile(app: AppHandle, perArea: Record<string, number>, outside: number): string {
  const rand = rng(7)
  const rows = ['Longitude,Latitude,Call Type,Minutes on scene']
  for (const a of app.services.plans.load().areas) {
    const [x0, y0, x1, y1] = bbox(a.geometry)
    for (let n = 0; n < perArea[a.id]; ) {
      const p: [number, number] = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)]
      if (!booleanPointInPolygon(point(p), a.geometry)) continue
      rows.push(`${p[0].toFixed(6)},${p[1].toFixed(6)},PATROL CHECK,30`)
      n++
    }
  }
  for (let i = 0; i < outside; i++) rows.push(`${(-121.3 - i * 0.01).toFixed(6)},37.9,FAR AWAY,30`)
  return rows.join('\n') + '\n'
}

test('Administration imports calls for service, reads the balance table and chart, and applies a suggested move as one undoable step', async ({ app }, testInfo) => {
  const page = app.page
  // South carries half the calls with under a third of the officers.
  const perArea = { NE: 150, NW: 100, S: 250 }
  await page.getByTestId('tab-staffing').click()
  await expect(page.getByTestId('calls-status')).toContainText('No calls for service imported yet')
  await page.getByTestId('calls-import-open').click()
  await page.getByTestId('calls-file').setInputFiles({ name: 'cad-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(callsFile(app, perArea, 6)) })
  await expect(page.getByTestId('calls-report')).toContainText('506 rows')
  await expect(page.getByTestId('calls-report')).toContainText('6 outside the city')
  await expect(page.locator('[data-testid="calls-import"] select[data-field="minutes"]')).toHaveValue('Minutes on scene')
  await page.getByTestId('calls-store').click()
  await expect(page.getByTestId('calls-status')).toContainText('cad-2024.csv')
  await expect(page.getByTestId('calls-outside')).toContainText('6 fall outside the city')

  const sum = app.services.staffing.summary()
  expect(Object.fromEntries(sum.areas.map((a) => [a.areaId, a.calls]))).toEqual(perArea)
  await expect(page.locator('[data-testid="workload-share"][data-area-id="S"]')).toHaveText('50.0%')
  await expect(page.getByTestId('balance-chart').locator('g[data-area-id="S"]')).toContainText('W 50%')
  const gapS = sum.balance.areas.find((b) => b.areaId === 'S')!.staffingGap
  expect(gapS).toBeLessThan(-1)
  await expect(page.locator('[data-testid="staffing-gap"][data-area-id="S"]')).toHaveText(`−${Math.abs(gapS).toFixed(1)}`)

  const moves = page.getByTestId('move')
  await expect(moves).toHaveCount(sum.suggestions.length)
  expect(sum.suggestions.length).toBeGreaterThan(0)
  expect(sum.suggestions.every((m) => m.toAreaId === 'S')).toBe(true)
  await page.screenshot({ path: testInfo.outputPath('staffing-tab.png') })
  await page.getByTestId('suggested-moves').scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('staffing-moves.png') })

  const first = sum.suggestions[0]
  const before = app.services.repos.officers.get(first.officerId)!
  await moves.first().getByTestId('apply-move').click()
  await expect.poll(() => app.services.repos.officers.get(first.officerId)?.areaId).toBe('S')
  await expect(moves).toHaveCount(sum.suggestions.length - 1)
  await page.getByTestId('undo').click()
  await expect.poll(() => app.services.repos.officers.get(first.officerId)).toEqual(before)
  await expect(moves).toHaveCount(sum.suggestions.length)
})

test('Administration assigns a Lieutenant as Area Commander', async ({ app }) => {
  await app.page.getByTestId('tab-staffing').click()
  const select = app.page.locator('[data-testid="area-commanders"] select[data-area-id="NE"]')
  await select.selectOption('')
  await expect.poll(() => app.services.repos.areas.get('NE')?.commanderId).toBeNull()
  await expect(app.panels.tree.locator('[data-area-id="NE"] [data-testid="area-commander"]')).toContainText('none assigned')
  await select.selectOption('off-001')
  await expect.poll(() => app.services.repos.areas.get('NE')?.commanderId).toBe('off-001')
})

test('roster: import with errors shows line and column, imports only after skipping them, and exports formula-safe CSV', async ({ app }, testInfo) => {
  const page = app.page
  await page.getByTestId('roster-import-open').click()
  const csv = [
    'Name,Rank,Emp #,Email,Area,Neighborhood,Shift,Notes',
    'Dana Cole,Officer,Z-1,d.cole@pd.example.gov,South,Wente,Day,=1+2',
    'Eli Ford,Officer,Z-2,not-an-email,South,,Night,',
    'Fay Gu,Officer,Z-3,f.gu@pd.example.gov,Eastside,,Day,',
  ].join('\n')
  await page.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  const errors = page.getByTestId('roster-import-errors')
  await expect(errors.locator('tbody tr')).toHaveCount(2)
  await expect(errors.locator('tbody tr').nth(0)).toContainText('3Email"not-an-email" is not an email address')
  await expect(errors.locator('tbody tr').nth(1)).toContainText('4AreaUnknown area "Eastside"')
  await expect(page.locator('[data-testid="roster-import"] select[data-field="employeeId"]')).toHaveValue('Emp #')
  await page.getByTestId('roster-import').screenshot({ path: testInfo.outputPath('roster-import.png') })
  await expect(page.getByTestId('roster-import-apply')).toBeDisabled()
  expect(app.services.repos.officers.get('off-Z-1')).toBeNull()
  await page.getByTestId('roster-skip-errors').check()
  await page.getByTestId('roster-import-apply').click()
  await expect(page.getByTestId('roster-import-done')).toContainText('1 added')
  expect(app.services.repos.officers.get('off-Z-1')).toMatchObject({ areaId: 'S', neighborhoodId: 'S-wente' })
  expect(app.services.repos.officers.get('off-Z-2')).toBeNull()
  await page.getByRole('button', { name: 'Close' }).click()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').click()])
  const text = readFileSync((await download.path())!, 'utf8')
  expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?Name,Rank,Email/)
  expect(text).toContain("'=1+2")
  expect(text).not.toMatch(/(^|,)=1\+2/m)

  // Edit an officer: private fields are labelled internal; saving is one undoable change.
  await page.getByTestId('roster-area').selectOption('S')
  await page.locator('[data-officer-id="off-Z-1"]').getByRole('button', { name: /Edit/ }).click()
  const editor = page.getByTestId('officer-editor')
  await expect(editor).toContainText('Internal — never published')
  await page.getByTestId('oe-name').fill('Dana Cole-Park')
  await editor.screenshot({ path: testInfo.outputPath('officer-editor.png') })
  await page.getByTestId('oe-save').click()
  await expect.poll(() => app.services.repos.officers.get('off-Z-1')?.displayName).toBe('Dana Cole-Park')
  await page.screenshot({ path: testInfo.outputPath('roster-panel.png') })
  await page.getByTestId('undo').click()
  await expect.poll(() => app.services.repos.officers.get('off-Z-1')?.displayName).toBe('Dana Cole')
})
