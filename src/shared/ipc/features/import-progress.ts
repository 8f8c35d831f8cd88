/**
 * The import's push channel main → window: how far reading a layer has come, sent while the
 * parse runs (in its own process) so the dialog can show real counts and offer Cancel. Kept free
 * of zod: the sandboxed preload checks every payload with `isImportProgress` before passing it on.
 */
export const IMPORT_PROGRESS_EVENT = 'import:progress'

export interface ImportProgressEvent {
  /** The file being read, as messages name it. */
  file: string
  /** 'reading' walks the file's bytes; 'checking' walks the features read (geometry, coordinate system). */
  phase: 'reading' | 'checking'
  features: number
  /** Known once the file has been read through (or up front, for formats that say so). */
  totalFeatures: number | null
  bytes: number
  totalBytes: number
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

export function isImportProgress(v: unknown): v is ImportProgressEvent {
  if (typeof v !== 'object' || v === null) return false
  const p = v as Record<string, unknown>
  return (
    typeof p.file === 'string' && p.file.length <= 1000 && (p.phase === 'reading' || p.phase === 'checking') &&
    count(p.features) && (p.totalFeatures === null || count(p.totalFeatures)) && count(p.bytes) && count(p.totalBytes)
  )
}
