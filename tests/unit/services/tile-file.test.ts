import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { openTileFile } from '../../../src/main/services/tile-file'
import { openServices } from '../../helpers/services-per-test'
import { tilesCovering, writePmtiles } from '../../helpers/pmtiles-writer'
import { writeMbtiles } from '../../helpers/mbtiles-writer'

const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'))
const LIVERMORE: [number, number, number, number] = [-121.85, 37.62, -121.69, 37.74]
const dir = mkdtempSync(join(tmpdir(), 'acp-tilefile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pmtilesFile(name: string): string {
  const path = join(dir, name)
  writeFileSync(path, writePmtiles({ tileType: 2, bounds: LIVERMORE, metadata: { attribution: '© County GIS' }, tiles: tilesCovering(LIVERMORE, 10, 13).map((t) => ({ ...t, data: PNG })) }))
  return path
}

/** An MBTiles file with the metadata tippecanoe writes. */
function mbtilesFile(name: string, format: string, tiles: { z: number; x: number; y: number; data: Uint8Array }[]): string {
  return writeMbtiles(join(dir, name), { format, minzoom: '12', maxzoom: '14', bounds: LIVERMORE.join(','), attribution: 'City of Livermore' }, tiles)
}

describe('background map from a file', () => {
  it('reads a PMTiles file of images: what it holds, its tiles by zoom/x/y, nothing outside it', async () => {
    const f = await openTileFile(pmtilesFile('livermore.pmtiles'))
    try {
      expect(f.info).toMatchObject({ name: 'livermore.pmtiles', format: 'pmtiles', kind: 'raster', contentType: 'image/png', minZoom: 10, maxZoom: 13, attribution: '© County GIS' })
      expect(f.info.bounds).toEqual(LIVERMORE)
      const inside = tilesCovering(LIVERMORE, 12, 12)[0]
      expect(await f.tile(inside.z, inside.x, inside.y)).toEqual(PNG)
      expect(await f.tile(12, 0, 0)).toBeNull()
      expect(await f.tile(15, inside.x * 4, inside.y * 4)).toBeNull()
    } finally {
      await f.close()
    }
  })

  it('finds an MBTiles tile by its TMS row and unzips vector tiles', async () => {
    const [t] = tilesCovering(LIVERMORE, 13, 13)
    const raster = await openTileFile(mbtilesFile('raster.mbtiles', 'png', [{ ...t, data: PNG }]))
    expect(raster.info).toMatchObject({ format: 'mbtiles', kind: 'raster', contentType: 'image/png', minZoom: 12, maxZoom: 14, attribution: 'City of Livermore' })
    expect(await raster.tile(t.z, t.x, t.y)).toEqual(PNG)
    // The same numbers read as a TMS row are another tile: none there.
    expect(await raster.tile(t.z, t.x, 2 ** t.z - 1 - t.y)).toBeNull()
    await raster.close()

    const pbf = new Uint8Array([0x1a, 0x02, 0x78, 0x01])
    const vector = await openTileFile(mbtilesFile('vector.mbtiles', 'pbf', [{ ...t, data: new Uint8Array(gzipSync(pbf)) }]))
    expect(vector.info).toMatchObject({ kind: 'vector', contentType: 'application/vnd.mapbox-vector-tile' })
    expect(await vector.tile(t.z, t.x, t.y)).toEqual(pbf)
    await vector.close()
  })

  it('refuses what is not a map file, naming it and why', async () => {
    writeFileSync(join(dir, 'notes.pmtiles'), 'hello')
    await expect(openTileFile(join(dir, 'notes.pmtiles'))).rejects.toThrow('notes.pmtiles is neither a PMTiles nor an MBTiles map file; export the background map as .pmtiles or .mbtiles.')
    await expect(openTileFile(join(dir, 'gone.mbtiles'))).rejects.toThrow('gone.mbtiles cannot be opened as a background map: it does not exist.')
    const plain = new Database(join(dir, 'plain.mbtiles'))
    plain.exec('CREATE TABLE t (a)')
    plain.close()
    await expect(openTileFile(join(dir, 'plain.mbtiles'))).rejects.toThrow('plain.mbtiles is an SQLite database but not an MBTiles map: it has no "tiles" table.')
  })

  it('serves tiles from the file set as background, with no network request, and keeps the tile URL', async () => {
    const fetched: string[] = []
    const { s, dispatch } = openServices({ seed: false })
    s.settings.set({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' })
    // The harness services fetch with Node's fetch; count any call through the tile URL path instead.
    const realFetch = globalThis.fetch
    globalThis.fetch = (async (u: string) => {
      fetched.push(String(u))
      throw new Error('offline')
    }) as typeof fetch
    try {
      const path = pmtilesFile('bg.pmtiles')
      expect(await dispatch('tiles:setFile', { path: join(dir, 'missing.pmtiles') })).toMatchObject({ ok: false, error: { message: 'missing.pmtiles cannot be opened as a background map: it does not exist.' } })
      expect(s.settings.get().backgroundFile).toBeNull()
      expect(await dispatch('tiles:setFile', { path })).toMatchObject({ ok: true, value: { settings: { backgroundFile: path, tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' }, info: { kind: 'raster' } } })
      const t = tilesCovering(LIVERMORE, 12, 12)[0]
      expect(await dispatch('tiles:get', t)).toEqual({ ok: true, value: { bytes: PNG, contentType: 'image/png' } })
      expect(await dispatch('tiles:get', { z: 12, x: 0, y: 0 })).toEqual({ ok: true, value: { bytes: new Uint8Array(0), contentType: 'image/png' } })
      expect(await dispatch('tiles:info', undefined)).toMatchObject({ ok: true, value: { name: 'bg.pmtiles' } })
      expect(fetched).toEqual([])
      // Cleared, the tile URL applies again.
      await dispatch('tiles:setFile', { path: null })
      expect(await dispatch('tiles:info', undefined)).toEqual({ ok: true, value: null })
      expect(s.settings.get().tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png')
    } finally {
      globalThis.fetch = realFetch
    }
  })
})
