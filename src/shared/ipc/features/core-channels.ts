/**
 * Channel name -> the api method the preload exposes for it. Kept free of zod so the
 * sandboxed preload bundle stays tiny; contract.ts adds the schemas and output types.
 */
export const CHANNELS = {
  'app:info': 'appInfo',
  'plan:load': 'loadPlan',
  'session:get': 'getSession',
  'session:setProfile': 'setProfile',
  'changes:apply': 'applyChanges',
  'history:undo': 'undo',
  'history:redo': 'redo',
  'history:list': 'listHistory',
  'validation:run': 'validate',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
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
