import { tileUrlFor } from '../../shared/map/tile-template'
import type { Tile } from '../../shared/ipc/features/tiles-contract'
import { AppError } from './app-error'
import { openTileFile, type TileFile } from './tile-file'
import type { Settings } from '../../shared/ipc/outputs'
import type { TileFileInfo } from '../../shared/ipc/features/tiles-contract'
import type { SettingsService } from './settings-service'

/** The network call, injectable: the Electron shell passes `net.fetch` so the system proxy applies. */
export type TileFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>

export interface TileServiceOptions {
  timeoutMs?: number
  /** Tiles kept in memory, so panning back does not fetch again. */
  maxCached?: number
  /** A tile larger than this is refused rather than held. */
  maxBytes?: number
}

/**
 * Fetches background-map tiles for the renderer, which may not reach the network itself.
 * Every failure is an AppError that names the server and the reason; the map then simply
 * shows the plan without a background, as it does offline.
 */
export class TileService {
  private readonly cache = new Map<string, Tile>()
  private readonly timeoutMs: number
  private readonly maxCached: number
  private readonly maxBytes: number
  /** The open background map file, kept open while it is the one set. */
  private file: { path: string; opened: Promise<TileFile> } | null = null

  constructor(
    private readonly settings: SettingsService,
    private readonly fetchTile: TileFetch = (url, init) => fetch(url, init),
    opts: TileServiceOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 10_000
    this.maxCached = opts.maxCached ?? 512
    this.maxBytes = opts.maxBytes ?? 2_000_000
  }

  /** The open background map file for a path, opening it (and closing another) when needed. */
  private fileAt(path: string): Promise<TileFile> {
    if (this.file?.path === path) return this.file.opened
    const old = this.file
    const opened = openTileFile(path)
    this.file = { path, opened }
    // A file that fails to open is tried again on the next tile (it may have been a moment's lock or a USB stick).
    opened.catch(() => this.file?.opened === opened && (this.file = null))
    void old?.opened.then((f) => f.close(), () => {})
    return opened
  }

  /** What the background map file holds, or null when the background is a tile URL or none. */
  async info(): Promise<TileFileInfo | null> {
    const path = this.settings.get().backgroundFile
    return path ? (await this.fileAt(path)).info : null
  }

  /**
   * Sets (or with null, clears) a PMTiles or MBTiles file as the background. The file is opened
   * first: one that cannot be read is refused with the reason and nothing is stored.
   */
  async setFile(path: string | null): Promise<{ settings: Settings; info: TileFileInfo | null }> {
    const info = path ? (await this.fileAt(path)).info : null
    if (!path && this.file) {
      void this.file.opened.then((f) => f.close(), () => {})
      this.file = null
    }
    return { settings: this.settings.set({ backgroundFile: path }), info }
  }

  async get(z: number, x: number, y: number): Promise<Tile> {
    const path = this.settings.get().backgroundFile
    if (path) {
      const f = await this.fileAt(path)
      return { bytes: (await f.tile(z, x, y)) ?? new Uint8Array(0), contentType: f.info.contentType }
    }
    const template = this.settings.get().tileUrl
    if (!template) throw new AppError('no-tile-url', 'No background map is set. Administration can set a tile URL under Settings.')
    const url = tileUrlFor(template, z, x, y)
    const hit = this.cache.get(url)
    if (hit) {
      this.cache.delete(url)
      this.cache.set(url, hit)
      return hit
    }
    const host = new URL(url).host
    const where = `tile ${z}/${x}/${y} from ${host}`
    let res: Response
    try {
      res = await this.fetchTile(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { Accept: 'image/*' } })
    } catch (e) {
      const why = (e as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : ((e as { cause?: Error }).cause?.message ?? (e as Error).message)
      throw new AppError('tile-unreachable', `Could not load ${where}: ${why}. The plan is shown without a background map.`)
    }
    if (!res.ok) throw new AppError('tile-refused', `Could not load ${where}: the server answered ${res.status} ${res.statusText}.`.replace(' .', '.'))
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (!contentType.startsWith('image/')) throw new AppError('tile-not-image', `Could not load ${where}: the server sent ${contentType || 'something without a type'}, not an image. Check the tile URL.`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (bytes.byteLength > this.maxBytes) throw new AppError('tile-too-large', `Could not load ${where}: the tile is ${Math.round(bytes.byteLength / 1000)} kB, more than ${this.maxBytes / 1000} kB.`)
    const tile = { bytes, contentType }
    this.cache.set(url, tile)
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!)
    return tile
  }
}
