import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { electronExecutable, NO_ELECTRON_REASON } from './electron-binary'

const ROOT = resolve(__dirname, '../..')
const exe = electronExecutable()
// Said once in the test output, so a skipped run says why.
if (!exe) console.log(`Skipping the Electron app tests: ${NO_ELECTRON_REASON}`)

test.describe('the real Electron app', () => {
  test.skip(!exe, NO_ELECTRON_REASON)

  let app: ElectronApplication
  let dir: string
  test.beforeAll(async () => {
    if (!existsSync(join(ROOT, 'native', 'electron', 'better_sqlite3.node')))
      throw new Error('native/electron/better_sqlite3.node is missing: run `node scripts/prepare-electron-sqlite.mjs` (npm start does) before these tests.')
    dir = mkdtempSync(join(tmpdir(), 'acp-electron-'))
    app = await electron.launch({ executablePath: exe!, args: [join(ROOT, 'out', 'main', 'index.js'), '--db', join(dir, 'plan.sqlite')], cwd: ROOT })
  })
  test.afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('opens on the sample city with a sandboxed, isolated renderer', async () => {
    const page = await app.firstWindow()
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 })
    // No Node in the page (nodeIntegration off, sandboxed, isolated): only the api the preload gives.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    expect(await page.evaluate(() => typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer)).toBe('undefined')
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).length)).toBeGreaterThan(5)
  })

  test('refuses navigation and new windows', async () => {
    const page = await app.firstWindow()
    const url = page.url()
    await page.evaluate(() => {
      window.location.href = 'https://example.org/'
    })
    await page.waitForTimeout(500)
    expect(page.url()).toBe(url)
    await page.evaluate(() => window.open('https://example.org/'))
    await page.waitForTimeout(500)
    expect(app.windows().length).toBe(1)
  })
})
