import type { Api } from '../../shared/ipc/contract'
import { PUSH_EVENTS, type PushApi } from '../../shared/ipc/events'
import type { IpcResult } from '../../shared/ipc/result'

/** A refusal or failure from the main process, with its machine-readable code. */
export class ApiError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Value<R> = R extends Promise<IpcResult<infer T>> ? T : never
export type UnwrappedApi = { [K in keyof Api]: (...args: Parameters<Api[K]>) => Promise<Value<ReturnType<Api[K]>>> }

/**
 * The only module that touches window.api. Replies come in an envelope because Electron
 * carries only an error's message across the bridge; here they become values or ApiErrors.
 */
function unwrapAll(raw: Api): UnwrappedApi {
  const out: Record<string, (...a: unknown[]) => Promise<unknown>> = {}
  const listeners = new Set<string>(Object.values(PUSH_EVENTS))
  for (const [name, fn] of Object.entries(raw) as [string, (...a: unknown[]) => Promise<IpcResult<unknown>>][]) {
    if (listeners.has(name)) continue
    out[name] = async (...args) => {
      const r = await fn(...args)
      if (r.ok) return r.value
      throw new ApiError(r.error.code, r.error.message, r.error.details)
    }
  }
  return out as UnwrappedApi
}

export const api: UnwrappedApi = unwrapAll(window.api)

/** Commands chosen in the application menu (none where there is no menu, e.g. a browser test that sends none). */
export const onMenuCommand: PushApi['onMenuCommand'] = (listener) => window.api.onMenuCommand(listener)

/** How far the main process has come reading a layer being imported (pushed while it reads). */
export const onImportProgress: PushApi['onImportProgress'] = (listener) => window.api.onImportProgress(listener)

/** The department server's status and the change sets others stored there (none without a server). */
export const onServerEvent: PushApi['onServerEvent'] = (listener) => window.api.onServerEvent(listener)
