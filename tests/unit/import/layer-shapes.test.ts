import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ImportError, parseLayerBuffer, parseLayerFile } from '../../../src/main/import/parse-layer'
import { maxVertexDistance, sampleGeoJson, sampleKml, SAMPLE_FEATURES } from './helpers/sample-layer'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('layer shapes and file handling', () => {
  it('reads a bare Polygon and a single Feature as one-feature layers', async () => {
    const bare = await parseLayerBuffer('city.json', bytes(JSON.stringify(SAMPLE_FEATURES[0].geometry)))
    expect(bare.features).toHaveLength(1)
    expect(bare.fields).toEqual([])
    const one = await parseLayerBuffer('city.geojson', bytes(JSON.stringify({ type: 'Feature', properties: { NAME: 'Livermore' }, geometry: SAMPLE_FEATURES[1].geometry })))
    expect(one.features[0].properties).toEqual({ NAME: 'Livermore' })
    expect(one.features[0].geometry.type).toBe('MultiPolygon')
  })

  it('treats a CRS84 crs member as plain lon/lat', async () => {
    const layer = await parseLayerBuffer('b.geojson', bytes(sampleGeoJson({ crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } })))
    expect(layer.crs).toBe('OGC:CRS84')
    expect(maxVertexDistance(layer.features[0].geometry, SAMPLE_FEATURES[0].geometry)).toBe(0)
  })

  it('recognizes content when the extension says nothing, and reads a KMZ', async () => {
    const sniffed = await parseLayerBuffer('download', bytes(sampleKml()))
    expect(sniffed.format).toBe('kml')
    const kmz = await parseLayerBuffer('beats.kmz', zipSync({ 'doc.kml': bytes(sampleKml()) }))
    expect(kmz.features).toHaveLength(2)
  })

  it('keeps a KML whose description holds HTML with a DOCTYPE inside CDATA', async () => {
    const kml = sampleKml().replace('<name>Downtown</name>', '<name>Downtown</name><description><![CDATA[<!DOCTYPE html><p>Beat 0411</p>]]></description>')
    const layer = await parseLayerBuffer('beats.kml', bytes(kml))
    expect(layer.features[0].properties.description).toContain('Beat 0411')
  })

  it('reads a file from disk and names only its base name in messages', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-file-'))
    try {
      const p = path.join(dir, 'beats.geojson')
      fs.writeFileSync(p, sampleGeoJson())
      const layer = await parseLayerFile(p)
      expect(layer.file).toBe('beats.geojson')
      expect(layer.features).toHaveLength(2)
      const missing = await parseLayerFile(path.join(dir, 'nope.geojson')).catch((e: ImportError) => e)
      expect(missing).toBeInstanceOf(ImportError)
      expect((missing as ImportError).message).toBe('nope.geojson cannot be opened: it does not exist')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
