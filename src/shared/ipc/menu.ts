/**
 * The application menu's commands. The main process builds the menu from these and sends the
 * chosen one to the window on MENU_EVENT; the window runs the same action as its own button
 * or key (the keys themselves stay with the window, so a shortcut never fires twice).
 */
export const MENU_COMMANDS = [
  'import', 'publish', 'print',
  'undo', 'redo',
  'zoom-in', 'zoom-out', 'zoom-fit',
  'check-plan', 'find-officer', 'staffing', 'history',
  'guide', 'shortcuts', 'about',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The push channel main → window. Not an invoke channel: the window only listens. */
export const MENU_EVENT = 'menu:command'

/** window.api as the preload gives it: one function per channel, plus the menu's push. */
export interface MenuEvents {
  /** Calls `listener` with each command chosen in the application menu; returns the way to stop. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

export const isMenuCommand = (v: unknown): v is MenuCommand => typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v)
