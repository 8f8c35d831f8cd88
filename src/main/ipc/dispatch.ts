import { z } from 'zod'
import { CHANNELS, contract, fail, ok, type Channel, type IpcResult } from '../../shared/ipc'
import { AppError } from '../services/app-error'
import { SchemaTooNewError } from '../db/migrate'
import type { Handlers } from './handlers'
import { showValue } from '../../shared/text/bounded'

export type Dispatch = (channel: string, input: unknown) => Promise<IpcResult<unknown>>

function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map((p) => String(p).slice(0, 40)).join('.')}: ${i.message}` : i.message))
    .join('; ')
    // Messages quote ids and values; a hostile megabyte-long id must not come back whole.
    .slice(0, 1000)
}

/**
 * The IPC boundary without Electron: parse, call, wrap. ipcMain (in the app) and
 * exposeBinding (in browser tests) both call this, so tests cross the same boundary.
 */
export function createDispatch(handlers: Handlers, log: (e: unknown) => void = () => {}): Dispatch {
  return async (channel, input) => {
    if (typeof channel !== 'string' || !Object.hasOwn(CHANNELS, channel)) return fail('unknown-channel', `There is no channel named ${String(channel).slice(0, 60)}.`)
    const c = channel as Channel
    try {
      // Inside the try: a hostile input (say, arrays nested 20,000 deep) may make parsing itself throw.
      const parsed = contract[c].input.safeParse(input)
      if (!parsed.success) return fail('invalid-input', `${c}: ${describeIssues(parsed.error)}`)
      const handler = handlers[c] as (i: unknown) => unknown
      return ok(await handler(parsed.data))
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details)
      if (e instanceof SchemaTooNewError) return fail(e.code, e.message)
      log(e)
      return fail('internal', `${c} failed: ${showValue((e as Error)?.message ?? e, 1000)}`)
    }
  }
}
