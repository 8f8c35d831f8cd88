import { stableStringify } from './stable-json'

/**
 * stableStringify(a) === stableStringify(b), without building either text: undoing a roster
 * import compares a million stored officers with the ones the step recorded, and serialising
 * both with sorted keys was a quarter of that undo. Plain objects and arrays are walked; anything
 * else (strings, numbers, null, and the rare odd value) is compared by its stable JSON.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b && typeof a !== 'number') return true
  if (!isPlain(a) || !isPlain(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return false
      // JSON writes an undefined array element as null.
      for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false
      return true
    }
    return stableStringify(a) === stableStringify(b)
  }
  // Keys holding undefined are left out of JSON, so they do not count.
  let n = 0
  for (const k of Object.keys(a)) {
    const x = a[k]
    if (x === undefined) continue
    n++
    const y = b[k]
    if (y === undefined || !jsonEqual(x, y)) return false
  }
  for (const k of Object.keys(b)) if (b[k] !== undefined) n--
  return n === 0
}

/** An object JSON writes as its own keys: not an array, and without a toJSON of its own. */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v) as object | null
  return proto === Object.prototype || proto === null
}
