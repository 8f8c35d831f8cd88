import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseInChild, workerThreadChild } from '../../../src/main/import/parse-off-thread'
import { parseLayerFile } from '../../../src/main/import/parse-layer'

const dir = mkdtempSync(join(tmpdir(), 'acp-packed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sq = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]
const hole = (x: number, y: number, s: number) => [...sq(x, y, s)].reverse()

describe('features read in the parse worker', () => {
  it('reach the main thread as the same layer the parser reads in-process: polygons with holes, multipolygons, properties of every kind', async () => {
    const features = [
      { type: 'Feature', properties: { ID: 'A', n: 1, nested: { k: [1, 'x', null] } }, geometry: { type: 'Polygon', coordinates: [sq(-121.9, 37.5, 0.01), hole(-121.897, 37.503, 0.002)] } },
      { type: 'Feature', properties: { ID: 'B', flag: true }, geometry: { type: 'MultiPolygon', coordinates: [[sq(-121.8, 37.5, 0.01)], [sq(-121.7, 37.5, 0.01), hole(-121.697, 37.503, 0.001)], [sq(-121.6, 37.6, 0.0000000012345)]] } },
      { type: 'Feature', properties: { ID: 'C', z: 'dropped Z' }, geometry: { type: 'Polygon', coordinates: [sq(-121.5, 37.5, 0.01).map(([x, y]) => [x, y, 12.5])] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[sq(-121.123456789, 37.987654321, 0.03)]] } },
    ]
    const file = join(dir, 'shapes.geojson')
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }))
    const inProcess = await parseLayerFile(file)
    const inWorker = await parseInChild(workerThreadChild, file)
    expect(inWorker.features).toHaveLength(4)
    expect(inWorker.features[1].geometry.type).toBe('MultiPolygon')
    expect(inWorker).toEqual(inProcess)
  })
})
