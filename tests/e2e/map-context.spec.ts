import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pointOnFeature } from '@turf/turf'
import type { Page } from '@playwright/test'
import { squareVectorTile, tilesCovering, writePmtiles } from '../helpers/pmtiles-writer'
import { writeMbtiles } from '../helpers/mbtiles-writer'
import type { AreaGeometry, LonLat, PlanState } from '../../src/shared/domain'
import { expect, openApp, test } from './harness/app-fixture'
import type { AppHandle } from './harness/app-fixture'
import { bulge, importAsDrawn, longestEdge, neighborhood } from '../helpers/repair-fixtures'
import { renderGeoPackage } from '../../src/main/export/geopackage'
import { buildPublicDataset } from '../../src/shared/publish/public-dataset'
import { META } from '../unit/publish/fixture-plan'
import { sharedInteriorVertices } from './editor-helpers'

const round7 = (v: number) => Math.round(v * 1e7) / 1e7
const towards = (a: LonLat, b: LonLat, t: number): LonLat => [round7(a[0] + (b[0] - a[0]) * t), round7(a[1] + (b[1] - a[1]) * t)]
const inside = (g: AreaGeometry): LonLat => pointOnFeature(g).geometry.coordinates as LonLat
const vertices = (plan: PlanState, id: string): string[] => {
  const g = plan.neighborhoods.find((n) => n.id === id)!.geometry
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((p) => `${p[0]},${p[1]}`)
}

/** Presses at a map coordinate and drags to a page pixel offset from another coordinate, in steps. */
async function dragTo(app: AppHandle, from: LonLat, to: LonLat, offset: [number, number]): Promise<void> {
  const box = (await app.map.el.boundingBox())!
  const a = await app.map.pixelOf(from[0], from[1])
  const b = await app.map.pixelOf(to[0], to[1])
  const m = app.page.mouse
  await m.move(box.x + a.x, box.y + a.y)
  await m.down()
  for (let i = 1; i <= 6; i++) await m.move(box.x + a.x + ((b.x + offset[0] - a.x) * i) / 6, box.y + a.y + ((b.y + offset[1] - a.y) * i) / 6)
  await m.up()
}

/** Zooms the map in about a place with the wheel until two places are at least `px` apart on screen. */
async function zoomUntilApart(app: AppHandle, at: LonLat, other: LonLat, px: number): Promise<void> {
  const box = (await app.map.el.boundingBox())!
  for (let i = 0; i < 8; i++) {
    const a = await app.map.pixelOf(at[0], at[1])
    const b = await app.map.pixelOf(other[0], other[1])
    if (Math.hypot(a.x - b.x, a.y - b.y) >= px) return
    await app.page.mouse.move(box.x + a.x, box.y + a.y)
    await app.page.mouse.wheel(0, -300)
    await app.page.waitForTimeout(400)
  }
  throw new Error('could not zoom in far enough')
}

test('a street layer is imported under the plan, and reshaping and drawing put corners exactly on its vertices', async ({ app }, testInfo) => {
  const { page } = app
  const plan0 = app.services.plans.load()
  const springtown = plan0.neighborhoods.find((n) => n.id === 'NE-springtown')!
  const [corner] = sharedInteriorVertices(plan0, springtown.id, 'NE-northfront')
  const middle = inside(springtown.geometry)
  // Three street vertices inside Springtown, away from every boundary.
  const v1 = towards(corner, middle, 0.35)
  const v2 = towards(corner, middle, 0.7)
  const v3 = towards(corner, middle, 0.55)
  const streets = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'Vasco Rd' }, geometry: { type: 'LineString', coordinates: [v1, v2] } },
      { type: 'Feature', properties: { name: 'Scenic Ave' }, geometry: { type: 'LineString', coordinates: [[v3[0] - 0.0004, v3[1] + 0.0004], v3, [v3[0] + 0.0004, v3[1] - 0.0004]] } },
    ],
  }
  await page.getByTestId('map-key-toggle').click()
  await page.getByTestId('reference-file').setInputFiles({ name: 'Livermore streets.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(streets)) })
  await expect(page.getByTestId('reference-message')).toHaveText('Livermore streets: 2 lines added under the plan.')
  await expect(app.map.el).toHaveAttribute('data-reference-count', '2')
  await expect(page.getByTestId('reference-layers')).toContainText('Livermore streets')
  expect(app.services.references.list().map((l) => l.name)).toEqual(['Livermore streets'])
  await page.getByTestId('map-key-toggle').click()

  // Reshape: the shared corner dropped 4 px beside a street vertex lands exactly on it, in both neighbors.
  await zoomUntilApart(app, corner, v1, 120)
  await page.getByTestId('tool-reshape').click()
  await dragTo(app, corner, v1, [4, -3])
  await expect.poll(() => vertices(app.services.plans.load(), springtown.id)).toContain(`${v1[0]},${v1[1]}`)
  expect(vertices(app.services.plans.load(), 'NE-northfront')).toContain(`${v1[0]},${v1[1]}`)
  await page.screenshot({ path: testInfo.outputPath('reference-snap-reshape.png') })

  // Hidden, the layer is neither drawn nor snapped to: the corner now stays where it is dropped.
  await page.getByTestId('map-key-toggle').click()
  await page.getByTestId(`reference-visible-${app.services.references.list()[0].id}`).uncheck()
  await expect(app.map.el).toHaveAttribute('data-reference-count', '0')
  await page.getByTestId('map-key-toggle').click()
  await dragTo(app, v1, v2, [4, -3])
  await expect.poll(() => vertices(app.services.plans.load(), springtown.id)).not.toContain(`${v1[0]},${v1[1]}`)
  expect(vertices(app.services.plans.load(), springtown.id)).not.toContain(`${v2[0]},${v2[1]}`)
  expect(app.services.references.list()[0].visible).toBe(false)
  await page.getByTestId('map-key-toggle').click()
  await page.getByTestId(`reference-visible-${app.services.references.list()[0].id}`).check()
  await expect(app.map.el).toHaveAttribute('data-reference-count', '2')
  await page.getByTestId('map-key-toggle').click()

  // Draw: a corner clicked 5 px off a street vertex is stored on it exactly (the other two
  // corners are south of it, inside Springtown, clear of the streets and its boundary).
  await page.getByTestId('view-whole-city').click()
  await zoomUntilApart(app, v3, v1, 200)
  await page.getByTestId('tool-draw').click()
  const box = (await app.map.el.boundingBox())!
  const p3 = await app.map.pixelOf(v3[0], v3[1])
  for (const [dx, dy] of [[3, 4], [-60, 110], [40, 120]]) {
    await page.mouse.click(box.x + p3.x + dx, box.y + p3.y + dy)
    await page.waitForTimeout(300)
  }
  await page.keyboard.press('Enter')
  await page.getByTestId('new-name').fill('Scenic Corner')
  await page.getByTestId('take-from-neighbors').check()
  await page.getByTestId('create-neighborhood').click()
  await expect.poll(() => app.services.plans.load().neighborhoods.some((n) => n.name === 'Scenic Corner')).toBe(true)
  const drawn = app.services.plans.load().neighborhoods.find((n) => n.name === 'Scenic Corner')!
  expect(vertices(app.services.plans.load(), drawn.id)).toContain(`${v3[0]},${v3[1]}`)
  await page.screenshot({ path: testInfo.outputPath('reference-snap-draw.png') })

  // Removed, it is gone from the list, the map and the plan file.
  await page.getByTestId('map-key-toggle').click()
  await page.getByTestId(`reference-remove-${app.services.references.list()[0].id}`).click()
  await expect(app.map.el).toHaveAttribute('data-reference-count', '0')
  await expect(page.getByTestId('reference-layers').locator('li')).toHaveCount(0)
  expect(app.services.references.list()).toEqual([])

  // A GeoPackage of several layers asks which one, by name, and imports the one chosen.
  const gpkg = renderGeoPackage(buildPublicDataset(app.services.plans.load(), META), META)
  await page.getByTestId('reference-file').setInputFiles({ name: 'county.gpkg', mimeType: 'application/geopackage+sqlite3', buffer: Buffer.from(gpkg) })
  await expect(page.getByTestId('reference-message')).toContainText('county.gpkg holds 2 feature layers')
  await page.getByTestId('reference-gpkg-layers').getByRole('button', { name: 'Use neighborhoods' }).click()
  await expect(page.getByTestId('reference-message')).toContainText('county: ')
  expect(app.services.references.list().map((l) => [l.name, l.kind, l.features])).toEqual([['county', 'areas', plan0.neighborhoods.length + 1]])
})

// A 1x1 magenta PNG: stretched over each 256 px tile, the background turns magenta.
const MAGENTA = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z/AfAAQAAf8iCjrwAAAAAElFTkSuQmCC', 'base64'))

/** Share of the map's opaque canvas pixels that are magenta (the background), under the plan's light fills. */
function magentaShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    let magenta = 0
    let all = 0
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      for (let i = 0; i < d.length; i += 4 * 97) {
        if (d[i + 3] < 200) continue
        all++
        if (d[i] > 180 && d[i + 1] < 110 && d[i + 2] > 180) magenta++
      }
    }
    return all ? magenta / all : 0
  })
}

/** Share of the map's opaque canvas pixels within 3 of a colour. */
function colourShare(page: Page, rgb: number[]): Promise<number> {
  return page.evaluate((want) => {
    let hit = 0
    let all = 0
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')) {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      for (let i = 0; i < d.length; i += 4 * 97) {
        if (d[i + 3] < 200) continue
        all++
        if (Math.abs(d[i] - want[0]) <= 3 && Math.abs(d[i + 1] - want[1]) <= 3 && Math.abs(d[i + 2] - want[2]) <= 3) hit++
      }
    }
    return all ? hit / all : 0
  }, rgb)
}

test('a PMTiles or MBTiles file on this computer (images or vector tiles) is the background map, read with no network request', async ({ app }, testInfo) => {
  const { page } = app
  const dir = mkdtempSync(join(tmpdir(), 'acp-pmtiles-'))
  try {
    const around: [number, number, number, number] = [-122.0, 37.55, -121.5, 37.85]
    const file = join(dir, 'livermore-basemap.pmtiles')
    writeFileSync(file, writePmtiles({ tileType: 2, bounds: around, metadata: { attribution: '© Livermore GIS (offline)' }, tiles: tilesCovering(around, 9, 14).map((t) => ({ ...t, data: MAGENTA })) }))
    expect(await magentaShare(page)).toBe(0)

    await page.getByTestId('about').click()
    const dialog = page.getByTestId('about-dialog')
    app.fileDialog.answers.push(file)
    await dialog.getByTestId('background-file-choose').click()
    await expect(dialog.getByTestId('background-file-message')).toHaveText('livermore-basemap.pmtiles: image tiles, zoom 9–14, now the background.')
    await expect(dialog.getByTestId('background-file-name')).toHaveText('livermore-basemap.pmtiles')
    expect(app.fileDialog.asked).toEqual([{ purpose: 'background-file' }])
    await dialog.getByRole('button', { name: 'Close' }).click()

    await expect.poll(() => magentaShare(page), { timeout: 10_000 }).toBeGreaterThan(0.5)
    await expect(page.locator('.ol-attribution')).toContainText('© Livermore GIS (offline)')
    await expect(page.getByTestId('background-problem')).toHaveCount(0)
    await page.screenshot({ path: testInfo.outputPath('background-from-pmtiles.png') })
    // Every tile came from the file through the main process: the window asked nothing of the network.
    expect(app.foreignRequests).toEqual([])
    expect(app.calls.filter((c) => c === 'tiles:get').length).toBeGreaterThan(0)
    expect(app.services.settings.get().backgroundFile).toBe(file)

    // Stopping it takes the background away again; the plan stays.
    await page.getByTestId('about').click()
    await dialog.getByTestId('background-file-clear').click()
    await expect(dialog.getByTestId('background-file-message')).toHaveText('The map file is no longer the background.')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => magentaShare(page)).toBe(0)
    expect(app.foreignRequests).toEqual([])

    // Vector tiles (an OpenMapTiles-style 'water' layer) are decoded and drawn in the window.
    const vectorFile = join(dir, 'vector.pmtiles')
    const water = squareVectorTile('water')
    writeFileSync(vectorFile, writePmtiles({ tileType: 1, bounds: around, tiles: tilesCovering(around, 9, 14).map((t) => ({ ...t, data: water })) }))
    await page.getByTestId('about').click()
    app.fileDialog.answers.push(vectorFile)
    await dialog.getByTestId('background-file-choose').click()
    await expect(dialog.getByTestId('background-file-message')).toHaveText('vector.pmtiles: vector tiles, zoom 9–14, now the background.')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => colourShare(page, [201, 220, 236]), { timeout: 10_000 }).toBeGreaterThan(0.1)
    await expect(page.getByTestId('background-problem')).toHaveCount(0)
    await page.screenshot({ path: testInfo.outputPath('background-from-vector-pmtiles.png') })
    expect(app.foreignRequests).toEqual([])

    // An MBTiles file (as tippecanoe or gdal write it) the same way: images, then gzipped vector tiles.
    const useFile = async (path: string, said: string) => {
      await page.getByTestId('about').click()
      app.fileDialog.answers.push(path)
      await dialog.getByTestId('background-file-choose').click()
      await expect(dialog.getByTestId('background-file-message')).toHaveText(said)
      await dialog.getByRole('button', { name: 'Close' }).click()
    }
    const meta = { bounds: around.join(','), minzoom: '9', maxzoom: '14', attribution: '© County GIS (MBTiles)' }
    const rasterMb = writeMbtiles(join(dir, 'county.mbtiles'), { ...meta, format: 'png' }, tilesCovering(around, 9, 14).map((t) => ({ ...t, data: MAGENTA })))
    await useFile(rasterMb, 'county.mbtiles: image tiles, zoom 9–14, now the background.')
    await expect.poll(() => magentaShare(page), { timeout: 10_000 }).toBeGreaterThan(0.5)
    expect(await colourShare(page, [201, 220, 236])).toBe(0)
    await expect(page.locator('.ol-attribution')).toContainText('© County GIS (MBTiles)')
    const park = new Uint8Array(gzipSync(squareVectorTile('park')))
    const vectorMb = writeMbtiles(join(dir, 'parks.mbtiles'), { ...meta, format: 'pbf' }, tilesCovering(around, 9, 14).map((t) => ({ ...t, data: park })))
    await useFile(vectorMb, 'parks.mbtiles: vector tiles, zoom 9–14, now the background.')
    await expect.poll(() => colourShare(page, [223, 233, 211]), { timeout: 10_000 }).toBeGreaterThan(0.1)
    expect(await magentaShare(page)).toBe(0)
    await expect(page.getByTestId('background-problem')).toHaveCount(0)
    await page.screenshot({ path: testInfo.outputPath('background-from-vector-mbtiles.png') })
    expect(app.foreignRequests).toEqual([])
    expect(app.services.settings.get().backgroundFile).toBe(vectorMb)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

/** The on-screen box (map pixels) of a geometry's corners, and the map's own size. */
async function screenBox(app: AppHandle, g: AreaGeometry): Promise<{ x0: number; y0: number; x1: number; y1: number; w: number; h: number }> {
  const pts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2)
  const px = await app.page.evaluate((ps) => ps.map((p) => window.__acpMap!.pixelOf(p[0], p[1])!), pts)
  const box = (await app.map.el.boundingBox())!
  return { x0: Math.min(...px.map((p) => p[0])), y0: Math.min(...px.map((p) => p[1])), x1: Math.max(...px.map((p) => p[0])), y1: Math.max(...px.map((p) => p[1])), w: box.width, h: box.height }
}

/** Colours of the map canvas in a square around a place on screen. */
function pixelsAround(page: Page, at: { x: number; y: number }, r: number): Promise<number[][]> {
  return page.evaluate(
    ({ x, y, r }) => {
      const c = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="map"] canvas')].find((k) => k.width > 0)!
      const scale = c.width / c.getBoundingClientRect().width
      const d = c.getContext('2d')!.getImageData(Math.round((x - r) * scale), Math.round((y - r) * scale), Math.round(2 * r * scale), Math.round(2 * r * scale)).data
      const out: number[][] = []
      for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]])
      return out
    },
    { ...at, r },
  )
}

test('the map explains itself, draws a gap hatched in red, zooms to it with its surroundings and back, and takes a commander to their area', async ({ page }, testInfo) => {
  // Jensen drawn 60 m short of Vasco, as a layer import would store it: a gap on their line.
  const app = await openApp(page, { before: (s) => importAsDrawn(s, (p) => [bulge(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), 60, 'in')]) })
  try {
    await page.getByTestId('map-key-toggle').click()
    const legend = page.getByTestId('legend')
    for (const name of ['Northeast', 'Northwest', 'South']) await expect(legend).toContainText(`${name} Area Command`)
    await expect(legend).toContainText('Vasco · 3 neighborhood · officers adopting it')
    await expect(legend).toContainText('gap, overlap or other error')
    await page.screenshot({ path: testInfo.outputPath('map-key.png') })
    await page.getByTestId('map-key-toggle').click()

    const gap = app.panels.finding('gap')
    await expect(gap).toHaveCount(1)
    const id = (await gap.getAttribute('data-finding-id'))!
    const g = app.services.validation.findings().find((f) => f.id === id)!.geometry as AreaGeometry
    const far: LonLat = [-121.82, 37.66]
    const before = await app.map.pixelOf(far[0], far[1])
    await gap.click()
    await expect(page.getByTestId('map-go-back')).toBeVisible()
    await page.waitForTimeout(600)
    // The gap is in view with ground around it: it neither fills the map nor leaves it.
    const b = await screenBox(app, g)
    expect(b.x0).toBeGreaterThan(0)
    expect(b.y0).toBeGreaterThan(0)
    expect(b.x1).toBeLessThan(b.w)
    expect(b.y1).toBeLessThan(b.h)
    expect(Math.max((b.x1 - b.x0) / b.w, (b.y1 - b.y0) / b.h)).toBeLessThan(0.6)
    // Hatched in a red no Area Command uses (stripes of pure red inside the gap), not a wash of
    // orange like Northeast's own colour.
    const inGap = await app.map.pixelOf(...(inside(g) as [number, number]))
    const colours = await pixelsAround(page, inGap, 4)
    expect(colours.filter(([r, gr, bl]) => r > 150 && gr < 40 && bl < 60).length).toBeGreaterThan(colours.length / 8)
    await page.screenshot({ path: testInfo.outputPath('finding-with-surroundings.png') })

    await page.getByTestId('map-go-back').click()
    await expect(page.getByTestId('map-go-back')).toHaveCount(0)
    await expect.poll(async () => {
      const p = await app.map.pixelOf(far[0], far[1])
      return Math.round(Math.hypot(p.x - before.x, p.y - before.y))
    }).toBeLessThanOrEqual(1)

    // A commander's "My area" fills the map with their Area Command; "Whole city" shows all three.
    await expect(page.getByTestId('view-my-area')).toBeDisabled()
    await page.getByTestId('profile-select').selectOption('commander:NE')
    await page.getByTestId('view-my-area').click()
    const ne = app.services.plans.load().areas.find((a) => a.id === 'NE')!.geometry
    await expect.poll(async () => {
      const a = await screenBox(app, ne)
      return Math.max((a.x1 - a.x0) / a.w, (a.y1 - a.y0) / a.h) > 0.8 && a.x0 >= 0 && a.y0 >= 0 && a.x1 <= a.w && a.y1 <= a.h
    }).toBe(true)
    await page.getByTestId('view-whole-city').click()
    const city = app.services.plans.load().city!.geometry
    await expect.poll(async () => {
      const c = await screenBox(app, city)
      return c.x0 >= 0 && c.y0 >= 0 && c.x1 <= c.w && c.y1 <= c.h
    }).toBe(true)
  } finally {
    await page.close().catch(() => {})
    app.services.cleanup()
  }
})

type Box = [number, number, number, number]
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]

test('labels never collide: the selected neighborhood is always named, then the commander’s own area, and none hides under the scale bar', async ({ app }, testInfo) => {
  const { page } = app
  const plan = app.services.plans.load()
  const menu = (command: string) => page.evaluate((c) => window.__acpMenu!(c), command)
  /** The whole city one zoom step out, where labels crowd each other; the labels drawn there. */
  const crowded = async () => {
    await menu('zoom-fit')
    await menu('zoom-out')
    await page.waitForTimeout(500)
    await app.map.settle()
    return app.map.labels()
  }
  const neNames = (ls: { kind: string; id: string }[]) => ls.filter((l) => l.kind === 'neighborhood' && plan.neighborhoods.find((n) => n.id === l.id)!.areaId === 'NE').length

  // Administration: some neighborhoods' names give way; no two drawn labels overlap.
  const admin = await crowded()
  const hidden = plan.neighborhoods.filter((n) => !admin.some((l) => l.id === n.id))
  expect(hidden.length).toBeGreaterThan(2)
  for (const [i, a] of admin.entries()) for (const b of admin.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.name} over ${b.name}`).toBe(false)

  // The Northeast commander sees more of Northeast's names at the same view, others giving way.
  await page.getByTestId('profile-select').selectOption('commander:NE')
  const commander = await crowded()
  expect(neNames(commander)).toBeGreaterThan(neNames(admin))
  await page.getByTestId('profile-select').selectOption('admin')
  expect(await crowded()).toEqual(admin)

  // A neighborhood whose name gave way is named once selected, over whatever label stood there
  // (an Area Command's name too); the labels it displaces are no longer drawn.
  const areaLabels = admin.filter((l) => l.kind === 'area')
  const centre = (b: Box) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]
  const distance = async (n: (typeof hidden)[number]) => {
    const p = await app.map.pixelOf(...(inside(n.geometry) as [number, number]))
    return Math.min(...areaLabels.map((l) => Math.hypot(centre(l.box)[0] - p.x, centre(l.box)[1] - p.y)))
  }
  const byDistance = await Promise.all(hidden.map(async (n) => ({ n, d: await distance(n) })))
  const pick = byDistance.sort((a, b) => a.d - b.d)[0].n
  await app.map.clickAt(...(inside(pick.geometry) as [number, number]))
  await expect(app.panels.tree.locator('li.selected')).toContainText(pick.name)
  const selected = await crowded()
  const own = selected.find((l) => l.id === pick.id)
  expect(own, `${pick.name} is named once selected`).toBeTruthy()
  const displaced = admin.filter((l) => overlaps(l.box, own!.box))
  expect(displaced.length).toBeGreaterThan(0)
  for (const d of displaced) expect(selected.some((l) => l.id === d.id), `${d.name} gives way to ${pick.name}`).toBe(false)
  expect(displaced.some((l) => l.kind === 'area')).toBe(true)
  await page.screenshot({ path: testInfo.outputPath('labels-selected-first.png') })

  // The scale bar and the map key laid over the map keep their ground: a label dragged under
  // either is not drawn there.
  await page.keyboard.press('Escape')
  const mapBox = (await app.map.el.boundingBox())!
  const onMap = async (what: string, el: ReturnType<typeof page.locator>): Promise<{ what: string; box: Box }> => {
    const b = (await el.boundingBox())!
    return { what, box: [b.x - mapBox.x, b.y - mapBox.y, b.x - mapBox.x + b.width, b.y - mapBox.y + b.height] }
  }
  for (const [what, el] of [['the scale bar', page.locator('.ol-scale-line')], ['the map key', page.getByTestId('map-key')]] as const) {
    await menu('zoom-fit')
    await page.waitForTimeout(300)
    await app.map.settle()
    // Measured at this zoom: the scale bar's width follows it.
    const target = await onMap(what, el)
    const moved = (await app.map.labels()).find((l) => l.kind === 'neighborhood')!
    // Where its label would stand, followed through a fixed place on the map while the map is dragged.
    const ref: LonLat = [-121.76, 37.69]
    const r0 = await app.map.pixelOf(...ref)
    const [ox, oy] = [centre(moved.box)[0] - r0.x, centre(moved.box)[1] - r0.y]
    const [tx, ty] = centre(target.box)
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = await app.map.pixelOf(...ref)
      const [fx, fy] = [r.x + ox, r.y + oy]
      if (Math.hypot(tx - fx, ty - fy) < 4) break
      // Drag from the middle of the map (clear of the controls) by the distance still to go.
      const [sx, sy] = [mapBox.width / 2, mapBox.height / 2]
      await page.mouse.move(mapBox.x + sx, mapBox.y + sy)
      await page.mouse.down()
      for (let i = 1; i <= 8; i++) await page.mouse.move(mapBox.x + sx + ((tx - fx) * i) / 8, mapBox.y + sy + ((ty - fy) * i) / 8)
      await page.waitForTimeout(300)
      await page.mouse.up()
      await page.waitForTimeout(300)
    }
    const r1 = await app.map.pixelOf(...ref)
    expect(Math.hypot(r1.x + ox - tx, r1.y + oy - ty), `${moved.name}'s label place is on ${target.what}`).toBeLessThan(6)
    await app.map.settle()
    const dragged = await app.map.labels()
    expect(dragged.length).toBeGreaterThan(3)
    for (const l of dragged) expect(overlaps(l.box, target.box), `${l.name} under ${target.what}`).toBe(false)
    await page.screenshot({ path: testInfo.outputPath(`labels-clear-of-${target.what.replace(/^the /, '').replace(' ', '-')}.png`) })
  }

  // A neighborhood changed in this session says so on a second line of its own label, decluttered
  // with it, not as a loose word drawn over other names.
  await menu('zoom-fit')
  await page.waitForTimeout(300)
  await app.map.settle()
  const lineHeight = (l: { box: Box }) => l.box[3] - l.box[1]
  const plain = (await app.map.labels()).find((l) => l.id === 'NE-jensen')!
  await app.panels.neighborhoodButton('NE-jensen').click()
  await page.getByTestId('rename-input').fill('Jensen Park')
  await page.getByTestId('rename-confirm').click()
  await expect.poll(async () => {
    const l = (await app.map.labels()).find((x) => x.id === 'NE-jensen')
    return l ? lineHeight(l) / lineHeight(plain) : 0
  }).toBeGreaterThan(1.6)

  // An import's preview of many small units (two clusters of 25 at opposite ends of the city)
  // names as many as fit, never one over another.
  const square = (lon: number, lat: number) => [[[lon, lat], [lon + 0.0004, lat], [lon + 0.0004, lat + 0.0003], [lon, lat + 0.0003], [lon, lat]]]
  const units = [[-121.8, 37.66], [-121.72, 37.71]].flatMap(([lon, lat], c) =>
    Array.from({ length: 25 }, (_, i) => ({
      type: 'Feature',
      properties: { NBHD_ID: `U${c}-${i}`, NBHD_NAME: `Unit ${c}-${i}`, DISTRICT: 'NE' },
      geometry: { type: 'Polygon', coordinates: square(lon + (i % 5) * 0.0006, lat + Math.floor(i / 5) * 0.0005) },
    })),
  )
  await page.getByTestId('import-open').click()
  await page.getByTestId('import-layer-neighborhoods').check()
  await page.getByTestId('import-file').setInputFiles({ name: 'small-units.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: units })) })
  await expect(app.map.el).toHaveAttribute('data-import-preview-count', '50')
  await page.waitForTimeout(300)
  await app.map.settle()
  const preview = await app.map.labels()
  const named = preview.filter((l) => l.kind === 'other')
  expect(named.length).toBeGreaterThan(1)
  expect(named.length).toBeLessThan(50)
  for (const [i, a] of preview.entries()) for (const b of preview.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.name} over ${b.name}`).toBe(false)
  await page.screenshot({ path: testInfo.outputPath('labels-import-preview.png') })
})
