/** Every IPC reply is wrapped, because Electron carries only `message` across for thrown errors. */
export interface IpcErrorBody {
  code: string
  message: string
  details?: unknown
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorBody }

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value })
export const fail = (code: string, message: string, details?: unknown): IpcResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})
