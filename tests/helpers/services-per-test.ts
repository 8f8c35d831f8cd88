import { afterEach } from 'vitest'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import { makeServices } from './services'

// Kept apart from services.ts, which the Playwright harness imports and which must not pull in vitest.
const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))

/** Real services on a fresh SQLite file (see makeServices), closed after the test, with the app's IPC dispatch. */
export function openServices(opts?: Parameters<typeof makeServices>[0]) {
  const s = makeServices(opts)
  opened.push(s)
  return { s, dispatch: createDispatch(createHandlers(s)) }
}
