import type { WriteResult } from '../write-result'
import type { ServerStatus } from './server-contract'

/** The push event main → window for the department server (kept free of zod: the preload checks it). */
export const SERVER_EVENT = 'server:event'

/** The connection changed (status), or a change set from the server was applied to this desk's plan (change). */
export type ServerEvent = { kind: 'status'; status: ServerStatus } | { kind: 'change'; write: WriteResult }

export const isServerEvent = (v: unknown): v is ServerEvent =>
  typeof v === 'object' && v !== null &&
  (((v as ServerEvent).kind === 'status' && typeof (v as { status?: unknown }).status === 'object') || ((v as ServerEvent).kind === 'change' && typeof (v as { write?: unknown }).write === 'object'))
