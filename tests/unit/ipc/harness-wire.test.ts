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
    const when = new Date(0)
    for (const v of [undefined, new Uint16Array([1, 2]), { at: when }, [1, undefined, 3], { x: NaN }, [Infinity], { n: 10n }]) {
      const w = toWire(v)
      expect('value' in w).toBe(true)
      expect(fromWire(w)).toBe(v)
    }
  })

  it('carries file bytes as base64 beside the JSON and gives back the same bytes in their place', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256)
    const input = { file: { name: 'a.geojson', bytes: big }, layer: 'areas', extra: [new Uint8Array([0, 255]), { __acpBytes: 'not bytes' }] }
    const w = toWire(input)
    expect('json' in w && w.bytes?.length).toBe(2)
    const back = fromWire(w) as typeof input
    expect(back.file.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(back.file.bytes).equals(Buffer.from(big))).toBe(true)
    expect(back).toEqual(input)
  })

  it('sends the same bytes only once when both sides remember them', () => {
    const file = new Uint8Array(1000).fill(7)
    const sent = { sent: new WeakMap<Uint8Array, number>() }
    const got = { got: new Map<number, Uint8Array>() }
    const first = toWire({ bytes: file }, sent)
    const again = toWire({ bytes: file, more: new Uint8Array([1]) }, sent)
    expect('json' in first && first.bytes?.[0].length).toBeGreaterThan(1000)
    expect('json' in again && again.bytes).toEqual(['AQ=='])
    expect(fromWire(first, got)).toEqual({ bytes: file })
    expect(fromWire(again, got)).toEqual({ bytes: file, more: new Uint8Array([1]) })
    // A side that remembers nothing cannot read a reference: it stays as it was sent.
    expect(fromWire(again)).toMatchObject({ bytes: { __acpBytes: -1 } })
  })

  it('ships into the page as source text that works on its own', () => {
    const shipped = new Function(`return (${toWire.toString()})`)() as typeof toWire
    const shippedFrom = new Function(`return (${fromWire.toString()})`)() as typeof fromWire
    expect(shipped({ a: [1, 2] })).toEqual({ json: '{"a":[1,2]}' })
    expect(shippedFrom(shipped({ a: new Uint8Array([3, 4]) }))).toEqual({ a: new Uint8Array([3, 4]) })
    expect('value' in shipped({ a: new Date(0) })).toBe(true)
  })
})
