/**
 * Every keyboard shortcut of the app, in one list. The window's key handlers test keys against
 * it (src/renderer/src/shortcuts.ts `pressed()`), the `?` dialog prints it and the application
 * menu shows its keys, so none of them can list a key that does nothing or miss one that does
 * something. Plain data: the main process reads it too.
 */
export type ShortcutId =
  | 'tool-select'
  | 'tool-reshape'
  | 'tool-draw'
  | 'tool-split'
  | 'tool-merge'
  | 'tool-redraw'
  | 'tool-delete'
  | 'measure'
  | 'undo'
  | 'redo'
  | 'cancel'
  | 'finish'
  | 'remove-last-point'
  | 'remove-vertex'
  | 'help'

export interface Shortcut {
  id: ShortcutId
  /** As printed: 'V', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Esc', '?'. Each entry is one way to press it. */
  keys: string[]
  group: 'Tools' | 'Editing' | 'Map' | 'Help'
  does: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'tool-select', keys: ['V'], group: 'Tools', does: 'Select: click a neighborhood to see and rename it' },
  { id: 'tool-reshape', keys: ['R'], group: 'Tools', does: 'Reshape: drag corners and edges; neighbors sharing them follow' },
  { id: 'tool-draw', keys: ['D'], group: 'Tools', does: 'Draw new: draw a new neighborhood corner by corner' },
  { id: 'tool-split', keys: ['S'], group: 'Tools', does: 'Split: cut a neighborhood in two with a line' },
  { id: 'tool-merge', keys: ['M'], group: 'Tools', does: 'Merge: join two neighboring neighborhoods' },
  { id: 'tool-redraw', keys: ['B'], group: 'Tools', does: 'Move boundary: redraw the shared boundary of two neighbors' },
  { id: 'tool-delete', keys: ['X'], group: 'Tools', does: 'Delete: delete a neighborhood' },
  { id: 'measure', keys: ['T'], group: 'Map', does: 'Measure a distance or an area on the map (press again to stop)' },
  { id: 'undo', keys: ['Ctrl+Z'], group: 'Editing', does: 'Undo the last change' },
  { id: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], group: 'Editing', does: 'Redo the change last undone' },
  { id: 'cancel', keys: ['Esc'], group: 'Editing', does: 'Cancel the drawing or measurement in progress; close this list' },
  { id: 'finish', keys: ['Enter'], group: 'Editing', does: 'Finish the outline or line being drawn (or double-click)' },
  { id: 'remove-last-point', keys: ['Backspace'], group: 'Editing', does: 'Remove the last corner drawn' },
  { id: 'remove-vertex', keys: ['Delete'], group: 'Editing', does: 'Reshape: remove the corner last dragged' },
  { id: 'help', keys: ['?'], group: 'Help', does: 'Show this list of shortcuts' },
]

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((s) => s.id === id)!
}
