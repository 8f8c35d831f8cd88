import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './harness/app-fixture'

test('Publish: Choose… fills the folder from the system dialog and publishing writes there; a cancelled dialog keeps what was typed', async ({ app }) => {
  const { page } = app
  const chosen = join(app.services.dir, 'chosen site')
  mkdirSync(chosen)
  await page.getByTestId('publish-open').click()
  const dialog = page.getByTestId('publish-dialog')
  await dialog.getByTestId('publish-date').fill('2025-07-01')

  // The user cancels the system dialog: nothing typed is lost.
  await dialog.getByTestId('publish-folder').fill('\\\\fileserver\\web\\officers')
  app.fileDialog.answers.push(null)
  await dialog.getByTestId('publish-choose-folder').click()
  await expect.poll(() => app.fileDialog.asked.length).toBe(1)
  // The dialog opens where the typed path points, as a folder chooser for publishing.
  expect(app.fileDialog.asked[0]).toEqual({ purpose: 'publish-folder', defaultPath: '\\\\fileserver\\web\\officers' })
  await expect(dialog.getByTestId('publish-folder')).toHaveValue('\\\\fileserver\\web\\officers')

  app.fileDialog.answers.push(chosen)
  await dialog.getByTestId('publish-choose-folder').click()
  await expect(dialog.getByTestId('publish-folder')).toHaveValue(chosen)
  await dialog.getByTestId('publish-submit').click()
  await expect(dialog.getByTestId('publish-done')).toContainText('Published version 1, effective Jul 1, 2025.')
  for (const f of ['index.html', 'neighborhoods.geojson', 'areas.geojson']) expect(existsSync(join(chosen, f))).toBe(true)
  expect(app.fileDialog.asked).toHaveLength(2)
})
