import Database from 'better-sqlite3'
import { open, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles'
import type { TileFileInfo } from '../../shared/ipc/features/tiles-contract'
import { bindingOption } from '../db/sqlite-binding'
import { AppError } from './app-error'

/** A background map read from a file on this computer: no server, no network. */
export interface TileFile {
  info: TileFileInfo
  /** The tile's bytes (vector tiles unzipped), or null where the file has none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>
  close(): Promise<void>
}

const RASTER_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' }
const VECTOR_TYPE = 'application/vnd.mapbox-vector-tile'

/** PMTiles reads byte ranges; here they come from the file, never over the network. */
class FileRangeSource implements Source {
  constructor(
    private readonly fh: FileHandle,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await this.fh.read(buf, 0, length, offset)
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) as ArrayBuffer }
  }
}

const unzipped = (b: Uint8Array): Uint8Array => (b.length > 2 && b[0] === 0x1f && b[1] === 0x8b ? new Uint8Array(gunzipSync(b)) : b)

async function openPmtiles(path: string, name: string, fh: FileHandle): Promise<TileFile> {
  const archive = new PMTiles(new FileRangeSource(fh, path))
  let header
  let meta: { attribution?: unknown; name?: unknown } = {}
  try {
    header = await archive.getHeader()
    meta = ((await archive.getMetadata()) ?? {}) as typeof meta
  } catch (e) {
    await fh.close()
    throw new AppError('background-file-damaged', `${name} could not be read as a PMTiles map: ${(e as Error).message}.`)
  }
  const ext = { [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp', [TileType.Avif]: 'avif' }[header.tileType as number]
  if (header.tileType !== TileType.Mvt && !ext) {
    await fh.close()
    throw new AppError('background-file-type', `${name} holds tiles of a kind the map cannot draw (PMTiles tile type ${header.tileType}); use PNG, JPEG or WebP images, or Mapbox vector tiles.`)
  }
  const vector = header.tileType === TileType.Mvt
  const bounds: [number, number, number, number] | null = header.minLon < header.maxLon && header.minLat < header.maxLat ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null
  return {
    info: {
      file: path,
      name,
      format: 'pmtiles',
      kind: vector ? 'vector' : 'raster',
      contentType: vector ? VECTOR_TYPE : RASTER_TYPES[ext!],
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      bounds,
      attribution: typeof meta.attribution === 'string' && meta.attribution.trim() ? meta.attribution.trim() : null,
    },
    async tile(z, x, y) {
      const r = await archive.getZxy(z, x, y)
      return r ? unzipped(new Uint8Array(r.data)) : null
    },
    close: () => fh.close(),
  }
}

function openMbtiles(path: string, name: string): TileFile {
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...bindingOption() })
  } catch (e) {
    throw new AppError('background-file-damaged', `${name} could not be opened as an MBTiles map: ${(e as Error).message}.`)
  }
  const fail = (message: string): never => {
    db.close()
    throw new AppError('background-file-damaged', `${name} ${message}`)
  }
  const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')").get(t)
  if (!has('tiles')) fail('is an SQLite database but not an MBTiles map: it has no "tiles" table.')
  const meta = new Map<string, string>()
  if (has('metadata')) for (const r of db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]) meta.set(String(r.name).toLowerCase(), String(r.value))
  const tileStmt = db.prepare<[number, number, number], { tile_data: Buffer }>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
  const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null }
  if (zooms.lo === null || zooms.hi === null) fail('holds no tiles.')
  let format = (meta.get('format') ?? '').toLowerCase()
  if (!format) {
    // No format in the metadata: tell by the first tile's bytes.
    const first = db.prepare('SELECT tile_data FROM tiles LIMIT 1').get() as { tile_data: Buffer }
    const b = first.tile_data
    format = b[0] === 0x89 && b[1] === 0x50 ? 'png' : b[0] === 0xff && b[1] === 0xd8 ? 'jpg' : b.subarray(8, 12).toString('latin1') === 'WEBP' ? 'webp' : 'pbf'
  }
  const vector = format === 'pbf' || format === 'mvt'
  if (!vector && !RASTER_TYPES[format]) fail(`holds tiles of format "${format}", which the map cannot draw; use png, jpg, webp or pbf (vector) tiles.`)
  const b = (meta.get('bounds') ?? '').split(',').map(Number)
  const bounds: [number, number, number, number] | null = b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3] ? [b[0], b[1], b[2], b[3]] : null
  const num = (k: string, fallback: number) => (Number.isInteger(Number(meta.get(k))) && meta.get(k) !== '' && meta.has(k) ? Number(meta.get(k)) : fallback)
  return {
    info: {
      file: path,
      name,
      format: 'mbtiles',
      kind: vector ? 'vector' : 'raster',
      contentType: vector ? VECTOR_TYPE : RASTER_TYPES[format],
      minZoom: num('minzoom', zooms.lo!),
      maxZoom: num('maxzoom', zooms.hi!),
      bounds,
      attribution: meta.get('attribution')?.trim() || null,
    },
    async tile(z, x, y) {
      return mbtilesTile(tileStmt, z, x, y)
    },
    close: async () => void db.close(),
  }
}

/** MBTiles rows count from the south (TMS): row = 2^z - 1 - y of the XYZ grid the map asks in. */
export function mbtilesTile(stmt: { get(z: number, x: number, row: number): { tile_data: Buffer } | undefined }, z: number, x: number, y: number): Uint8Array | null {
  const r = stmt.get(z, x, 2 ** z - 1 - y)
  return r ? unzipped(new Uint8Array(r.tile_data)) : null
}

/** Opens a PMTiles or MBTiles file, telling which by its first bytes; refusals name the file and why. */
export async function openTileFile(path: string): Promise<TileFile> {
  const name = basename(path)
  let fh: FileHandle
  try {
    fh = await open(path, 'r')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message)
    throw new AppError('background-file-unreadable', `${name} cannot be opened as a background map: ${why}.`)
  }
  const head = Buffer.alloc(16)
  await fh.read(head, 0, 16, 0)
  if (head.subarray(0, 7).toString('latin1') === 'PMTiles') return openPmtiles(path, name, fh)
  await fh.close()
  if (head.toString('latin1') === 'SQLite format 3\0') return openMbtiles(path, name)
  throw new AppError('background-file-format', `${name} is neither a PMTiles nor an MBTiles map file; export the background map as .pmtiles or .mbtiles.`)
}
