import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from './harness/app-fixture'

test('a commander prints the roll-call map of an area from the area list: one A4 page with its neighborhoods and officers', async ({ app }) => {
  const { page } = app
  await page.getByTestId('roll-call-paper').selectOption('a4')
  const ne = app.panels.tree.locator('[data-area-id="NE"]')
  const [download] = await Promise.all([page.waitForEvent('download'), ne.getByTestId('print-roll-call').click()])
  expect(download.suggestedFilename()).toMatch(/^roll-call-NE-\d{4}-\d{2}-\d{2}\.pdf$/)
  const file = join(app.services.dir, download.suggestedFilename())
  await download.saveAs(file)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/^Pages:\s+1$/m)
  expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts/)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  const plan = app.services.plans.load()
  for (const n of plan.neighborhoods.filter((x) => x.areaId === 'NE')) expect(text).toContain(n.name)
  const commander = plan.officers.find((o) => o.id === plan.areas.find((a) => a.id === 'NE')!.commanderId)!
  expect(text).toContain(`Area Commander: ${commander.rank} ${commander.displayName}`)
  await expect(ne.getByTestId('print-roll-call')).toHaveText('Print roll-call map')
  expect(app.foreignRequests).toEqual([])
})
