/**
 * How the harness carries IPC values between the page and the test process.
 *
 * Electron's IPC copies a drag's 25 KB change set in well under a millisecond. Playwright's
 * binding serializer walks every number of it in JavaScript on both sides, about 10 ms each
 * way, which would make every browser test and the editor benchmark pay a transport cost the
 * app never pays. Plain data (all the app sends but file bytes) therefore goes as JSON text;
 * anything JSON would change (bytes, dates, undefined in arrays, NaN, Infinity, bigints) goes as the
 * value itself through Playwright's serializer, which keeps it as structured clone would.
 */
export type Wire = { json: string; bytes?: string[] } | { value: unknown }

/**
 * Byte arrays already carried, on each side: the page numbers each array it sends (the import
 * dialog sends the same picked file for each preview and for the import), and a second time
 * sends only its number. Carrying 50 MB through Playwright takes most of a minute on a loaded
 * machine; Electron's IPC copies it in milliseconds, a cost the app never pays.
 */
export interface BytesSeen {
  /** The page's side: each array sent, by its number (counted in `count`). */
  sent?: WeakMap<Uint8Array, number>
  count?: number
  /** The test process's side: each array received, by its number. */
  got?: Map<number, Uint8Array>
}

/**
 * Self-contained (it is shipped into the page as source text, like buildApiFrom), so it may
 * use nothing but its argument. Byte arrays (a picked file: 50 MB for a big layer) go as base64
 * beside the JSON, each in its place as {"__acpBytes": n}: Playwright's serializer would turn each
 * byte into a string of its own in the page.
 */
export function toWire(v: unknown, seen: BytesSeen = {}): Wire {
  if (v === undefined) return { value: v }
  let plain = true
  const bytes: string[] = []
  const base64 = (u: Uint8Array): string => {
    const native = (u as unknown as { toBase64?: () => string }).toBase64
    if (typeof native === 'function') return native.call(u)
    let s = ''
    for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, u.subarray(i, i + 0x8000) as unknown as number[])
    return btoa(s)
  }
  const json = JSON.stringify(v, function (this: Record<string, unknown>, key: string, x: unknown) {
    // Read the holder: JSON has already turned a Date into a string by the time x arrives.
    const raw = key === '' ? v : this[key]
    if (raw instanceof Uint8Array) {
      const known = seen.sent?.get(raw)
      if (known !== undefined) return { __acpBytes: -1, seen: known }
      bytes.push(base64(raw))
      // 0: not remembered (no `sent` map given).
      const id = seen.sent ? (seen.count = (seen.count ?? 0) + 1) : 0
      seen.sent?.set(raw, id)
      return { __acpBytes: bytes.length - 1, seen: id }
    }
    // Other binary views are not walked element by element: they go as the value.
    if (typeof raw === 'bigint' || ArrayBuffer.isView(raw)) {
      plain = false
      return null
    }
    if (raw === undefined ? Array.isArray(this) : typeof raw === 'number' ? !Number.isFinite(raw) : raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null)
      plain = false
    return x
  })
  if (!plain) return { value: v }
  return bytes.length ? { json, bytes } : { json }
}

/** Self-contained too (shipped into the page). */
export function fromWire(w: Wire, seen: BytesSeen = {}): unknown {
  if (!(typeof w === 'object' && w !== null && 'json' in w)) return (w as { value?: unknown } | null)?.value
  const bytes = w.bytes ?? []
  if (!w.json.includes('"__acpBytes"')) return JSON.parse(w.json)
  const decode = (s: string): Uint8Array => {
    const bin = atob(s)
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  }
  return JSON.parse(w.json, (_k, x: unknown) => {
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
      const keys = Object.keys(x)
      const { __acpBytes: n, seen: id } = x as { __acpBytes?: unknown; seen?: unknown }
      if (keys.length === 2 && typeof n === 'number' && typeof id === 'number') {
        if (n === -1 && seen.got?.has(id)) return seen.got.get(id)
        if (bytes[n] !== undefined) {
          const b = decode(bytes[n])
          if (id > 0) seen.got?.set(id, b)
          return b
        }
      }
    }
    return x
  })
}
