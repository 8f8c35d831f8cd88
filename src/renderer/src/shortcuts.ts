import { shortcut, type ShortcutId } from '../../shared/shortcuts'

export { SHORTCUTS, shortcut, type Shortcut, type ShortcutId } from '../../shared/shortcuts'

const NAMED: Record<string, string> = { Esc: 'Escape' }

/** Whether the event is one of the ways to press `keys` ('Ctrl' means Ctrl or ⌘). */
function matchesKeys(e: KeyboardEvent, keys: string): boolean {
  const parts = keys === '?' ? ['?'] : keys.split('+')
  const key = parts[parts.length - 1]
  const ctrl = parts.includes('Ctrl')
  if ((e.ctrlKey || e.metaKey) !== ctrl || e.altKey) return false
  // '?' is Shift+/ on most layouts: the shift is part of the character, not a modifier to check.
  if (key !== '?' && key.length === 1 && e.shiftKey !== parts.includes('Shift')) return false
  if (key.length === 1) return e.key.toUpperCase() === key.toUpperCase()
  return e.key === (NAMED[key] ?? key)
}

/** Whether the key event presses shortcut `id`. */
export function pressed(e: KeyboardEvent, id: ShortcutId): boolean {
  return shortcut(id).keys.some((k) => matchesKeys(e, k))
}

/** Keys go to the text being typed, not to the map, while a field has the focus. */
export function typingIn(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
}
