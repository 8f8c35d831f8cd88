import { ImportError } from './import-error'

/** How far reading a layer has come: real counts, never a made-up percentage. */
export interface ImportProgress {
  /** 'reading' walks the file's bytes; 'checking' walks the features read (geometry, coordinate system). */
  phase: 'reading' | 'checking'
  features: number
  /** Known once the file has been read through (or up front, for formats that say so). */
  totalFeatures: number | null
  bytes: number
  totalBytes: number
}

/** Time between pauses: short enough that progress moves and a cancel is seen, long enough to cost nothing measurable. */
const SLICE_MS = 40

/**
 * Lets a long parse give way: every SLICE_MS it reports progress and yields to the event loop,
 * so progress messages go out and a cancel (an aborted signal) is seen, and the parse stops there
 * with an ImportError. Nothing is stored while a layer is read, so stopping leaves nothing behind.
 */
export class Ticker {
  private last = performance.now()
  constructor(
    private readonly file: string,
    private readonly onProgress?: (p: ImportProgress) => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** Cheap enough to call per feature: only reads the clock. */
  due(): boolean {
    return performance.now() - this.last >= SLICE_MS
  }

  async pause(p: ImportProgress): Promise<void> {
    this.onProgress?.(p)
    await new Promise<void>((resolve) => setImmediate(resolve))
    this.check()
    this.last = performance.now()
  }

  report(p: ImportProgress): void {
    this.onProgress?.(p)
  }

  check(): void {
    if (this.signal?.aborted) throw new ImportError('cancelled', `Importing ${this.file} was cancelled; nothing was stored`, { file: this.file })
  }
}
