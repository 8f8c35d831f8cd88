import { safeText } from './safe-text'

/**
 * Messages quote what the user's file or form held, and that can be megabytes (one CSV cell,
 * a parent id, an array where an id belongs, 200,000 field names). A message shows a bounded
 * head of a value and of a list, with how much was left out, and is terminal-safe.
 */

const count = (n: number): string => n.toLocaleString('en-US')

/** The first `max` UTF-16 units, without splitting a surrogate pair (half a pair is ill-formed text). */
export function cutText(s: string, max: number): string {
  const cut = s.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}

/** Non-text values (an array or object where an id belongs) are shown as JSON, cut like text. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return String(v)
  if (typeof v === 'bigint') return v.toString()
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    // Too deep to stringify (or cyclic): say what it is instead.
    return Array.isArray(v) ? '[an array]' : '{an object}'
  }
}

/**
 * A value for a message: at most `max` characters of it, control characters escaped, and the
 * full length when it was cut ("AAAA… (5,242,880 characters)").
 */
export function showValue(v: unknown, max = 200): string {
  const s = asText(v)
  if (s.length <= max) return safeText(s)
  return `${safeText(cutText(s, max))}… (${count(s.length)} characters)`
}

/**
 * A list for a message: the first `max` items, each shown with `showValue(item, itemMax)`,
 * then how many more ("a, b, … and 199,980 more").
 */
export function showList(items: readonly unknown[], max = 20, itemMax = 60): string {
  const shown = items.slice(0, max).map((v) => showValue(v, itemMax))
  const rest = items.length - shown.length
  return rest > 0 ? `${shown.join(', ')}, … and ${count(rest)} more` : shown.join(', ')
}

/**
 * Backstop for a whole one-line message (the CLI's stderr): when longer than `max`, keeps its
 * start and its end, where the reason usually is, and says how much was left out.
 */
export function boundLine(text: string, max = 1500): string {
  if (text.length <= max) return text
  const tail = Math.floor(max / 4)
  const start = cutText(text, max - tail)
  let end = text.slice(text.length - tail)
  const first = end.charCodeAt(0)
  if (first >= 0xdc00 && first <= 0xdfff) end = end.slice(1)
  return `${start} … [${count(text.length - start.length - end.length)} characters left out] … ${end}`
}
