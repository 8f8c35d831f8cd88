import { CORE_CHANNELS } from './features/core-channels'

/**
 * Channel name -> the api method the preload exposes for it. Kept free of zod so the
 * sandboxed preload bundle stays tiny; contract.ts adds the schemas and output types.
 * A feature adds its own *-channels.ts file and one spread here.
 */
export const CHANNELS = {
  ...CORE_CHANNELS,
} as const

export type Channel = keyof typeof CHANNELS
export type ApiMethod = (typeof CHANNELS)[Channel]
export const CHANNEL_LIST = Object.keys(CHANNELS) as Channel[]

/** What the preload and the browser-test harness both build `window.api` from: one function per channel. */
export function buildApi<T>(invoke: (channel: Channel, input: unknown) => Promise<unknown>): T {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNEL_LIST) api[CHANNELS[channel]] = (input?: unknown) => invoke(channel, input)
  return Object.freeze(api) as T
}
