import { bbox, booleanPointInPolygon, point } from '@turf/turf'
import { readFileSync } from 'node:fs'
import { expect, test, type AppHandle } from './harness/app-fixture'

/** One point inside an Area Command, found by walking a fixed grid over its box (no randomness). */
function inside(app: AppHandle, areaId: string, k: number): [number, number] {
  const a = app.services.plans.load().areas.find((x) => x.id === areaId)!
  const [x0, y0, x1, y1] = bbox(a.geometry)
  for (let i = k; ; i++) {
    const p: [number, number] = [x0 + ((i * 0.618034) % 1) * (x1 - x0), y0 + ((i * 0.414214) % 1) * (y1 - y0)]
    if (booleanPointInPolygon(point(p), a.geometry)) return p
  }
}

test('the staffing tab shows each area\'s calls per shift after calls with times are imported, and suggests moves for one shift', async ({ app }, testInfo) => {
  const page = app.page
  // Northeast: 12 night calls (half after midnight), South: 12 day calls, Northwest: 4 swing calls, one exactly at 14:00.
  const rows = ['Longitude,Latitude,Call Type,Time Received']
  const add = (area: string, n: number, time: (i: number) => string) => {
    for (let i = 0; i < n; i++) rows.push(`${inside(app, area, i * 7 + 1).map((v) => v.toFixed(6)).join(',')},PATROL,${time(i)}`)
  }
  add('NE', 12, (i) => (i % 2 ? `2024-03-0${4 + (i % 3)} 23:${String(10 + i).padStart(2, '0')}` : `2024-03-0${5 + (i % 3)} 03:${String(10 + i).padStart(2, '0')}`))
  add('S', 12, (i) => `2024-03-0${4 + (i % 3)} ${String(6 + (i % 8)).padStart(2, '0')}:30`)
  add('NW', 4, (i) => (i === 0 ? '2024-03-04 14:00' : `2024-03-04 1${5 + i}:00`))

  await page.getByTestId('tab-staffing').click()
  await page.getByTestId('calls-import-open').click()
  await page.getByTestId('calls-file').setInputFiles({ name: 'cad-q1.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') })
  await expect(page.locator('[data-testid="calls-import"] select[data-field="time"]')).toHaveValue('Time Received')
  await page.getByTestId('calls-store').click()
  await expect(page.getByTestId('calls-status')).toContainText('cad-q1.csv')

  const table = page.getByTestId('shift-load-table')
  const cell = (area: string, shift: string) => table.locator(`[data-testid="shift-area"][data-area-id="${area}"] td[data-shift="${shift}"]`)
  await expect(cell('NE', 'Nights')).toContainText('12')
  await expect(cell('NE', 'Nights')).toContainText('over')
  await expect(cell('NE', 'Days')).toContainText('under')
  await expect(cell('S', 'Days')).toContainText('12')
  await expect(cell('NW', 'Swing')).toContainText('4')
  await expect(cell('NW', 'Days')).toHaveText(/^0/)
  // Neighborhood rows open under their area; their calls add up to the area's.
  await table.locator('[data-testid="shift-area"][data-area-id="NE"] button').click()
  const nbNights = await table.locator('[data-testid="shift-neighborhood"] td[data-shift="Nights"]').allTextContents()
  expect(nbNights.reduce((s, t) => s + parseInt(t, 10), 0)).toBe(12)

  // Moves for the Nights shift only: the same list the service computes, each into Northeast.
  await page.getByTestId('shift-target').selectOption('Nights')
  const expected = app.services.staffing.byShift(0.1, null, 'Nights').suggestions
  await expect(page.getByTestId('shift-move')).toHaveCount(expected.length)
  expect(expected.length).toBeGreaterThan(0)
  expect(expected.every((m) => m.toAreaId === 'NE')).toBe(true)
  await page.getByTestId('shift-loads').scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('shift-loads.png') })

  // A shift setting that overlaps is refused with the reason.
  await page.getByTestId('edit-shifts').click()
  await page.getByTestId('shift-spec').fill('Days=06-15,Swing=14-22,Nights=22-06')
  await page.getByTestId('save-shifts').click()
  await expect(page.getByTestId('shift-error')).toContainText('"Days" and "Swing" overlap from 14:00 to 15:00')
})

test('a CAD beat layer is checked against the neighborhoods and its crosswalk downloads', async ({ app }) => {
  const page = app.page
  const nbs = app.services.plans.load().neighborhoods
  const a = nbs.find((n) => n.id === 'NE-vasco')!
  const [x0, y0, x1, y1] = bbox(a.geometry)
  // One CAD beat is a neighborhood exactly; the other is a box around it, so it takes ground from its neighbors.
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { BEAT: 'C1' }, geometry: a.geometry },
      { type: 'Feature', properties: { BEAT: 'C2' }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } },
    ],
  }
  await page.getByTestId('tab-staffing').click()
  await page.getByTestId('cad-file').setInputFiles({ name: 'cad-beats.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) })
  await page.getByTestId('cad-id-field').selectOption('BEAT')
  await page.getByTestId('cad-check').click()
  await expect(page.getByTestId('cad-summary')).toContainText('2 CAD beats in cad-beats.geojson: 1 split between neighborhoods')
  await expect(page.getByTestId('cad-split')).toHaveCount(1)
  await expect(page.locator('[data-testid="cad-split"][data-beat-id="C2"]')).toContainText('Vasco')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cad-crosswalk').click()])
  const text = readFileSync((await download.path())!, 'utf8')
  expect(text).toContain('cad_beat,neighborhood_id,neighborhood,area_command_id,area_command,area_share')
  expect(text).toMatch(/\r\nC1,NE-vasco,Vasco,NE,Northeast,1,\d+,,,no\r\n/)
})
