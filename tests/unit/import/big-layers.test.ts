import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { ImportError, parseLayerBuffer, type ImportProgress } from '../../../src/main/import/parse-layer'
import { readGeoJson } from '../../../src/main/import/read-geojson'
import { finishLayer } from '../../../src/main/import/finish-layer'
import { sampleKml, sampleShapefileZip } from './helpers/sample-layer'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

/** n unit squares in a row, each its own id: enough features that reading them takes several pauses. */
function squares(n: number, extra = ''): string {
  const features: string[] = []
  for (let i = 0; i < n; i++) {
    const x = -88 + i * 0.001
    const ring = [[x, 41], [x + 0.001, 41], [x + 0.001, 41.001], [x, 41.001], [x, 41]].map(([a, b]) => `[${a.toFixed(7)},${b.toFixed(7)}]`).join(',')
    features.push(`{"type":"Feature","properties":{"ID":"S${i}","N":${i}},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}`)
  }
  return `{"type":"FeatureCollection",${extra}"features":[\n${features.join(',\n')}\n]}`
}

describe('a big GeoJSON is read feature by feature', () => {
  it('gives the same layer as reading the whole file at once', async () => {
    const text = squares(500, '"name":"beats","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},')
    const streamed = await parseLayerBuffer('beats.geojson', bytes(text))
    const whole = await finishLayer('beats.geojson', readGeoJson('beats.geojson', bytes(text)), {})
    expect(streamed).toEqual(whole)
    expect(streamed.features).toHaveLength(500)
    expect(streamed.fields).toEqual(['ID', 'N'])
  })

  it('reports real progress while reading and checking, and stops with nothing returned when cancelled', async () => {
    const text = bytes(squares(60_000))
    const seen: ImportProgress[] = []
    const layer = await parseLayerBuffer('parcels.geojson', text, { onProgress: (p) => seen.push(p) })
    expect(layer.features).toHaveLength(60_000)
    const reading = seen.filter((p) => p.phase === 'reading')
    expect(reading.at(-1)).toEqual({ phase: 'reading', features: 60_000, totalFeatures: null, bytes: text.length, totalBytes: text.length })
    const checking = seen.filter((p) => p.phase === 'checking')
    expect(checking.at(-1)).toMatchObject({ features: 60_000, totalFeatures: 60_000 })
    // The counts only go forward.
    for (let i = 1; i < reading.length; i++) expect(reading[i].bytes).toBeGreaterThanOrEqual(reading[i - 1].bytes)

    const abort = new AbortController()
    const stopped = parseLayerBuffer('parcels.geojson', text, { signal: abort.signal, onProgress: (p) => p.phase === 'reading' && abort.abort() })
    await expect(stopped).rejects.toMatchObject({ code: 'cancelled', message: 'Importing parcels.geojson was cancelled; nothing was stored' })
  })

  it('still words a syntax error by line and column, and a bad feature before a bad geometry', async () => {
    const broken = squares(3).replace('"ID":"S1"', '"ID" "S1"')
    await expect(parseLayerBuffer('beats.geojson', bytes(broken))).rejects.toMatchObject({ code: 'malformed-json', details: { file: 'beats.geojson', line: 3 } })
    const both = squares(3).replace('"type":"Polygon","coordinates":[[[-88.0000000', '"type":"Point","coordinates":[[[-88.0000000').replace(/\{"type":"Feature","properties":\{"ID":"S2"[^\n]*\}\}/, '42')
    await expect(parseLayerBuffer('beats.geojson', bytes(both))).rejects.toThrow('beats.geojson: feature 2 is not a GeoJSON Feature')
  })
})

describe('layers too big to hold in memory are refused before they are unpacked, naming the limit', () => {
  it('a zipped Shapefile whose .shp is over the limit', async () => {
    const zip = sampleShapefileZip()
    const e = await parseLayerBuffer('parcels.zip', zip, { maxShpBytes: 100 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ImportError)
    expect((e as ImportError).code).toBe('layer-too-large')
    expect((e as ImportError).message).toMatch(/^parcels\.zip: .+\.shp is 0 MB of geometry; the import limit is 0 MB .*refused without unpacking it/)
    // Under the limit the same file reads.
    await expect(parseLayerBuffer('parcels.zip', zip)).resolves.toMatchObject({ format: 'shapefile' })
  })

  it('a KML document or the one inside a KMZ over the limit', async () => {
    const kml = bytes(sampleKml())
    await expect(parseLayerBuffer('beats.kml', kml, { maxKmlBytes: 1000 })).rejects.toThrow(
      /^beats\.kml: the document is 0 MB; the import limit for KML is 0 MB, so it is refused without reading it/,
    )
    const kmz = zipSync({ 'doc.kml': kml })
    await expect(parseLayerBuffer('beats.kmz', kmz, { maxKmlBytes: 1000 })).rejects.toMatchObject({ code: 'layer-too-large' })
    await expect(parseLayerBuffer('beats.kmz', kmz)).resolves.toMatchObject({ format: 'kml' })
  })
})
