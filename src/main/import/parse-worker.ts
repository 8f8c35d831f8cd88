/**
 * The entry of the process (Electron's utilityProcess) or thread (a worker_threads Worker, on the
 * command line and in tests) that parses one layer file away from the main process: a big layer
 * takes seconds and hundreds of MB to read, and none of that may stall the window's IPC.
 *
 * One 'parse' message in; out go 'progress' messages, the features in batches, then 'done' with
 * the rest of the layer, or 'failed' with the parser's refusal (code, message naming the file,
 * details). Cancelling is the host ending this process or thread: nothing here is stored anywhere.
 */
import { parentPort } from 'node:worker_threads'
import { ImportError, parseLayerBuffer, parseLayerFile } from './parse-layer'
import { packFeatures } from './packed-features'
import { FEATURE_BATCH, type ChildMessage, type HostMessage } from './parse-protocol'
import type { ImportProgress } from './progress'
import type { ParsedFeature } from './types'

interface Port {
  post(m: ChildMessage): void
  on(listener: (m: HostMessage) => void): void
}

/** Electron's utilityProcess gives `process.parentPort` (messages arrive as events with `data`); a worker thread gives worker_threads' parentPort. */
function hostPort(): Port {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort
  if (electronPort) {
    return { post: (m) => electronPort.postMessage(m), on: (l) => electronPort.on('message', (e) => l(e.data as HostMessage)) }
  }
  if (!parentPort) throw new Error('parse-worker runs as a worker thread or an Electron utility process only')
  const port = parentPort
  return { post: (m) => port.postMessage(m), on: (l) => port.on('message', l) }
}

const port = hostPort()
port.on(async (m) => {
  if (m.type !== 'parse') return
  const opts = { crs: m.crs, gpkgLayer: m.gpkgLayer, onProgress: (progress: ImportProgress) => port.post({ type: 'progress', progress }) }
  try {
    const layer = typeof m.source === 'string' ? await parseLayerFile(m.source, opts) : await parseLayerBuffer(m.source.name, m.source.bytes, opts)
    const { features, ...head } = layer
    // In batches: each message is copied on its own, so the receiving side never stalls on one huge copy;
    // packed into typed arrays, which cross as a memory copy instead of a structured clone of every position.
    const all: (ParsedFeature | undefined)[] = features
    for (let i = 0; i < all.length; i += FEATURE_BATCH) {
      port.post({ type: 'features', features: packFeatures(all.slice(i, i + FEATURE_BATCH) as ParsedFeature[]) })
      // Sent (copied): this side's copy may go, so the layer is not held twice for long.
      all.fill(undefined, i, i + FEATURE_BATCH)
    }
    port.post({ type: 'done', head })
  } catch (e) {
    const error = e instanceof ImportError ? { code: e.code, message: e.message, details: e.details } : { code: null, message: (e as Error)?.message ?? String(e) }
    port.post({ type: 'failed', error })
  }
  // The host ends this process or thread once it has the answer (so no message is lost to an early exit).
})
