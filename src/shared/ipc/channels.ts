import { BACKUP_CHANNELS } from './features/backup-channels'
import { CORE_CHANNELS } from './features/core-channels'
import { DIALOG_CHANNELS } from './features/dialog-channels'
import { IMPORT_CHANNELS } from './features/import-channels'
import { INSIGHT_CHANNELS } from './features/insight-channels'
import { PRINT_CHANNELS } from './features/print-channels'
import { PUBLISH_CHANNELS } from './features/publish-channels'
import { REFERENCE_CHANNELS } from './features/reference-channels'
import { REPAIR_CHANNELS } from './features/repair-channels'
import { SERVER_CHANNELS } from './features/server-channels'
import { STAFFING_CHANNELS } from './features/staffing-channels'
import { TILES_CHANNELS } from './features/tiles-channels'

/**
 * Channel name -> the api method the preload exposes for it. Kept free of zod so the
 * sandboxed preload bundle stays tiny; contract.ts adds the schemas and output types.
 * A feature adds its own *-channels.ts file and one spread here.
 */
export const CHANNELS = {
  ...CORE_CHANNELS,
  ...BACKUP_CHANNELS,
  ...IMPORT_CHANNELS,
  ...PUBLISH_CHANNELS,
  ...STAFFING_CHANNELS,
  ...TILES_CHANNELS,
  ...PRINT_CHANNELS,
  ...DIALOG_CHANNELS,
  ...REPAIR_CHANNELS,
  ...INSIGHT_CHANNELS,
  ...REFERENCE_CHANNELS,
  ...SERVER_CHANNELS,
} as const

export type Channel = keyof typeof CHANNELS
export type ApiMethod = (typeof CHANNELS)[Channel]
export const CHANNEL_LIST = Object.keys(CHANNELS) as Channel[]

/**
 * Builds `window.api` from a channel map: one function per channel. It uses nothing but its
 * arguments, so the browser-test harness can ship this very function into the page as source
 * text, and the preload and the tests build the api the same way.
 */
export function buildApiFrom<T>(channels: Record<string, string>, invoke: (channel: string, input: unknown) => Promise<unknown>): T {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const channel of Object.keys(channels)) api[channels[channel]] = (input?: unknown) => invoke(channel, input)
  return Object.freeze(api) as T
}

export function buildApi<T>(invoke: (channel: Channel, input: unknown) => Promise<unknown>): T {
  return buildApiFrom<T>(CHANNELS, invoke as (channel: string, input: unknown) => Promise<unknown>)
}
