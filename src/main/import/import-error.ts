/** Where in the user's file the problem is, so the message and the UI can point at it. */
export interface ImportErrorDetails {
  file?: string
  feature?: number
  field?: string
  line?: number
  /** A GeoPackage's feature layers, when the user must choose one (at most 200, each at most 200 characters). */
  layers?: string[]
}

/** A refused import: `code` is for programs, `message` names the file, feature and field in plain words. */
export class ImportError extends Error {
  constructor(
    public code: string,
    message: string,
    public details?: ImportErrorDetails,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

const MIB = 1024 * 1024

/** Sizes in messages are whole MB (MiB), the unit the limits are set in. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / MIB)} MB`
}

/** Coordinates in messages: grouped digits so a projected 1845000.12 reads as 1,845,000. */
export function formatCoordinate(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  const digits = Math.abs(v) >= 1000 ? 0 : 6
  return v.toLocaleString('en-US', { maximumFractionDigits: digits })
}
