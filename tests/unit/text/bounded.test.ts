import { describe, expect, it } from 'vitest'
import { boundLine, showList, showValue } from '../../../src/shared/text/bounded'

describe('showValue', () => {
  it('shows short values whole, escaped', () => {
    expect(showValue('Beat 12')).toBe('Beat 12')
    expect(showValue('a\u001bb')).toBe('a\\u001bb')
    expect(showValue(42)).toBe('42')
    expect(showValue(['x'])).toBe('["x"]')
  })

  it('cuts a long value to its head and gives the full length', () => {
    const s = showValue('A'.repeat(5 * 1024 * 1024))
    expect(s).toBe(`${'A'.repeat(200)}… (5,242,880 characters)`)
  })

  it('cuts an array id shown as JSON the same way', () => {
    const s = showValue(Array.from({ length: 300_000 }, (_, i) => i))
    expect(s.length).toBeLessThan(260)
    expect(s).toMatch(/^\[0,1,2,.*… \([\d,]+ characters\)$/)
  })

  it('never splits a surrogate pair', () => {
    const s = showValue(`${'a'.repeat(199)}🚓🚓`, 200)
    expect(s.startsWith(`${'a'.repeat(199)}…`)).toBe(true)
  })

  it('says what a too-deep value is instead of throwing', () => {
    let deep: unknown[] = []
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(showValue(deep)).toBe('[an array]')
  })
})

describe('showList', () => {
  it('lists at most 20 items and counts the rest', () => {
    const names = Array.from({ length: 200_000 }, (_, i) => `f${i}`)
    const s = showList(names)
    expect(s).toBe(`${names.slice(0, 20).join(', ')}, … and 199,980 more`)
  })

  it('lists short lists whole, each item bounded', () => {
    expect(showList(['a', 'b'])).toBe('a, b')
    expect(showList(['x'.repeat(1000)]).length).toBeLessThan(100)
  })
})

describe('boundLine', () => {
  it('keeps the start and the end of an over-long line', () => {
    const line = `start ${'x'.repeat(100_000)} the reason`
    const b = boundLine(line)
    expect(b.length).toBeLessThan(1600)
    expect(b.startsWith('start ')).toBe(true)
    expect(b.endsWith('the reason')).toBe(true)
    expect(b).toMatch(/… \[[\d,]+ characters left out\] …/)
  })

  it('leaves short lines alone', () => {
    expect(boundLine('short')).toBe('short')
  })
})
