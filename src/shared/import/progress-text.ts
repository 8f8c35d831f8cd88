import type { ImportProgressEvent } from '../ipc/features/import-progress'
import { formatSize } from '../units/file-size'

const count = (n: number): string => n.toLocaleString('en-US')

/** The share done (0..1) of a read under way: bytes while reading, features while checking. */
export function progressFraction(p: ImportProgressEvent): number {
  if (p.phase === 'reading') return p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0
  return p.totalFeatures ? Math.min(1, p.features / p.totalFeatures) : 0
}

/** What the import dialog says while a layer is read: real counts, never a made-up percentage. */
export function progressText(p: ImportProgressEvent): string {
  if (p.phase === 'reading') {
    const bytes = p.totalBytes > 0 ? `${formatSize(p.bytes)} of ${formatSize(p.totalBytes)}` : formatSize(p.bytes)
    return `Reading ${p.file}: ${bytes}, ${count(p.features)} feature${p.features === 1 ? '' : 's'} so far`
  }
  const of = p.totalFeatures !== null ? ` of ${count(p.totalFeatures)}` : ''
  return `Checking ${p.file}: ${count(p.features)}${of} features`
}
