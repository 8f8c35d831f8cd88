import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ImportError } from './import-error'
import { unpackFeatures } from './packed-features'
import type { ChildMessage, HostMessage } from './parse-protocol'
import type { ImportProgress } from './progress'
import type { ParsedFeature, ParsedLayer } from './types'

/**
 * Where a layer is parsed away from the main process: an Electron utilityProcess in the app, a
 * worker thread on the command line and in tests. The host side only posts one message, collects
 * what comes back, and ends the child to cancel.
 */
export interface ParseChild {
  post(m: HostMessage): void
  onMessage(listener: (m: ChildMessage) => void): void
  /** Once, when the child has ended, whatever the reason. */
  onExit(listener: (code: number | null) => void): void
  kill(): void
}
export type SpawnParseChild = () => ParseChild

export interface OffThreadParse {
  crs?: string
  gpkgLayer?: string
  onProgress?: (p: ImportProgress) => void
  /** Aborting ends the child at once; the parse rejects with ImportError 'cancelled'. */
  signal?: AbortSignal
}

export type LayerSource = string | { name: string; bytes: Uint8Array }

/** Parses one layer in a child of its own; refusals come back as the same ImportErrors the parser throws in-process. */
export function parseInChild(spawn: SpawnParseChild, source: LayerSource, req: OffThreadParse = {}): Promise<ParsedLayer> {
  const file = basename(typeof source === 'string' ? source : source.name)
  const cancelled = () => new ImportError('cancelled', `Importing ${file} was cancelled; nothing was stored`, { file })
  if (req.signal?.aborted) return Promise.reject(cancelled())
  return new Promise<ParsedLayer>((resolve, reject) => {
    const child = spawn()
    const features: ParsedFeature[] = []
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      req.signal?.removeEventListener('abort', onAbort)
      // The child has answered (or is being cancelled): end it; it holds nothing that is stored.
      child.kill()
      f()
    }
    const onAbort = () => settle(() => reject(cancelled()))
    req.signal?.addEventListener('abort', onAbort)
    child.onMessage((m) => {
      if (settled) return
      if (m.type === 'progress') req.onProgress?.(m.progress)
      else if (m.type === 'features') unpackFeatures(m.features, features)
      else if (m.type === 'done') settle(() => resolve({ ...m.head, features }))
      else if (m.type === 'failed') {
        const e = m.error
        settle(() => reject(e.code ? new ImportError(e.code, e.message, e.details) : new Error(e.message)))
      }
    })
    child.onExit((code) =>
      settle(() =>
        reject(new ImportError('import-failed', `${file} could not be read: the process reading it stopped (exit code ${code ?? 'none'}), most likely out of memory; nothing was stored`, { file })),
      ),
    )
    child.post({ type: 'parse', source, crs: req.crs, gpkgLayer: req.gpkgLayer })
  })
}

/**
 * The worker's entry: the built parse-worker.js beside this bundle (the packaged app's command
 * line), else the TypeScript source through tsx (a source checkout: npm run cli, the tests).
 */
function workerScript(): string {
  const built = join(__dirname, 'parse-worker.js')
  if (existsSync(built)) return `require(${JSON.stringify(built)})`
  const api = require.resolve('tsx/cjs/api')
  return `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(join(__dirname, 'parse-worker.ts'))})`
}

/** A worker thread as the parse child (Node: the command line and the tests). */
export const workerThreadChild: SpawnParseChild = () => {
  const w = new Worker(workerScript(), { eval: true })
  let exited = false
  const exitListeners: ((code: number | null) => void)[] = []
  const ended = (code: number | null) => {
    if (exited) return
    exited = true
    for (const l of exitListeners) l(code)
  }
  // An uncaught error (out of memory included) ends the worker; say so once.
  w.on('error', () => ended(null))
  w.on('exit', (code) => ended(code))
  return {
    post: (m) => w.postMessage(m),
    onMessage: (l) => w.on('message', l),
    onExit: (l) => exitListeners.push(l),
    kill: () => void w.terminate(),
  }
}

/** The parts of Electron's UtilityProcess the app uses, so this file needs no electron import. */
export interface UtilityProcessLike {
  postMessage(m: unknown): void
  on(event: 'message', l: (m: unknown) => void): unknown
  on(event: 'exit', l: (code: number) => void): unknown
  kill(): boolean
}

/** Adapts a forked utility process (the app's composition root forks it) to a parse child. */
export function utilityProcessChild(proc: UtilityProcessLike): ParseChild {
  return {
    post: (m) => proc.postMessage(m),
    onMessage: (l) => void proc.on('message', (m) => l(m as ChildMessage)),
    onExit: (l) => void proc.on('exit', (code) => l(code)),
    kill: () => void proc.kill(),
  }
}
