import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS } from '../../src/shared/ipc/menu'
import { menuItems, menuTemplate, type MenuItem } from '../../src/main/menu-template'
import { shortcut, SHORTCUTS } from '../../src/shared/shortcuts'

const DEVELOPER = ['toggleDevTools', 'reload', 'forceReload']
const platforms: NodeJS.Platform[] = ['linux', 'win32', 'darwin']
const labels = (t: MenuItem[]) => t.map((m) => m.label?.replace('&', '') ?? m.role)

describe('the application menu', () => {
  it.each(platforms)('a packaged build on %s has no developer tools and no reload', (platform) => {
    const roles = menuItems(menuTemplate({ platform, packaged: true, appName: 'Area Command Planner' })).map((m) => m.role)
    for (const r of DEVELOPER) expect(roles).not.toContain(r)
  })

  it('while developing, View has reload and the developer tools', () => {
    const roles = menuItems(menuTemplate({ platform: 'linux', packaged: false, appName: 'Area Command Planner' })).map((m) => m.role)
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('File, Edit, View, Plan and Help on Windows and Linux; the app menu first and a Window menu on macOS', () => {
    expect(labels(menuTemplate({ platform: 'win32', packaged: true, appName: 'Area Command Planner' }))).toEqual(['File', 'Edit', 'View', 'Plan', 'Help'])
    const mac = menuTemplate({ platform: 'darwin', packaged: true, appName: 'Area Command Planner' })
    expect(labels(mac)).toEqual(['Area Command Planner', 'File', 'Edit', 'View', 'Plan', 'windowMenu', 'Help'])
    expect(menuItems([mac[0]]).map((m) => m.role)).toEqual(expect.arrayContaining(['quit', 'hide', 'services']))
  })

  it.each(platforms)('on %s every command of the app is in the menu, and text editing keeps cut, copy and paste', (platform) => {
    const items = menuItems(menuTemplate({ platform, packaged: true, appName: 'Area Command Planner' }))
    expect(new Set(items.map((m) => m.command).filter(Boolean))).toEqual(new Set(MENU_COMMANDS))
    expect(items.map((m) => m.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']))
  })

  it('shows the window\'s own keys for undo and redo without taking them from it (so Ctrl+Z in a text field still undoes typing)', () => {
    const items = menuItems(menuTemplate({ platform: 'linux', packaged: true, appName: 'Area Command Planner' }))
    const undo = items.find((m) => m.command === 'undo')!, redo = items.find((m) => m.command === 'redo')!
    expect(undo.accelerator!.replace('CmdOrCtrl', 'Ctrl')).toBe(shortcut('undo').keys[0])
    expect(shortcut('redo').keys).toContain(redo.accelerator)
    for (const m of items.filter((i) => i.command && i.accelerator)) expect(m.registerAccelerator).toBe(false)
  })

  it.each(platforms)('on %s every key the menu shows is a key the window answers', (platform) => {
    const keys = new Set(SHORTCUTS.flatMap((s) => s.keys))
    for (const m of menuItems(menuTemplate({ platform, packaged: true, appName: 'Area Command Planner' })).filter((i) => i.accelerator)) {
      expect(keys, `${m.label}: ${m.accelerator}`).toContain(m.accelerator!.replace(/^(CmdOrCtrl|Cmd)\+/, 'Ctrl+'))
    }
  })
})
