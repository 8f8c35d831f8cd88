import type { MenuCommand } from '../shared/ipc/menu'

/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions minus `click`),
 * so Node tests can read it. Items with `command` are the app's own; `index.ts` turns them
 * into clicks that send the command to the window. Accelerators are shown but not registered:
 * the window's own key handling (src/renderer/src/shortcuts.ts) does the keys, so Ctrl+Z in a
 * text field still undoes typing and a shortcut never runs twice.
 */
export interface MenuItem {
  label?: string
  role?: string
  type?: 'separator' | 'submenu'
  accelerator?: string
  registerAccelerator?: boolean
  command?: MenuCommand
  submenu?: MenuItem[]
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** A packaged build: no reload, no developer tools. */
  packaged: boolean
  appName: string
}

const SEP: MenuItem = { type: 'separator' }
const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItem => ({ label, command, ...(accelerator ? { accelerator, registerAccelerator: false } : {}) })

export function menuTemplate({ platform, packaged, appName }: MenuOptions): MenuItem[] {
  const mac = platform === 'darwin'
  const about = cmd(`About ${appName}`, 'about')
  const appMenu: MenuItem[] = mac
    ? [{ label: appName, submenu: [about, SEP, { label: 'Settings…', command: 'about' }, SEP, { role: 'services' }, SEP, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, SEP, { role: 'quit' }] }]
    : []
  const file: MenuItem = {
    label: '&File',
    submenu: [
      cmd('Import layer…', 'import'),
      cmd('Publish…', 'publish'),
      cmd('Print roll-call map…', 'print'),
      ...(mac ? [SEP, { role: 'close' }] : [SEP, { role: 'quit', label: 'Quit' }]),
    ],
  }
  const edit: MenuItem = {
    label: '&Edit',
    submenu: [
      cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      SEP,
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
    ],
  }
  const view: MenuItem = {
    label: '&View',
    submenu: [
      cmd('Zoom in', 'zoom-in'),
      cmd('Zoom out', 'zoom-out'),
      cmd('Whole plan', 'zoom-fit'),
      SEP,
      { role: 'togglefullscreen' },
      // Only while developing: a packaged build a department installs has no developer tools.
      ...(packaged ? [] : [SEP, { role: 'reload' }, { role: 'toggleDevTools' }]),
    ],
  }
  const plan: MenuItem = {
    label: '&Plan',
    submenu: [
      cmd('Check the plan', 'check-plan'),
      cmd('Find my neighborhood officer', 'find-officer'),
      SEP,
      cmd('Staffing', 'staffing'),
      cmd('History', 'history'),
    ],
  }
  const help: MenuItem = {
    label: '&Help',
    role: 'help',
    submenu: [cmd('Getting started', 'guide'), cmd('Keyboard shortcuts', 'shortcuts', '?'), ...(mac ? [] : [SEP, cmd('Settings and about', 'about')])],
  }
  const window: MenuItem[] = mac ? [{ role: 'windowMenu' }] : []
  return [...appMenu, file, edit, view, plan, ...window, help]
}

/** Every item of a template, submenus included. */
export function menuItems(template: MenuItem[]): MenuItem[] {
  return template.flatMap((m) => [m, ...(m.submenu ? menuItems(m.submenu) : [])])
}

/** Electron's form of a template: app commands become clicks that hand the command on. */
export function withClicks(template: MenuItem[], send: (command: MenuCommand) => void): Record<string, unknown>[] {
  return template.map(({ command, submenu, ...rest }) => ({
    ...rest,
    ...(submenu ? { submenu: withClicks(submenu, send) } : {}),
    ...(command ? { click: () => send(command) } : {}),
  }))
}
