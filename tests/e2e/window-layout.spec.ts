import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1

/** The top bar's visible items as boxes, left to right, and whether each one's content overflows its box. */
function barItems(page: Page): Promise<(Box & { spills: boolean })[]> {
  return page.locator('header.bar').evaluate((bar) =>
    [...bar.children]
      .map((c) => ({ r: c.getBoundingClientRect(), spills: c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).display !== 'inline' }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ r, spills }) => ({ x: r.x, y: r.y, width: r.width, height: r.height, spills }))
      .sort((a, b) => a.x - b.x),
  )
}

/** What the main process pushes once a department server has said who this login is. */
const SERVER_STATUS = {
  connection: { host: 'acp.example.org', port: 5432, database: 'acp', login: 'ne_cmdr' },
  state: 'online', why: null, queued: 2, conflicts: [], saved: null, restartPending: false,
  identity: { login: 'ne_cmdr', role: 'commander', areaId: 'NE', areaName: 'Northeast' },
}

for (const [width, height, server] of [[1280, 800, false], [1440, 900, false], [1280, 800, true]] as const) {
  test(`at ${width}×${height}${server ? ' on a department server' : ''} the top bar is one line, nothing scrolls sideways and the editor's panel sits beside the map`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height })
    // A commander's long name in the picker (or the server's badge), a selected neighborhood and the reshape tool: the fullest everyday window.
    if (server) {
      await page.evaluate((st) => window.__acpPush?.('server:event', { kind: 'status', status: st }), SERVER_STATUS)
      await expect(page.getByTestId('server-badge')).toBeVisible()
    } else await page.getByTestId('profile-select').selectOption('commander:NE')
    await app.map.settle()
    await app.panels.tree.locator('[data-neighborhood-id]').first().click()
    await page.getByTestId('tool-reshape').click()

    const scroll = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: document.documentElement.clientWidth }))
    expect(scroll.doc, 'the document scrolls sideways').toBeLessThanOrEqual(scroll.view)
    expect(scroll.body, 'the body scrolls sideways').toBeLessThanOrEqual(scroll.view)

    const bar = (await page.locator('header.bar').boundingBox())!
    const items = await barItems(page)
    expect(items.length).toBeGreaterThan(6)
    const top = Math.min(...items.map((i) => i.y))
    for (const i of items) expect(i.y - top, 'an item of the top bar wrapped to a second line').toBeLessThan(8)
    for (let k = 1; k < items.length; k++) expect(items[k].x, 'two items of the top bar overlap').toBeGreaterThanOrEqual(items[k - 1].x + items[k - 1].width - 1)
    expect(items.filter((i) => i.spills), 'an item of the top bar is squeezed narrower than its content').toEqual([])
    expect(items[items.length - 1].x + items[items.length - 1].width).toBeLessThanOrEqual(bar.x + bar.width)
    expect(bar.height).toBeLessThan(48)

    const map = (await app.map.el.boundingBox())!
    const panel = (await page.getByTestId('editor-panel').boundingBox())!
    const toolbar = (await page.getByTestId('editor-toolbar').boundingBox())!
    expect(panel.height).toBeGreaterThan(20)
    expect(overlaps(panel, map), "the editor's panel covers the map").toBe(false)
    expect(overlaps(toolbar, map), "the editor's toolbar covers the map").toBe(false)
    // The map keeps most of the window's width between the two side columns.
    expect(map.width).toBeGreaterThan(width * 0.45)
  })
}

test('dialogs have a title that fits, a dimmed background and a close button at the top', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  const opens: [string, () => Promise<void>][] = [
    ['about-dialog', () => page.getByTestId('about').click()],
    ['publish-dialog', () => page.getByTestId('publish-open').click()],
    ['shortcuts-dialog', () => page.evaluate(() => window.__acpMenu?.('shortcuts'))],
  ]
  for (const [id, open] of opens) {
    await open()
    const d = page.getByTestId(id)
    await expect(d).toBeVisible()
    const title = d.getByRole('heading', { level: 2 })
    await expect(title).toBeVisible()
    const fits = await title.evaluate((h) => h.scrollWidth <= h.clientWidth + 1 && h.getBoundingClientRect().right <= h.closest('dialog')!.getBoundingClientRect().right)
    expect(fits, `${id}: the title is cut off`).toBe(true)
    const backdrop = await d.evaluate((el) => getComputedStyle(el, '::backdrop').backgroundColor)
    const alpha = Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(backdrop)?.[1] ?? (backdrop.startsWith('rgb(') ? 1 : 0))
    expect(alpha, `${id}: the page behind is not dimmed (${backdrop})`).toBeGreaterThanOrEqual(0.3)
    const close = d.getByRole('button', { name: 'Close', exact: true })
    const [cb, tb] = [(await close.boundingBox())!, (await title.boundingBox())!]
    expect(cb.y, `${id}: the close button is not at the top`).toBeLessThan(tb.y + tb.height)
    await close.click()
    await expect(d).toHaveCount(0)
  }
})
