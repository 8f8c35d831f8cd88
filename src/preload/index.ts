import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/channels'

// One function per channel and nothing else: the page never sees ipcRenderer.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
)
