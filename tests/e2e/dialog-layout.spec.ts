import type { Locator } from '@playwright/test'
import { expect, test } from './harness/app-fixture'

/** Whether the dialog's content fits its width: nothing cut off at the right edge. */
const fitsWidth = (d: Locator) => d.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)

// The top bar keeps its own items on one line; the dialogs it opens must still wrap their text.
test('the dialogs opened from the top bar wrap their text instead of cutting it off', async ({ app }) => {
  const { page } = app
  await page.getByTestId('about').click()
  const about = page.getByTestId('about-dialog')
  await expect(about).toBeVisible()
  expect(await fitsWidth(about)).toBe(true)
  await about.getByRole('button', { name: 'Close' }).click()

  await page.getByTestId('publish-open').click()
  const publish = page.getByTestId('publish-dialog')
  await expect(publish).toBeVisible()
  expect(await fitsWidth(publish)).toBe(true)
})
