import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Polygon } from '../../../src/shared/domain'
import { fitFrame, labelPoint, scaleBar } from '../../../src/main/print/map-frame'
import { renderRollCall } from '../../../src/main/print/roll-call-pdf'
import type { RollCallSheet } from '../../../src/main/print/roll-call-sheet'

const dir = mkdtempSync(join(tmpdir(), 'acp-rollcall-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function poppler(bytes: Uint8Array, name: string): { info: string; text: string } {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return { info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) }
}

const square = (x: number, y: number, s: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] })

function sheet(hoods: number, officersEach: number, name = (i: number) => `Neighborhood ${i + 1}`): RollCallSheet {
  return {
    title: 'Test Area Command — roll-call map',
    areaId: 'T',
    areaGeometry: square(-100, 40, 0.1),
    neighborhoods: Array.from({ length: hoods }, (_, i) => ({
      id: `n${i}`,
      name: name(i),
      color: '#56b4e9',
      geometry: square(-100 + (i % 6) * 0.015, 40 + Math.floor(i / 6) * 0.015, 0.015),
      officers: Array.from({ length: officersEach }, (_, k) => `Officer Number${i * 100 + k} — Day`),
    })),
    commander: 'Lieutenant A. Commander',
    planLine: 'Plan version 2, effective 2026-01-01',
    printedOn: '2026-12-04',
    department: 'Test Police Department',
    notAdopting: [],
    units: 'metric',
  }
}

describe('roll-call page', () => {
  it('keeps a long list on one page: smaller type, then two columns', async () => {
    const { info, text } = poppler(await renderRollCall(sheet(12, 6), 'letter'), 'long.pdf')
    expect(info).toMatch(/^Pages:\s+1$/m)
    // 12 × 6 officers and 12 headings do not fit one column of readable type: every one is still there.
    for (let i = 0; i < 12; i++) for (let k = 0; k < 6; k++) expect(text).toContain(`Officer Number${i * 100 + k}`)
  })

  it('past what two columns of the smallest type hold, leaves lines out and says how many', async () => {
    const { info, text } = poppler(await renderRollCall(sheet(36, 12), 'a4'), 'huge.pdf')
    expect(info).toMatch(/^Pages:\s+1$/m)
    const m = /and (\d+) more lines not shown/.exec(text)
    expect(m).not.toBeNull()
    const shown = (text.match(/Officer Number\d+/g) ?? []).length
    // Every line is either shown or counted (36 headings + 432 officers + the commander).
    const headings = (text.match(/Neighborhood \d+/g) ?? []).length
    expect(shown + Number(m![1])).toBeGreaterThanOrEqual(432 + 37 - headings)
  })

  it('writes names the standard fonts cannot encode as their base letters, or ?', async () => {
    const { text } = poppler(await renderRollCall(sheet(2, 1, (i) => (i ? 'Łódź Heights' : 'Café 北区')), 'letter'), 'names.pdf')
    expect(text).toContain('Lódz Heights')
    expect(text).toContain('Café ??')
  })
})

describe('map frame', () => {
  it('scale bars are round lengths that fit', () => {
    // 0.01 pt per metre: 200 pt is 20 km.
    expect(scaleBar(0.01, 200, 'metric')).toEqual({ pt: 200, label: '20 km' })
    expect(scaleBar(0.01, 150, 'metric')).toEqual({ pt: 100, label: '10 km' })
    expect(scaleBar(1, 300, 'metric')).toEqual({ pt: 200, label: '200 m' })
    const mi = scaleBar(0.01, 200, 'us')
    expect(mi.label).toBe('10 mi')
    expect(mi.pt).toBeCloseTo(160.9344, 3)
    expect(scaleBar(0.1, 100, 'us').label).toBe('0.5 mi')
    expect(scaleBar(1, 100, 'us').label).toBe('200 ft')
  })

  it('the local projection keeps ground distances: 1 km east and 1 km north are the same length on the page', () => {
    const lat = 60
    const dLat = 1000 / 111195.08
    const dLon = dLat / Math.cos((lat * Math.PI) / 180)
    // The projection is true at the middle latitude of what it frames.
    const f = fitFrame([square(10, lat - 0.025, 0.05)], { x: 0, y: 0, w: 500, h: 500 })
    const o = f.toPage([10, lat])
    const e = f.toPage([10 + dLon, lat])
    const n = f.toPage([10, lat + dLat])
    expect(e[0] - o[0]).toBeCloseTo(n[1] - o[1], 1)
    expect(e[0] - o[0]).toBeCloseTo(1000 * f.ptPerM, 1)
  })

  it('a label lands inside an L-shaped neighborhood, where its centroid would not', () => {
    const L: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]] }
    const [x, y] = labelPoint(L)!
    const inside = (x > 0 && x < 10 && y > 0 && y < 1) || (x > 0 && x < 1 && y > 0 && y < 10)
    expect(inside).toBe(true)
  })
})
