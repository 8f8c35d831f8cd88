import { IMPORT_PROGRESS_EVENT, isImportProgress, type ImportProgressEvent } from './features/import-progress'
import { isMenuCommand, MENU_EVENT, type MenuCommand } from './menu'
import { isServerEvent, SERVER_EVENT, type ServerEvent } from './features/server-events'

/**
 * The push channels main → window, the other kind beside the invoke channels of contract.ts:
 * event name -> the window.api method that listens to it. The window only listens; each payload
 * is checked (PUSH_CHECKS) in the preload before a listener sees it. Kept free of zod (preload).
 */
export const PUSH_EVENTS = {
  [MENU_EVENT]: 'onMenuCommand',
  [IMPORT_PROGRESS_EVENT]: 'onImportProgress',
  [SERVER_EVENT]: 'onServerEvent',
} as const

export type PushEvent = keyof typeof PUSH_EVENTS

/** What each push event carries. */
export interface PushPayloads {
  [MENU_EVENT]: MenuCommand
  [IMPORT_PROGRESS_EVENT]: ImportProgressEvent
  [SERVER_EVENT]: ServerEvent
}

export const PUSH_CHECKS: { [E in PushEvent]: (v: unknown) => v is PushPayloads[E] } = {
  [MENU_EVENT]: isMenuCommand,
  [IMPORT_PROGRESS_EVENT]: isImportProgress,
  [SERVER_EVENT]: isServerEvent,
}

/** The listening half of window.api: one method per push event; each returns the way to stop. */
export type PushApi = {
  [E in PushEvent as (typeof PUSH_EVENTS)[E]]: (listener: (payload: PushPayloads[E]) => void) => () => void
}

/** How the main process sends a push event to the window (webContents.send in the app). */
export type PushSink = <E extends PushEvent>(event: E, payload: PushPayloads[E]) => void
