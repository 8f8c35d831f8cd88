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
export type Wire = { json: string } | { value: unknown }

/**
 * Self-contained (it is shipped into the page as source text, like buildApiFrom), so it may
 * use nothing but its argument.
 */
export function toWire(v: unknown): Wire {
  if (v === undefined) return { value: v }
  let plain = true
  const json = JSON.stringify(v, function (this: Record<string, unknown>, key: string, x: unknown) {
    // Read the holder: JSON has already turned a Date into a string by the time x arrives.
    const raw = key === '' ? v : this[key]
    if (typeof raw === 'bigint') {
      plain = false
      return null
    }
    if (raw === undefined ? Array.isArray(this) : typeof raw === 'number' ? !Number.isFinite(raw) : raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null)
      plain = false
    return x
  })
  return plain ? { json } : { value: v }
}

export function fromWire(w: Wire): unknown {
  return typeof w === 'object' && w !== null && 'json' in w ? JSON.parse(w.json) : (w as { value?: unknown } | null)?.value
}
