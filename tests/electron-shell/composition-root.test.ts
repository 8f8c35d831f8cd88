import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_LIST, CHANNELS } from '../../src/shared/ipc'
import { MENU_COMMANDS, MENU_EVENT } from '../../src/shared/ipc/menu'
import { PUSH_EVENTS } from '../../src/shared/ipc/events'
import { IMPORT_PROGRESS_EVENT, type ImportProgressEvent } from '../../src/shared/ipc/features/import-progress'
import { workerThreadChild } from '../../src/main/import/parse-off-thread'
import { writeGridLayer } from '../helpers/big-layer'
import { readFileSync } from 'node:fs'
import { APP_ENTRY, APP_SCHEME } from '../../src/main/app-protocol'
import { WEB_PREFERENCES } from '../../src/main/web-preferences'

/**
 * src/main/index.ts, window.ts, register.ts and the preload, run under a small stand-in for the
 * Electron API (no Electron binary here): a wrong channel name, a missing handler, a window
 * opened before the services, or a preload exposing more than window.api fails here.
 */
const fake = vi.hoisted(() => {
  const log: string[] = []
  const ipc = new Map<string, (event: unknown, input: unknown) => unknown>()
  const windows: FakeWindow[] = []
  let readyResolve: () => void = () => {}
  const ready = new Promise<void>((r) => (readyResolve = r))
  class FakeWindow {
    url = ''
    sent: [string, unknown][] = []
    webContents = {
      mainFrame: { url: '' },
      on: () => {},
      setWindowOpenHandler: () => {},
      send: (channel: string, value: unknown) => this.sent.push([channel, value]),
    }
    constructor(public options: Record<string, unknown>) {
      log.push('window')
      windows.push(this)
    }
    once() {}
    show() {}
    isDestroyed() { return false }
    isMinimized() { return false }
    loadURL(url: string) {
      this.url = url
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    loadFile(file: string) {
      this.url = `file://${file}`
      return Promise.resolve()
    }
  }
  const state = {
    log, ipc, windows, ready, readyResolve: () => readyResolve(),
    userData: '',
    appPath: '',
    menu: null as null | { template: Record<string, unknown>[] },
    protocolHandler: null as null | ((r: { url: string; method?: string }) => Promise<Response>),
    schemes: [] as unknown[],
    errors: [] as string[],
    exposed: new Map<string, unknown>(),
    rendererListeners: new Map<string, (e: unknown, v: unknown) => void>(),
    invoked: [] as [string, unknown][],
    forked: [] as string[],
    /** What the stand-in utility process runs: set by the test to a real parse child (a worker thread). */
    runChild: null as null | ((modulePath: string) => { post(m: unknown): void; onMessage(l: (m: unknown) => void): void; onExit(l: (c: number | null) => void): void; kill(): void }),
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => true,
      on: () => {},
      whenReady: () => ready,
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      isPackaged: false,
      getVersion: () => '1.0.0-test',
      getName: () => 'Area Command Planner',
      getSystemLocale: () => 'en-US',
      quit: () => log.push('quit'),
      exit: (code: number) => log.push(`exit ${code}`),
      relaunch: () => {},
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: (e: unknown, i: unknown) => unknown) => { log.push(`ipc ${channel}`); ipc.set(channel, fn) } },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => { log.push('schemes'); state.schemes.push(...s) },
      handle: (scheme: string, fn: typeof state.protocolHandler) => { log.push(`protocol ${scheme}`); state.protocolHandler = fn },
    },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, webRequest: { onHeadersReceived: () => {} } } },
    Menu: {
      buildFromTemplate: (template: Record<string, unknown>[]) => ({ template }),
      setApplicationMenu: (m: { template: Record<string, unknown>[] }) => { log.push('menu'); state.menu = m },
    },
    dialog: { showErrorBox: (_t: string, m: string) => state.errors.push(m), showMessageBox: async () => ({ response: 0 }) },
    net: { fetch: async () => new Response('') },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: (t: string) => Buffer.from(t), decryptString: (b: Buffer) => b.toString() },
    // The stand-in runs the script the app forks as a worker thread (see the import test below) and relays its messages.
    utilityProcess: {
      fork: (modulePath: string) => {
        state.forked.push(modulePath)
        const child = state.runChild!(modulePath)
        const listeners = new Map<string, ((v: unknown) => void)[]>()
        const emit = (event: string, v: unknown) => (listeners.get(event) ?? []).forEach((l) => l(v))
        child.onMessage((m) => emit('message', m))
        child.onExit((c) => emit('exit', c ?? 1))
        return {
          postMessage: (m: unknown) => child.post(m),
          on(event: string, l: (v: unknown) => void) { listeners.set(event, [...(listeners.get(event) ?? []), l]); return this },
          kill: () => (child.kill(), true),
        }
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => { state.invoked.push([channel, input]); return { ok: true, value: null } },
      on: (channel: string, l: (e: unknown, v: unknown) => void) => state.rendererListeners.set(channel, l),
      removeListener: (channel: string) => state.rendererListeners.delete(channel),
    },
  }
  return { state, electron }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

const { state } = fake
let dir: string
const savedDb = process.env.ACP_DB

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !what(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(what()).toBe(true)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'acp-root-'))
  state.userData = dir
  // The source checkout is the app's folder while developing: the sample city comes from resources/geo.
  state.appPath = resolve(__dirname, '../..')
  process.env.ACP_DB = join(dir, 'plan.sqlite')
  await import('../../src/main/index')
  // Registered while the module loads, before the app is ready (Electron's rule).
  expect(state.log).toEqual(['schemes'])
  state.readyResolve()
  await until(() => state.log.includes('menu'))
})

afterAll(() => {
  if (savedDb === undefined) delete process.env.ACP_DB
  else process.env.ACP_DB = savedDb
  rmSync(dir, { recursive: true, force: true })
})

const ourFrame = () => ({ senderFrame: state.windows[0].webContents.mainFrame })

describe('the main process composition root under a stand-in for Electron', () => {
  it('opens the plan, then registers every channel and the app:// protocol, and only then opens the window and sets the menu', () => {
    expect(state.errors).toEqual([])
    const order = state.log.filter((l) => l !== 'schemes')
    const firstIpc = order.findIndex((l) => l.startsWith('ipc '))
    expect(order.indexOf('protocol app')).toBeGreaterThanOrEqual(0)
    expect(order.indexOf('window')).toBeGreaterThan(firstIpc)
    expect(order.indexOf('window')).toBeGreaterThan(order.indexOf('protocol app'))
    expect(order.indexOf('menu')).toBeGreaterThan(order.indexOf('window'))
    expect(state.windows).toHaveLength(1)
  })

  it('every channel of the contract has exactly one handler, and nothing else is registered', () => {
    expect([...state.ipc.keys()].sort()).toEqual([...CHANNEL_LIST].sort())
    expect(state.log.filter((l) => l.startsWith('ipc ')).length).toBe(CHANNEL_LIST.length)
  })

  it('the window is locked down and loads the renderer from app://, which is a privileged standard scheme', () => {
    const w = state.windows[0]
    expect(w.options.webPreferences).toMatchObject(WEB_PREFERENCES)
    expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.js$/)
    expect(w.url).toBe(APP_ENTRY)
    expect(state.schemes).toEqual([expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) })])
  })

  it('answers our window\'s page and refuses any other frame', async () => {
    const handler = state.ipc.get('session:get')!
    const ours = (await handler(ourFrame(), undefined)) as { ok: boolean }
    expect(ours.ok).toBe(true)
    const foreign = (await handler({ senderFrame: { url: 'app://renderer.evil/index.html' } }, undefined)) as { ok: boolean; error: { code: string } }
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    const fileUrl = (await handler({ senderFrame: { url: `file://${resolve('out/renderer/index.html')}` } }, undefined)) as { ok: boolean }
    expect(fileUrl.ok).toBe(false)
  })

  it('the app:// handler serves the renderer folder with the content security policy and nothing outside it', async () => {
    const page = await state.protocolHandler!({ url: APP_ENTRY })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect((await state.protocolHandler!({ url: 'app://renderer/../main/index.ts' })).status).toBe(404)
  })

  it('parses a big layer in a utility process forked from the built parse-worker.js, and pushes its progress to the window', async () => {
    // The stand-in process runs the worker's source as a worker thread: the same messages the utility process exchanges.
    state.runChild = (modulePath) => {
      expect(modulePath).toMatch(/[/\\]parse-worker\.js$/)
      return workerThreadChild()
    }
    const file = join(dir, 'big-areas.geojson')
    writeGridLayer(file, { count: 400, perSide: 110 })
    const preview = state.ipc.get('import:preview')!
    const r = (await preview(ourFrame(), { file: { name: 'big-areas.geojson', bytes: new Uint8Array(readFileSync(file)) }, layer: 'areas' })) as { ok: boolean; value: { featureCount: number; fields: string[] } }
    expect(r).toMatchObject({ ok: true, value: { featureCount: 400, fields: ['ID', 'NAME'] } })
    expect(state.forked).toHaveLength(1)
    const progress = state.windows[0].sent.filter(([c]) => c === IMPORT_PROGRESS_EVENT).map(([, v]) => v as ImportProgressEvent)
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress.at(-1)).toMatchObject({ file: 'big-areas.geojson', phase: 'checking', features: 400, totalFeatures: 400 })
  })

  it('each menu command reaches the window on the menu channel', () => {
    const clicks = (items: Record<string, unknown>[]): [string, () => void][] =>
      items.flatMap((m) => [...(typeof m.click === 'function' ? [[String(m.label), m.click as () => void] as [string, () => void]] : []), ...(Array.isArray(m.submenu) ? clicks(m.submenu) : [])])
    const all = clicks(state.menu!.template)
    for (const [, click] of all) click()
    const sent = state.windows[0].sent.filter(([c]) => c === MENU_EVENT).map(([, v]) => v)
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS))
  })
})

describe('the preload under a stand-in for Electron', () => {
  it('exposes window.api and nothing else: one function per channel plus the menu listener, each going to its own channel', async () => {
    await import('../../src/preload/index')
    expect([...state.exposed.keys()]).toEqual(['api'])
    const api = state.exposed.get('api') as Record<string, (...a: unknown[]) => unknown>
    expect(Object.keys(api).sort()).toEqual([...Object.values(CHANNELS), ...Object.values(PUSH_EVENTS)].sort())
    for (const [channel, name] of Object.entries(CHANNELS)) {
      await api[name]({ probe: channel })
      expect(state.invoked.at(-1)).toEqual([channel, { probe: channel }])
    }
  })

  it('passes on menu commands and drops anything else sent on the menu channel', async () => {
    const api = state.exposed.get('api') as { onMenuCommand(l: (c: string) => void): () => void }
    const got: string[] = []
    const stop = api.onMenuCommand((c) => got.push(c))
    const l = state.rendererListeners.get(MENU_EVENT)!
    l({}, 'undo')
    l({}, 'rm -rf /')
    l({}, { command: 'undo' })
    expect(got).toEqual(['undo'])
    stop()
    expect(state.rendererListeners.has(MENU_EVENT)).toBe(false)
  })
})

describe('the installed app\'s command line: <app binary> --cli <command>', () => {
  async function runApp(args: string[]): Promise<{ code: number; out: string; windows: number }> {
    const argv = process.argv
    const windowsBefore = state.windows.length
    const exitsBefore = state.log.filter((l) => l.startsWith('exit ')).length
    let out = ''
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk)
      return true
    })
    try {
      process.argv = [argv[0], 'area-command-planner', '--cli', ...args]
      vi.resetModules()
      await import('../../src/main/index')
      await until(() => state.log.filter((l) => l.startsWith('exit ')).length > exitsBefore)
    } finally {
      process.argv = argv
      write.mockRestore()
    }
    const code = Number(state.log.filter((l) => l.startsWith('exit ')).at(-1)!.slice(5))
    return { code, out, windows: state.windows.length - windowsBefore }
  }

  it('runs the same commands as npm run cli, opens no window and exits with the command\'s code', async () => {
    const db = join(dir, 'cli-plan.sqlite')
    const init = await runApp(['init', '--db', db, '--sample'])
    expect(init.code).toBe(0)
    const validate = await runApp(['validate', '--db', db, '--json'])
    expect([0, 1]).toContain(validate.code)
    expect(JSON.parse(validate.out).summary).toMatchObject({ errors: expect.any(Number), warnings: expect.any(Number) })
    const unknown = await runApp(['no-such-command'])
    expect(unknown.code).toBe(2)
    expect(init.windows + validate.windows + unknown.windows).toBe(0)
  })
})
