/**
 * Text from files and forms ends up in a terminal. A terminal obeys control characters (ESC
 * sequences recolour it or set its title, a bare CR overwrites the line) and bidirectional
 * overrides reorder what is shown, so one crafted name could forge a line of output. These
 * helpers find such characters and write them out as visible `\uXXXX` escapes.
 */

/**
 * C0 controls, DEL, C1 controls (U+009B is CSI to some terminals), the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), the line and paragraph separators, and
 * lone surrogates (the `u` flag makes a surrogate *pair* one code point, so only lone halves match).
 */
const UNSAFE_SOURCE = String.raw`[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Surrogate}`
/** Everything above but the line feed, which multi-line output needs. */
const UNSAFE_IN_OUTPUT = new RegExp(UNSAFE_SOURCE.replace(String.raw`\u0000-\u001f`, String.raw`\u0000-\u0009\u000b-\u001f`), 'gu')
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'u')
const LONE_SURROGATE = /\p{Surrogate}/u

/** `U+001B`: how a character is named in messages. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * The text with every control character (but the line feed), bidirectional control and lone
 * surrogate written as `\uXXXX`. One regex pass, so it stays linear on a 40 MB report; the
 * escape is also valid inside a JSON string, so JSON output can go through it unchanged in meaning.
 */
export function safeText(s: string): string {
  UNSAFE_IN_OUTPUT.lastIndex = 0
  return UNSAFE_IN_OUTPUT.test(s) ? s.replace(UNSAFE_IN_OUTPUT, escapeChar) : s
}

const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'gu')

/**
 * `safeText` for a value placed inside one line of output: the line feed is escaped too, so a
 * stored name (from a plan an older version wrote) cannot start a line of its own.
 */
export function safeLine(s: string): string {
  UNSAFE_ALL.lastIndex = 0
  return UNSAFE_ALL.test(s) ? s.replace(UNSAFE_ALL, escapeChar) : s
}

/** Whether the text is well-formed Unicode (no lone UTF-16 surrogate), as `String.prototype.isWellFormed`. */
export const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s)

export interface UnsafeChar {
  /** 0-based position in the string (UTF-16 units). */
  index: number
  codePoint: number
  /** What a message calls it. */
  kind: 'a control character' | 'a bidirectional control' | 'a line separator' | 'a lone UTF-16 surrogate'
}

/** The first character an id may not hold (any `safeText` escapes, the line feed included), or null. */
export function firstUnsafeChar(s: string): UnsafeChar | null {
  const m = UNSAFE.exec(s)
  if (!m) return null
  const codePoint = m[0].charCodeAt(0)
  const kind =
    codePoint >= 0xd800 && codePoint <= 0xdfff
      ? 'a lone UTF-16 surrogate'
      : codePoint === 0x2028 || codePoint === 0x2029
        ? 'a line separator'
        : codePoint >= 0x202a
          ? 'a bidirectional control'
          : 'a control character'
  return { index: m.index, codePoint, kind }
}

/** "a control character (U+001B) at character 4": the words a refusal uses (1-based position). */
export function describeUnsafeChar(c: UnsafeChar): string {
  return `${c.kind} (${codePointLabel(c.codePoint)}) at character ${c.index + 1}`
}

/**
 * A display name as it may be stored: tabs and line breaks become spaces, other control and
 * bidirectional characters are dropped, a lone surrogate becomes U+FFFD, and runs of spaces
 * collapse. Names come in bulk from files, where refusing a whole layer over one stray CR would
 * be harsher than cleaning it; `changed` lets the caller say so.
 */
export function cleanName(s: string): { text: string; changed: boolean } {
  UNSAFE_ALL.lastIndex = 0
  if (!UNSAFE_ALL.test(s)) return { text: s, changed: false }
  const text = s
    .replace(UNSAFE_ALL, (c) => {
      const cp = c.charCodeAt(0)
      if (cp >= 0xd800 && cp <= 0xdfff) return '\uFFFD'
      return cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029 || (cp >= 0x0b && cp <= 0x0c) ? ' ' : ''
    })
    .replace(/ {2,}/g, ' ')
    .trim()
  return { text, changed: true }
}
