import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '../../e2e/harness/wire'

// The browser tests' stand-in for Electron IPC must hand the services exactly what the page sent.
describe('the browser-test IPC wire', () => {
  it('carries plain data as JSON text and gives back an equal value', () => {
    const cs = { label: 'Move vertex', ops: [{ entity: 'neighborhood', id: 'NE-1', before: null, after: { name: 'Hills', geometry: { type: 'Polygon', coordinates: [[[-121.7, 37.6], [-121.6, 37.6], [-121.7, 37.7], [-121.7, 37.6]]] }, color: null } }] }
    const w = toWire(cs)
    expect('json' in w).toBe(true)
    expect(fromWire(w)).toEqual(cs)
    expect(fromWire(toWire(null))).toBeNull()
    expect(fromWire(toWire('text'))).toBe('text')
  })

  it('passes on as they are the values JSON would change', () => {
    const bytes = new Uint8Array([1, 2, 3])
    const when = new Date(0)
    for (const v of [undefined, bytes, { file: bytes }, { at: when }, [1, undefined, 3], { x: NaN }, [Infinity], { n: 10n }]) {
      const w = toWire(v)
      expect('value' in w).toBe(true)
      expect(fromWire(w)).toBe(v)
    }
  })

  it('ships into the page as source text that works on its own', () => {
    const shipped = new Function(`return (${toWire.toString()})`)() as typeof toWire
    expect(shipped({ a: [1, 2] })).toEqual({ json: '{"a":[1,2]}' })
    expect('value' in shipped({ a: new Uint8Array(1) })).toBe(true)
  })
})
