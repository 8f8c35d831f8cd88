import { expect, type Locator, type Page } from '@playwright/test'

/** The map as a tester sees it: ready signal, feature counts and places on screen. */
export class MapPage {
  readonly el: Locator
  constructor(private readonly page: Page) {
    this.el = page.getByTestId('map')
  }

  async waitReady(): Promise<void> {
    await expect(this.el).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 })
  }

  async counts(): Promise<{ areas: number; neighborhoods: number; findings: number }> {
    return this.page.evaluate(() => window.__acpMap!.counts())
  }

  /** The labels the map drew in its last frame (those decluttering kept), boxes in map pixels. */
  async labels(): Promise<ReturnType<NonNullable<Window['__acpMap']>['labels']>> {
    return this.page.evaluate(() => window.__acpMap!.labels())
  }

  /** Pixel of a lon/lat inside the map element (for clicks and drops). */
  async pixelOf(lon: number, lat: number): Promise<{ x: number; y: number }> {
    const p = await this.page.evaluate(([x, y]) => window.__acpMap!.pixelOf(x, y), [lon, lat] as const)
    if (!p) throw new Error(`(${lon}, ${lat}) is not on the map`)
    return { x: p[0], y: p[1] }
  }

  async clickAt(lon: number, lat: number): Promise<void> {
    const { x, y } = await this.pixelOf(lon, lat)
    await this.el.click({ position: { x, y } })
  }

  /** Waits until the map has drawn again after a change (rendercomplete bumps the counts). */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  }
}
