import { ImportError, parseLayerBuffer, parseLayerFile, type ParsedLayer } from '../import/parse-layer'
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

/** `opts` carries the user's choices the file itself may lack: its CRS, and which GeoPackage layer to read. */
export async function parseSource(source: ImportSource, opts: { crs?: string; gpkgLayer?: string }): Promise<ParsedLayer> {
  const parse = { crs: opts.crs, gpkgLayer: opts.gpkgLayer }
  try {
    return typeof source === 'string' ? await parseLayerFile(source, parse) : await parseLayerBuffer(source.name, source.bytes, parse)
  } catch (e) {
    throw toAppError(e, sourceName(source))
  }
}
