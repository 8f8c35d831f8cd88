import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportError, parseLayerBuffer, parseLayerFile } from '../../../src/main/import/parse-layer'
import { writeDbf } from './helpers/shapefile-writer'
import { craftZip, zerosDeflate } from './helpers/zip-bomb'
import { sampleKml } from './helpers/sample-layer'

const dbf = writeDbf([{ name: 'ID', type: 'C', length: 4 }], [{ ID: '1' }])

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run()
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
    return e as ImportError
  }
  throw new Error('accepted')
}

afterEach(() => vi.restoreAllMocks())

describe('files too large to import are refused before they fill memory', () => {
  it('refuses a 200 MB file by its size without reading it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-big-'))
    const big = path.join(dir, 'county.geojson')
    try {
      fs.writeFileSync(big, '')
      fs.truncateSync(big, 200 * 1024 * 1024) // sparse: takes no disk and no time
      const readFile = vi.spyOn(fs.promises, 'readFile')
      const open = vi.spyOn(fs.promises, 'open')
      const e = await refusal(() => parseLayerFile(big))
      expect(e.code).toBe('file-too-large')
      expect(e.message).toBe('county.geojson is 200 MB; the import limit is 100 MB')
      expect(readFile).not.toHaveBeenCalled()
      expect(open).not.toHaveBeenCalled()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('honours a smaller limit for buffers too', async () => {
    const e = await refusal(() => parseLayerBuffer('a.geojson', new Uint8Array(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 }))
    expect(e.message).toBe('a.geojson is 3 MB; the import limit is 2 MB')
  })
})

describe('zip bombs', () => {
  it('the crafted stream really is 600 MB of zeros in well under 1 MB (checked on a 3 MB version)', () => {
    const small = craftZip('x.bin', zerosDeflate(3), 3 * 1024 * 1024)
    const out = unzipSync(small)['x.bin']
    expect(out.length).toBe(3 * 1024 * 1024)
    expect(out.every((b) => b === 0)).toBe(true)
    expect(zerosDeflate(600).length).toBeLessThan(1024 * 1024)
  })

  it('refuses a zip whose entries declare 600 MB, without inflating anything', async () => {
    const zip = craftZip('layer.shp', zerosDeflate(600), 600 * 1024 * 1024, { 'layer.dbf': dbf })
    const e = await refusal(() => parseLayerBuffer('bomb.zip', zip))
    expect(e.code).toBe('zip-too-large')
    expect(e.message).toBe('bomb.zip would uncompress to 600 MB; the limit is 500 MB, so the zip is refused without unpacking it')
  })

  it('stops inflating a 600 MB entry whose header lies that it holds 1 KB', async () => {
    const zip = craftZip('layer.shp', zerosDeflate(600), 1024, { 'layer.dbf': dbf })
    // Refused for passing its declared size (at the first 4 KB past 1 KB), not for the whole 600 MB; speed is bench territory, not a test's.
    const e = await refusal(() => parseLayerBuffer('bomb.zip', zip))
    expect(e.code).toBe('zip-too-large')
    expect(e.message).toBe('bomb.zip: layer.shp uncompresses to more than the 1024 bytes its header declares; the zip is refused for safety')
  })

  it('inflates an honest entry under the limit and then judges what it holds', async () => {
    const zip = craftZip('layer.shp', zerosDeflate(8), 8 * 1024 * 1024, { 'layer.dbf': dbf })
    const e = await refusal(() => parseLayerBuffer('zeros.zip', zip, { maxUncompressedBytes: 9 * 1024 * 1024 }))
    expect(e.code).toBe('bad-shp')
    expect(e.message).toBe('zeros.zip: layer.shp is not a readable Shapefile (wrong file code)')
  })
})

describe('KML with entity declarations', () => {
  it('refuses an external entity (XXE) and never reads the file it names', async () => {
    const kml = sampleKml({ prologue: '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' }).replace('<name>Beats</name>', '<name>&xxe;</name>')
    const readFileSync = vi.spyOn(fs, 'readFileSync')
    const openSync = vi.spyOn(fs, 'openSync')
    const readFile = vi.spyOn(fs.promises, 'readFile')
    const e = await refusal(() => parseLayerBuffer('beats.kml', new TextEncoder().encode(kml)))
    expect(e.code).toBe('kml-doctype')
    expect(e.message).toBe('beats.kml declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety')
    const touched = [...readFileSync.mock.calls, ...openSync.mock.calls, ...readFile.mock.calls].map((c) => String(c[0]))
    expect(touched.filter((p) => p.includes('passwd'))).toEqual([])
    expect(e.message).not.toMatch(/root:/)
  })

  it('refuses an internal entity too (billion laughs)', async () => {
    const kml = sampleKml({ prologue: '<!DOCTYPE kml [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n' })
    const e = await refusal(() => parseLayerBuffer('beats.kml', new TextEncoder().encode(kml)))
    expect(e.code).toBe('kml-doctype')
  })
})
