import { expect, test } from './harness/app-fixture'

test('Administration backs up from the About dialog and schedules a restore of a listed backup', async ({ app }) => {
  await app.page.getByTestId('about').click()
  const section = app.page.getByTestId('backups')
  await section.getByTestId('backup-now').click()
  await expect(section.getByTestId('backup-message')).toContainText('Backed up to')
  const row = section.locator('tr[data-backup-file]').first()
  await expect(row).toContainText('manual')
  const file = await row.getAttribute('data-backup-file')
  app.page.once('dialog', (d) => d.accept())
  await row.getByRole('button', { name: 'Restore…' }).click()
  await expect(section.getByTestId('pending-restore')).toContainText(file!)
  expect(app.services.backups.list().map((b) => b.file)).toContain(file)
})
