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

export async function parseSource(source: ImportSource, crs: string | undefined): Promise<ParsedLayer> {
  try {
    return typeof source === 'string' ? await parseLayerFile(source, { crs }) : await parseLayerBuffer(source.name, source.bytes, { crs })
  } catch (e) {
    throw toAppError(e, sourceName(source))
  }
}
