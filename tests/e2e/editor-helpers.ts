import { area, featureCollection, feature, intersect, union } from '@turf/turf'
import type { Page } from '@playwright/test'
import type { AreaGeometry, LonLat, Neighborhood, PlanState } from '../../src/shared/domain'
import type { AppHandle } from './harness/app-fixture'

/** Area (m²) of the union of some neighborhoods, computed by turf on the stored rows. */
export function unionM2(rows: Neighborhood[]): number {
  const u = rows.length === 1 ? feature(rows[0].geometry) : union(featureCollection(rows.map((n) => feature(n.geometry))))
  return u ? area(u) : 0
}

/** The largest pairwise overlap (m²) among the rows. */
export function maxOverlapM2(rows: Neighborhood[]): number {
  let worst = 0
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const x = intersect(featureCollection([feature(rows[i].geometry), feature(rows[j].geometry)]))
      if (x) worst = Math.max(worst, area(x))
    }
  return worst
}

export const m2 = (g: AreaGeometry): number => area(feature(g))

function verticesOf(g: AreaGeometry): LonLat[] {
  const out: LonLat[] = []
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) for (const ring of poly) for (const c of ring.slice(0, -1)) out.push([c[0], c[1]])
  return out
}

/** Vertices held by exactly the two given neighborhoods and by nothing else (not on an area boundary). */
export function sharedInteriorVertices(plan: PlanState, aId: string, bId: string): LonLat[] {
  const count = new Map<string, string[]>()
  const add = (g: AreaGeometry, who: string) => {
    for (const v of new Set(verticesOf(g).map((p) => `${p[0]},${p[1]}`))) count.set(v, [...(count.get(v) ?? []), who])
  }
  for (const n of plan.neighborhoods) add(n.geometry, n.id)
  for (const a of plan.areas) add(a.geometry, `area:${a.id}`)
  return [...count.entries()]
    .filter(([, who]) => who.length === 2 && who.includes(aId) && who.includes(bId))
    .map(([k]) => k.split(',').map(Number) as LonLat)
}

/** Presses at a map coordinate, drags by (dx, dy) pixels in steps, releases. */
export async function dragFrom(app: AppHandle, at: LonLat, dx: number, dy: number): Promise<void> {
  const box = (await app.map.el.boundingBox())!
  const p = await app.map.pixelOf(at[0], at[1])
  const x = box.x + p.x, y = box.y + p.y
  const mouse = app.page.mouse
  await mouse.move(x, y)
  await mouse.down()
  for (let i = 1; i <= 5; i++) await mouse.move(x + (dx * i) / 5, y + (dy * i) / 5)
  await mouse.up()
}

/** Clicks the map at coordinates, in page pixels; `dbl` double-clicks the last one. */
export async function clickPath(app: AppHandle, pts: LonLat[], opts: { dblLast?: boolean } = {}): Promise<void> {
  const box = (await app.map.el.boundingBox())!
  for (let i = 0; i < pts.length; i++) {
    const p = await app.map.pixelOf(pts[i][0], pts[i][1])
    const last = i === pts.length - 1
    if (last && opts.dblLast) await app.page.mouse.dblclick(box.x + p.x, box.y + p.y)
    else await app.page.mouse.click(box.x + p.x, box.y + p.y)
    // Two clicks closer in time than the double-click delay would merge into a double-click.
    await app.page.waitForTimeout(300)
  }
}

/** Waits until every change sent so far has been stored and drawn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="editor-panel"] button[disabled].busy'))
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}
