import { test as base, expect, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { buildApiFrom, CHANNELS } from '../../../src/shared/ipc/channels'
import { PUSH_EVENTS, type PushSink } from '../../../src/shared/ipc/events'
import { createDispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { ServiceConfig, Services } from '../../../src/main/services'
import type { ServerLink } from '../../../src/main/server/server-link'
import type { ChoosePathRequest } from '../../../src/shared/ipc/features/dialog-contract'
import { makeServices, REPO_ROOT } from '../../helpers/services'
import { MapPage } from './map-page'
import { PanelsPage } from './panels-page'
import { fromWire, toWire, type BytesSeen, type Wire } from './wire'

const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer')
export const APP_ORIGIN = 'http://acp.local'
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' }

export interface AppHandle {
  page: Page
  services: Services & { cleanup(): void; dir: string }
  map: MapPage
  panels: PanelsPage
  /** Every request the page tried that was not the app's own files: must stay empty (offline app). */
  foreignRequests: string[]
  /**
   * Stands in for the system's file dialog: each 'dialog:choosePath' takes the next answer
   * (null = the user cancelled; none left = cancelled too) and records what was asked.
   */
  fileDialog: { answers: (string | null)[]; asked: ChoosePathRequest[] }
  /** Every channel the page called, in order, as the dispatcher received them. */
  calls: string[]
  /** Calls the real IPC boundary directly, as a compromised renderer could. */
  invoke(channel: string, input?: unknown): Promise<unknown>
}

/** Push events (an import's progress, the department server's news) reach the page as the preload would pass them on. */
export function pagePush(page: Page): PushSink {
  return (event, payload) => void page.evaluate(([e, p]) => window.__acpPush?.(e, p), [event, payload] as const).catch(() => {})
}

/**
 * Opens the built renderer in Chromium with a `window.api` built exactly as the preload builds
 * it (same function, same channel map) but carried by exposeBinding (see wire.ts) to the real
 * services and a real SQLite file in this test process. No mocks of our own code.
 */
export async function openApp(
  page: Page,
  opts: {
    seed?: boolean
    before?: (s: Services) => void
    /** Services made by the test (a department server's working copy); the test cleans them up. */
    services?: AppHandle['services']
    /** Their department server link, answering the server:* channels. */
    server?: ServerLink
    /** Where layers are parsed (default: a worker thread, as on the command line). */
    parseChild?: ServiceConfig['parseChild']
  } = {},
): Promise<AppHandle> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` before the browser tests (npm test does).')
  const push = pagePush(page)
  const services = opts.services ?? makeServices({ seed: opts.seed ?? true, push, ...(opts.parseChild !== undefined ? { parseChild: opts.parseChild } : {}) })
  opts.before?.(services)
  const fileDialog: AppHandle['fileDialog'] = { answers: [], asked: [] }
  const choosePath = async (req: ChoosePathRequest) => {
    fileDialog.asked.push(req)
    return fileDialog.answers.shift() ?? null
  }
  const dispatch = createDispatch(createHandlers(services, { choosePath }, opts.server ?? null), (e) => console.error(e))
  const foreignRequests: string[] = []
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) {
      foreignRequests.push(url.href)
      return route.abort()
    }
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '')
    const file = join(RENDERER_DIR, rel)
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ status: 200, body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' })
  })
  // ACP_HARNESS_WIRE=playwright sends every value through Playwright's serializer (see wire.ts), to compare.
  const raw = process.env.ACP_HARNESS_WIRE === 'playwright'
  const [to, from] = raw ? [(v: unknown): Wire => ({ value: v }), (w: Wire) => (w as { value: unknown }).value] : [toWire, fromWire]
  const calls: string[] = []
  const bytesGot: BytesSeen = { got: new Map() }
  await page.exposeBinding('__acpInvoke', async (_source, channel: string, input: Wire) => {
    calls.push(channel)
    return to(await dispatch(channel, from(input, bytesGot)))
  })
  // toWire, fromWire and buildApiFrom go into the page as source text. Run through tsx (the benches),
  // esbuild's keepNames wraps their named inner functions in __name(...), a helper of the Node module
  // that the page does not have: the page gets a stand-in that keeps the function as it is.
  await page.addInitScript({
    content: `{
      const __name = (f) => f;
      const toWire = (${to.toString()}), fromWire = (${from.toString()}), bytesSent = { sent: new WeakMap() };
      const pushListeners = new Map(), events = ${JSON.stringify(PUSH_EVENTS)};
      const listen = {};
      for (const [event, method] of Object.entries(events)) {
        pushListeners.set(event, new Set());
        listen[method] = (l) => { pushListeners.get(event).add(l); return () => pushListeners.get(event).delete(l) };
      }
      window.api = Object.freeze({
        ...(${buildApiFrom.toString()})(${JSON.stringify(CHANNELS)}, (c, i) => window.__acpInvoke(c, toWire(i, bytesSent)).then((w) => fromWire(w))),
        ...listen,
      });
      // Push events as the main process sends them: the application menu's commands, an import's progress.
      window.__acpPush = (e, p) => pushListeners.get(e)?.forEach((l) => l(p));
      window.__acpMenu = (c) => window.__acpPush('menu:command', c);
    }`,
  })
  await page.goto(`${APP_ORIGIN}/index.html`)
  const map = new MapPage(page)
  await map.waitReady()
  return { page, services, map, panels: new PanelsPage(page), foreignRequests, fileDialog, calls, invoke: (c, i) => dispatch(c, i) }
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ page }, use) => {
    const app = await openApp(page)
    await use(app)
    // Close the page first: a call still in flight must not reach a closed database.
    await page.close().catch(() => {})
    app.services.cleanup()
  },
})

export { expect }
