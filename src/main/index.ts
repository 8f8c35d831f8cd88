import { app, BrowserWindow, dialog, Menu, net, protocol, safeStorage, session, utilityProcess, type MenuItemConstructorOptions, type WebFrameMain } from 'electron'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppOrigin } from './app-protocol'
import { MENU_EVENT } from '../shared/ipc/menu'
import type { ServerConnectionInfo } from '../shared/ipc/features/server-contract'
import { SERVER_EVENT } from '../shared/ipc/features/server-events'
import { ConnectionStore } from './server/connection-store'
import { prepareWorkingCopy, ServerLink } from './server/server-link'
import { runInstalledCli } from './cli/installed'
import { createDispatch } from './ipc/dispatch'
import { utilityProcessChild } from './import/parse-off-thread'
import { menuTemplate, withClicks } from './menu-template'
import { createHandlers } from './ipc/handlers'
import { showNativeDialog } from './native-dialog'
import { registerIpc } from './ipc/register'
import { sqliteBindingForApp } from './native-binding'
import { contentSecurityPolicy, hardenSession, lockDownContents } from './security'
import { createServices, type Services } from './services'
import { openPlanForApp, type RecoveryChoice } from './startup'
import { createMainWindow } from './window'

// The composition root: everything with logic lives in services that never import electron.

let win: BrowserWindow | null = null
let services: Services | null = null
let serverLink: ServerLink | null = null

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db')
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]
  return process.env.ACP_DB || join(app.getPath('userData'), 'plan.sqlite')
}

function isOurFrame(frame: WebFrameMain | null): boolean {
  if (!frame || !win || win.isDestroyed()) return false
  if (frame !== win.webContents.mainFrame) return false
  return isAppOrigin(frame.url, process.env.ELECTRON_RENDERER_URL)
}

// The window's origin must be known before the app is ready (Electron's rule for privileged schemes).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

async function askRecovery(report: { message: string; latestBackup: { file: string; at: string } | null }): Promise<RecoveryChoice> {
  const buttons = report.latestBackup ? ['Restore the latest backup', 'Start with an empty plan', 'Quit'] : ['Start with an empty plan', 'Quit']
  const { response } = await dialog.showMessageBox({ type: 'error', title: 'The plan database is damaged', message: 'The plan database is damaged', detail: report.message, buttons, defaultId: 0, cancelId: buttons.length - 1 })
  const choices: RecoveryChoice[] = report.latestBackup ? ['restore-latest', 'start-empty', 'quit'] : ['start-empty', 'quit']
  return choices[response]
}

const cliAt = process.argv.indexOf('--cli')
if (cliAt > 0) {
  // `<app> --cli <command> [flags]`: the command line of an installed app, no window, no single-instance lock.
  void runInstalledCli(process.argv.slice(cliAt + 1), { appRoot: app.getAppPath(), resourcesPath: process.resourcesPath }).then((code) => app.exit(code))
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('web-contents-created', (_e, contents) => lockDownContents(contents))
  app.whenReady().then(async () => {
    // A department server saved in Settings (password kept by safeStorage): the plan is that server's working copy.
    const connections = new ConnectionStore(app.getPath('userData'), safeStorage)
    let server: ServerConnectionInfo | null = null
    try {
      server = process.argv.includes('--db') || process.env.ACP_DB ? null : connections.info()
    } catch (e) {
      console.error((e as Error).message)
    }
    const dbPath = server ? prepareWorkingCopy(app.getPath('userData'), server) : dbPathFromArgs()
    const appRoot = app.getAppPath()
    let opened
    try {
      opened = await openPlanForApp({ dbPath, nativeBinding: sqliteBindingForApp(appRoot, process.resourcesPath), askRecovery })
    } catch (e) {
      // A locked, too-new or unreadable database: say what and where, then stop cleanly.
      dialog.showErrorBox('Area Command Planner cannot open its plan', (e as Error).message)
      app.exit(1)
      return
    }
    if (!opened) return app.quit()
    services = createServices({
      db: opened.db,
      dbPath,
      userDataPath: app.getPath('userData'),
      sampleDir: app.isPackaged ? join(process.resourcesPath, 'geo') : join(appRoot, 'resources', 'geo'),
      osUser: userInfo().username,
      appVersion: app.getVersion(),
      requestRestart: () =>
        setTimeout(() => {
          app.relaunch()
          app.exit(0)
        }, 300),
      // Chromium's network stack: the system proxy and certificate store apply to tiles too.
      fetchTile: (url, init) => net.fetch(url, init),
      // The operating system's region settings (Node's own default follows only LANG on Linux).
      locale: app.getSystemLocale(),
      // Big layers are parsed in a utility process of their own (built beside this file by electron-vite).
      parseChild: () => utilityProcessChild(utilityProcess.fork(join(__dirname, 'parse-worker.js'), [], { serviceName: 'Area Command Planner layer import' })),
      push: (event, payload) => win && !win.isDestroyed() && win.webContents.send(event, payload),
    })
    // A server's working copy stays empty until it loads the server's plan.
    if (!server) services.seed.seedIfEmpty(services.session.actor())
    const requestRestart = services.config.requestRestart
    serverLink = new ServerLink(services, connections, server, {
      push: (e) => win && !win.isDestroyed() && win.webContents.send(SERVER_EVENT, e),
      requestRestart,
    })
    void serverLink.start()
    void services.backups.dailyIfDue().catch((e) => console.error('Daily backup failed:', e))
    const s = services
    // Tiles reach the renderer over IPC, so its policy never names a remote server.
    hardenSession(session.defaultSession, contentSecurityPolicy())
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer'), contentSecurityPolicy()))
    registerIpc(createDispatch(createHandlers(s, { choosePath: showNativeDialog }, serverLink), (e) => console.error(e)), isOurFrame)
    win = createMainWindow()
    const template = menuTemplate({ platform: process.platform, packaged: app.isPackaged, appName: app.getName() })
    const send = (command: string) => win && !win.isDestroyed() && win.webContents.send(MENU_EVENT, command)
    Menu.setApplicationMenu(Menu.buildFromTemplate(withClicks(template, send) as MenuItemConstructorOptions[]))
  })
  app.on('window-all-closed', () => {
    const closing = serverLink?.stop().catch(() => {}) ?? Promise.resolve()
    void closing.then(() => {
      services?.config.db.close()
      app.quit()
    })
  })
}
