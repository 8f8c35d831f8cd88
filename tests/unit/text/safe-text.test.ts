import { describe, expect, it } from 'vitest'
import { cleanName, describeUnsafeChar, firstUnsafeChar, safeLine, safeText, wellFormed } from '../../../src/shared/text/safe-text'

describe('safeText: terminal-safe output', () => {
  it('escapes ESC sequences, bare CR, DEL, C1 controls and bidirectional overrides as \\uXXXX', () => {
    expect(safeText('a\u001b]0;pwned\u0007b')).toBe('a\\u001b]0;pwned\\u0007b')
    expect(safeText('ok\rFAKE')).toBe('ok\\u000dFAKE')
    expect(safeText('x\u007f\u009by')).toBe('x\\u007f\\u009by')
    expect(safeText('abc\u202Edef\u2066')).toBe('abc\\u202edef\\u2066')
    expect(safeText('tab\there')).toBe('tab\\u0009here')
  })

  it('keeps line feeds, non-Latin scripts, emoji and plain text as they are', () => {
    const s = 'Line one\nБеат 12 — 北区 — حي ١ — 🚓'
    expect(safeText(s)).toBe(s)
  })

  it('escapes a lone surrogate but not a pair', () => {
    expect(safeText('a\ud800b')).toBe('a\\ud800b')
    expect(safeText('\ude00')).toBe('\\ude00')
    expect(safeText('🚓')).toBe('🚓')
  })

  it('turns JSON output into JSON that still parses to the same value', () => {
    const value = { name: 'x\u202Ey\u007f\u0085', id: 'a\u001bb' }
    const json = safeText(JSON.stringify(value, null, 2))
    expect(json).not.toMatch(/[\u007f-\u009f\u202e]/)
    expect(JSON.parse(json)).toEqual(value)
  })

  // Speed is measured by the validate-output bench, not asserted here; this is the size validate prints.
  it('escapes every control character of 40 MB of output, one on every line', () => {
    const line = `${'neighborhood 12 overlaps neighborhood 13 '.repeat(4)}\u001b[31m\n`
    const big = line.repeat(Math.ceil((40 * 1024 * 1024) / line.length))
    const out = safeText(big)
    expect(out).not.toContain('\u001b')
    expect(out.length).toBe(big.length + 5 * (big.length / line.length))
  })
})

describe('safeLine: a value inside one line of output', () => {
  it('escapes the line feed as well', () => {
    expect(safeLine('Midtown\nOfficers: FAKE\u001b')).toBe('Midtown\\u000aOfficers: FAKE\\u001b')
    expect(safeLine('Midtown')).toBe('Midtown')
  })
})

describe('firstUnsafeChar: what an id may not hold', () => {
  it('finds control characters (line feed included), bidi controls and lone surrogates, 1-based in the message', () => {
    expect(describeUnsafeChar(firstUnsafeChar('ab\u001b]0;x')!)).toBe('a control character (U+001B) at character 3')
    expect(firstUnsafeChar('a\nb')!.codePoint).toBe(10)
    expect(firstUnsafeChar('a\u202Eb')!.kind).toBe('a bidirectional control')
    expect(firstUnsafeChar('x\ud800')!.kind).toMatch(/lone UTF-16 surrogate/)
    expect(firstUnsafeChar('Beat 12 / Бит 12 / 🚓')).toBeNull()
  })

  it('wellFormed matches String.prototype.isWellFormed', () => {
    for (const s of ['', 'abc', '🚓', '\ud800', 'a\udc00', '\udc00\ud800', '\ud83d\ude93x']) {
      expect(wellFormed(s), JSON.stringify(s)).toBe((s as unknown as { isWellFormed(): boolean }).isWellFormed())
    }
  })
})

describe('cleanName: names from files', () => {
  it('turns line breaks and tabs into spaces, drops other controls and overrides, repairs lone surrogates', () => {
    expect(cleanName('North\r\nBeat')).toEqual({ text: 'North Beat', changed: true })
    expect(cleanName('\u001b]0;pwned\u0007Downtown')).toEqual({ text: ']0;pwnedDowntown', changed: true })
    expect(cleanName('evil\u202Etxt.exe')).toEqual({ text: 'eviltxt.exe', changed: true })
    expect(cleanName('a\ud800b').text).toBe('a\uFFFDb')
  })

  it('leaves printable names in any script untouched', () => {
    expect(cleanName('Centro  Histórico — 北区')).toEqual({ text: 'Centro  Histórico — 北区', changed: false })
  })
})
