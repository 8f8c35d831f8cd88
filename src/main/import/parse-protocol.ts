import type { ImportErrorDetails } from './import-error'
import type { PackedFeatures } from './packed-features'
import type { ImportProgress } from './progress'
import type { ParsedLayer } from './types'

/** Messages between the main process and the parse worker (parse-worker.ts). Plain data only: they are copied across. */
export type HostMessage = { type: 'parse'; source: string | { name: string; bytes: Uint8Array }; crs?: string; gpkgLayer?: string }

export type ChildMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'features'; features: PackedFeatures }
  | { type: 'done'; head: Omit<ParsedLayer, 'features'> }
  | { type: 'failed'; error: { code: string | null; message: string; details?: ImportErrorDetails } }

/** Features per message back: small enough that copying one batch is a short pause, large enough that there are few. */
export const FEATURE_BATCH = 2000
