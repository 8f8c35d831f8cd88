import { promises as fsp } from 'node:fs'
import { basename } from 'node:path'
import type { ImportProgressEvent } from '../../shared/ipc/features/import-progress'
import { parseInChild, type SpawnParseChild } from '../import/parse-off-thread'
import { ImportError, parseLayerBuffer, parseLayerFile, type ImportProgress, type ParsedLayer } from '../import/parse-layer'
import { AppError } from './app-error'

/** A layer to import: a path on disk (the CLI) or the bytes of a file the user picked (the app). */
export type ImportSource = string | { name: string; bytes: Uint8Array }

export function sourceName(source: ImportSource): string {
  return typeof source === 'string' ? source : source.name
}

/** Refusals from the parser keep their code and message; anything else still names the file. */
export function toAppError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e
  if (e instanceof ImportError) return new AppError(e.code, e.message, e.details)
  return new AppError('import-failed', `${file} could not be read: ${(e as Error)?.message ?? String(e)}`, { file })
}

/**
 * Files at least this big are parsed in a process of their own (see LayerReader); a smaller one
 * reads in well under a second, less than starting that process would cost.
 */
export const OFF_THREAD_FROM_BYTES = 4 * 1024 * 1024

async function sizeOf(source: ImportSource): Promise<number> {
  if (typeof source !== 'string') return source.bytes.byteLength
  // A file that cannot be stat'ed is left to the parser, which words why.
  return fsp.stat(source).then((s) => s.size, () => 0)
}

/**
 * Reads layers for the import: a big one in a child of its own (Electron's utilityProcess in the
 * app, a worker thread on the command line and in tests), so the main process stays free to
 * answer the window; each read reports its progress to `progress` and can be cancelled.
 */
export class LayerReader {
  private readonly running = new Set<AbortController>()
  constructor(
    /** Starts the child that parses big layers; null parses every layer in this process. */
    private readonly spawn: SpawnParseChild | null,
    private readonly progress: ((p: ImportProgressEvent) => void) | null = null,
    private readonly offThreadFrom = OFF_THREAD_FROM_BYTES,
  ) {}

  /** `opts` carries the user's choices the file itself may lack: its CRS, and which GeoPackage layer to read. */
  async read(source: ImportSource, opts: { crs?: string; gpkgLayer?: string }, signal?: AbortSignal): Promise<ParsedLayer> {
    const file = basename(sourceName(source))
    const abort = new AbortController()
    if (signal?.aborted) abort.abort()
    signal?.addEventListener('abort', () => abort.abort(), { once: true })
    const onProgress = this.progress ? (p: ImportProgress) => this.progress!({ file, ...p }) : undefined
    const parse = { crs: opts.crs, gpkgLayer: opts.gpkgLayer, onProgress, signal: abort.signal }
    this.running.add(abort)
    try {
      if (this.spawn && (await sizeOf(source)) >= this.offThreadFrom) return await parseInChild(this.spawn, source, parse)
      return typeof source === 'string' ? await parseLayerFile(source, parse) : await parseLayerBuffer(source.name, source.bytes, parse)
    } catch (e) {
      throw toAppError(e, sourceName(source))
    } finally {
      this.running.delete(abort)
    }
  }

  /** Stops every read under way (each rejects with 'cancelled'); returns how many there were. */
  cancel(): number {
    const n = this.running.size
    for (const a of this.running) a.abort()
    this.running.clear()
    return n
  }
}
