import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY } from './app-protocol'
import { lockDownContents } from './security'
import { WEB_PREFERENCES } from './web-preferences'

export { WEB_PREFERENCES }

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Area Command Planner',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  })
  lockDownContents(win.webContents)
  win.once('ready-to-show', () => win.show())
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadURL(APP_ENTRY)
  return win
}
