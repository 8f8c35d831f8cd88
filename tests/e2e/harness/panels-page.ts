import type { Locator, Page } from '@playwright/test'

export class PanelsPage {
  readonly tree: Locator
  readonly findings: Locator
  constructor(private readonly page: Page) {
    this.tree = page.getByTestId('area-tree')
    this.findings = page.getByTestId('findings-panel')
  }

  neighborhoodButton(id: string): Locator {
    return this.tree.locator(`[data-neighborhood-id="${id}"]`)
  }

  selectedNeighborhood(): Locator {
    return this.tree.locator('[data-neighborhood-id][aria-pressed="true"]')
  }

  tab(id: string): Locator {
    return this.page.getByTestId(`tab-${id}`)
  }

  finding(kind: string): Locator {
    return this.findings.locator(`[data-kind="${kind}"]`)
  }
}
