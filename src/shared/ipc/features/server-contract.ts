import { z } from 'zod'
import type { WriteResult } from '../write-result'

/** Where a desk's department server is and who signs in there (never the password). */
export interface ServerConnectionInfo {
  host: string
  port: number
  database: string
  login: string
}

/** One of this desk's steps the server refused: listed until the user redoes or drops it. */
export interface ServerConflictEntry {
  localSeq: number
  at: string
  label: string
  message: string
}

/** Who the department server says this login is (not the local profile picker). */
export interface ServerIdentityInfo {
  login: string
  role: 'commander' | 'administration' | null
  /** The Area Command a commander's login may edit, and its name as the plan holds it. */
  areaId: string | null
  areaName: string | null
}

export interface ServerStatus {
  /** The server this window works with now; null: the desk's own plan file, no server. */
  connection: ServerConnectionInfo | null
  /** 'none' without a server; 'offline' keeps working on the desk's copy and sends its steps on reconnect. */
  state: 'none' | 'connecting' | 'online' | 'offline'
  /** Why the connection went (or could not be made), last time it did. */
  why: string | null
  identity: ServerIdentityInfo | null
  /** Steps made here that wait to be stored on the server. */
  queued: number
  conflicts: ServerConflictEntry[]
  /** The connection saved in Settings differs from the one in use: it applies when the app restarts. */
  saved: ServerConnectionInfo | null
  restartPending: boolean
}

const name = (what: string) => z.string().trim().min(1, `${what} is required`).max(63, `${what} is at most 63 characters`)

export const serverConnectInput = z.strictObject({
  host: z.string().trim().min(1, 'the server address is required').max(253).regex(/^[A-Za-z0-9.:_-]+$/, 'the server address is a host name or IP address, without spaces or slashes'),
  port: z.number().int().min(1).max(65535),
  database: name('the database'),
  login: name('the login'),
  password: z.string().min(1, 'the password is required').max(1000),
})
export type ServerConnectInput = z.input<typeof serverConnectInput>

export const serverContract = {
  'server:status': { input: z.undefined() },
  'server:connect': { input: serverConnectInput },
  'server:disconnect': { input: z.undefined() },
  'server:redoConflict': { input: z.strictObject({ localSeq: z.number().int().positive() }) },
  'server:dropConflict': { input: z.strictObject({ localSeq: z.number().int().positive() }) },
} as const

export interface ServerOutputs {
  'server:status': ServerStatus
  'server:connect': ServerStatus
  'server:disconnect': ServerStatus
  'server:redoConflict': WriteResult
  'server:dropConflict': ServerStatus
}
