import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { workerThreadChild, type SpawnParseChild } from '../../src/main/import/parse-off-thread'
import { writeGridLayer } from '../helpers/big-layer'
import { expect, openApp, test } from './harness/app-fixture'
import { dumpPlan } from './import-helpers'

/** Every text the import dialog's progress line shows, however briefly, from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = [])
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="import-progress"]')?.textContent?.trim()
      if (t && seen[seen.length - 1] !== t) seen.push(t)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)

/**
 * The real worker thread, on a disk that can stall: once armed, after `reads` more progress
 * reports of reading, nothing more the worker says reaches the app. On a fast machine the second
 * read of 50 MB ends in about a second, before a drag and a click can land; stalled, the import
 * stays in flight, still reading, as it would on a slow disk, and only Cancel ends it.
 */
function stallingDisk(): { spawn: SpawnParseChild; stallAfter(reads: number): void } {
  let left = Infinity
  const spawn: SpawnParseChild = () => {
    const child = workerThreadChild()
    return {
      ...child,
      onMessage: (l) =>
        child.onMessage((m) => {
          if (left <= 0) return
          if (m.type === 'progress' && m.progress.phase === 'reading') left--
          l(m)
        }),
    }
  }
  return { spawn, stallAfter: (reads) => void (left = reads) }
}

test('a 50 MB layer: the import shows its progress moving, the map pans while it reads, and Cancel stores nothing', async ({ page }) => {
  test.setTimeout(900_000)
  const disk = stallingDisk()
  const app = await openApp(page, { parseChild: disk.spawn })
  try {
    await bigImportJourney(app, page, disk.stallAfter)
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

async function bigImportJourney(app: Awaited<ReturnType<typeof openApp>>, page: Page, stallAfter: (reads: number) => void): Promise<void> {
  // 2,000 Area Commands of 501 vertices and 12 KB of attributes each, beside the sample city: about 50 MB of GeoJSON.
  const file = join(app.services.dir, 'parcels-50mb.geojson')
  const size = writeGridLayer(file, { count: 2000, perSide: 125, cols: 50, cell: 0.0015, origin: [-121.99, 37.55], notesChars: 12_000 })
  expect(size).toBeGreaterThan(50 * 1000 * 1000)
  const start = dumpPlan(app)

  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-areas').check()
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('import-feature-count')).toHaveText('2000', { timeout: 400_000 })
  await expect(page.getByTestId('import-id-field')).toHaveValue('ID')
  await page.getByTestId('import-mode-add').click()
  await expect(page.getByTestId('import-apply')).toBeEnabled({ timeout: 300_000 })
  await expect(page.getByTestId('import-apply')).toHaveText('Import 2000 Area Commands (add)')

  await recordProgress(page)
  stallAfter(8)
  await page.getByTestId('import-apply').click()
  // The counts the main process pushes while it reads the file again: at least five different ones.
  await expect.poll(async () => (await progressSeen(page)).filter((t) => t.startsWith('Reading parcels-50mb.geojson: ')).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(5)

  // Meanwhile the map pans with a drag: the place under the pointer follows it.
  const probe = () => page.evaluate(() => window.__acpMap!.pixelOf(-121.76, 37.69)!)
  const box = (await app.map.el.boundingBox())!
  const before = await probe()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await probe())[0] - before[0]).toBeGreaterThan(30)
  // ...and the file is still being read: Cancel stops it.
  await expect(page.getByTestId('import-progress')).toContainText(/^(Reading|Checking) parcels-50mb\.geojson: /)
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('import-error')).toContainText('Importing parcels-50mb.geojson was cancelled; nothing was stored')
  await expect(page.getByTestId('import-progress')).toHaveCount(0)

  const seen = await progressSeen(page)
  const bytes = seen.flatMap((t) => /^Reading parcels-50mb\.geojson: ([\d.]+) MB of ([\d.]+) MB/.exec(t) ?? []).filter((_, i) => i % 3 === 1).map(Number)
  // Real counts: the bytes read only go forward, and the total is the file's.
  expect(bytes.length).toBeGreaterThanOrEqual(5)
  for (let i = 1; i < bytes.length; i++) expect(bytes[i]).toBeGreaterThanOrEqual(bytes[i - 1])
  expect(seen.some((t) => t.includes(` of ${(size / 1024 / 1024).toFixed(1)} MB`))).toBe(true)
  // Nothing was stored, and the step is not in the history.
  expect(dumpPlan(app)).toBe(start)
  expect(app.services.repos.audit.history(5).some((e) => e.label.includes('parcels-50mb'))).toBe(false)
}
