import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { NO_DEPARTMENT } from '../../src/shared/publish/public-dataset'
import { expect, openApp, test } from './harness/app-fixture'

test('with no department set, the Publish dialog says what is missing and publishes nothing until Administration sets it', async ({ page, browser }) => {
  // A plan whose department was never set (as a new plan is), with the sample's geography to publish.
  const app = await openApp(page, { before: (s) => s.settings.set({ department: { ...NO_DEPARTMENT } }) })
  try {
    await page.getByTestId('publish-open').click()
    const dialog = page.getByTestId('publish-dialog')
    await expect(dialog.getByTestId('publish-why-not')).toHaveText(
      "Nothing can be published until Administration sets the department's name and the department's non-emergency phone under Settings: the public map gives them to residents.",
    )
    await expect(dialog.getByTestId('publish-submit')).toBeDisabled()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await page.getByTestId('about').click()
    const about = page.getByTestId('about-dialog')
    await expect(about.getByTestId('department-missing')).toContainText("Publishing is refused until the department's name and the department's non-emergency phone are set.")
    await about.getByTestId('department-name').fill('Springfield Police Department')
    await about.getByTestId('department-phone').fill('555-0100')
    await about.getByTestId('save-settings').click()
    await expect(about.getByTestId('settings-message')).toContainText('Saved.')
    await expect(about.getByTestId('department-missing')).toHaveCount(0)
    await about.getByRole('button', { name: 'Close' }).click()

    await page.getByTestId('publish-open').click()
    await expect(dialog.getByTestId('publish-why-not')).toHaveCount(0)
    await dialog.getByTestId('publish-date').fill('2025-07-01')
    const folder = join(app.services.dir, 'site')
    await dialog.getByTestId('publish-folder').fill(folder)
    await dialog.getByTestId('publish-submit').click()
    await expect(dialog.getByTestId('publish-done')).toContainText('Published version 1, effective Jul 1, 2025.')
    const nb = JSON.parse(app.services.publish.files(1).neighborhoods.toString('utf8')) as { features: { properties: { department: { name: string } } }[] }
    expect(nb.features[0].properties.department.name).toBe('Springfield Police Department')

    // The public page names the department; with no street address set it leaves the address out.
    const ctx = await browser.newContext()
    const site = await ctx.newPage()
    await site.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()))
    await site.goto(pathToFileURL(join(folder, 'index.html')).href)
    await expect(site.locator('body')).toHaveAttribute('data-ready', 'true')
    await expect(site.locator('#edition')).toHaveText('Plan version 1, effective 2025-07-01. Springfield Police Department.')
    await ctx.close()
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})
