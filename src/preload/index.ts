import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/ipc/channels'
import { PUSH_CHECKS, PUSH_EVENTS, type PushEvent } from '../shared/ipc/events'

/** One listener method per push event (the menu's commands, an import's progress); a payload that fails its check never reaches the page. */
function pushListeners(): Record<string, (listener: (payload: unknown) => void) => () => void> {
  const out: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
  for (const event of Object.keys(PUSH_EVENTS) as PushEvent[]) {
    out[PUSH_EVENTS[event]] = (listener) => {
      const l = (_e: unknown, payload: unknown) => {
        if (PUSH_CHECKS[event](payload)) listener(payload)
      }
      ipcRenderer.on(event, l)
      return () => void ipcRenderer.removeListener(event, l)
    }
  }
  return out
}

// One function per channel, plus one listener per push event, and nothing else: the page never sees ipcRenderer.
contextBridge.exposeInMainWorld('api', {
  ...buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
  ...pushListeners(),
})
