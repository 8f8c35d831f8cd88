import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/channels'
import { isMenuCommand, MENU_EVENT, type MenuCommand } from '../shared/ipc/menu'

// One function per channel, plus the menu's push, and nothing else: the page never sees ipcRenderer.
contextBridge.exposeInMainWorld('api', {
  ...buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const l = (_e: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(MENU_EVENT, l)
    return () => void ipcRenderer.removeListener(MENU_EVENT, l)
  },
})
