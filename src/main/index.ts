import { app, BrowserWindow, session, type WebFrameMain } from 'electron'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from './db/connection'
import { createDispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { electronSqliteBinding } from './native-binding'
import { contentSecurityPolicy, hardenSession, lockDownContents } from './security'
import { createServices, type Services } from './services'
import { createMainWindow } from './window'

// The composition root: everything with logic lives in services that never import electron.

let win: BrowserWindow | null = null
let services: Services | null = null

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db')
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]
  return process.env.ACP_DB || join(app.getPath('userData'), 'plan.sqlite')
}

function isOurFrame(frame: WebFrameMain | null): boolean {
  if (!frame || !win || win.isDestroyed()) return false
  if (frame !== win.webContents.mainFrame) return false
  const url = frame.url
  return process.env.ELECTRON_RENDERER_URL ? url.startsWith(process.env.ELECTRON_RENDERER_URL) : url.startsWith('file://')
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents))
  app.whenReady().then(() => {
    const dbPath = dbPathFromArgs()
    const appRoot = app.getAppPath()
    const db = openDatabase(dbPath, { nativeBinding: electronSqliteBinding(appRoot, process.resourcesPath) })
    services = createServices({
      db,
      dbPath,
      userDataPath: app.getPath('userData'),
      sampleDir: app.isPackaged ? join(process.resourcesPath, 'geo') : join(appRoot, 'resources', 'geo'),
      osUser: userInfo().username,
      appVersion: app.getVersion(),
    })
    services.seed.seedIfEmpty(services.session.actor())
    const s = services
    hardenSession(session.defaultSession, () => {
      const tile = s.settings.get().tileUrl
      return contentSecurityPolicy(tile ? new URL(tile.replace(/\{[a-z]\}/g, '0')).origin : null)
    })
    registerIpc(createDispatch(createHandlers(s), (e) => console.error(e)), isOurFrame)
    win = createMainWindow()
  })
  app.on('window-all-closed', () => {
    services?.config.db.close()
    app.quit()
  })
}
