import type { Shape } from './shape'

/**
 * A boundary taking part in the arrangement. Owners live in slots that stay put for the
 * life of a validator (a deleted one leaves an empty slot), so face labels and piece keys
 * made from slot numbers stay valid across edits.
 */
export interface Owner {
  kind: 'area' | 'nb' | 'city'
  id: string
  name: string
  shape: Shape
  /** The stored boundary is invalid: `shape` is its repaired form (GEOS MakeValid semantics). */
  repaired?: boolean
  /** Neighborhoods: slot of the owning (valid) area; -1 no such area, -2 its area is invalid. */
  area: number
  /** Neighborhoods: the area id as stored. */
  areaId: string
}

/**
 * Scratch lists of a face's areas and neighborhoods, reused. Filled by count, never emptied
 * with `length = 0`, which drops an array's storage (the next push grows a new one per face).
 */
const areas: number[] = []
const nbs: number[] = []
let na = 0, nn = 0
/**
 * Key strings by owner slot, made once: the same few hundred keys come back on thousands of
 * faces, and a new string for each was a good part of a plan check's garbage.
 */
const oneKeys = new Map<string, Map<number, string>>()
const pairKeys = new Map<string, Map<number, string>>()

function oneKey(prefix: string, a: number): string {
  let m = oneKeys.get(prefix)
  if (!m) oneKeys.set(prefix, (m = new Map()))
  let k = m.get(a)
  if (k === undefined) m.set(a, (k = prefix + a))
  return k
}

function pairKey(prefix: string, a: number, b: number): string {
  if (b >= 0x100000) return prefix + a + ':' + b
  let m = pairKeys.get(prefix)
  if (!m) pairKeys.set(prefix, (m = new Map()))
  // Slots are small integers (owners of one plan): a and b fit one exact double.
  const id = a * 0x100000 + b
  let k = m.get(id)
  if (k === undefined) m.set(id, (k = prefix + a + ':' + b))
  return k
}

/**
 * Keys of a face from the owners containing it (its label, `label[from .. from + n)`): 'g'
 * gap, 'o:n' neighborhood n outside its area, 'v:i:j' overlap, 'a:i:j' area overlap, 'c:i'
 * area beyond the city limit, 'ag' ground in no area (holes between areas, or city ground
 * without an area). Written to `found` (the caller's scratch, filled by count: the keys are
 * read at once and none kept, so no array per face); returns how many.
 */
export function faceKeys(label: Int32Array, from: number, n: number, owners: (Owner | null)[], hasCity: boolean, found: string[]): number {
  let nf = 0
  na = nn = 0
  let inCity = false
  for (let i = from; i < from + n; i++) {
    const o = label[i]
    const k = owners[o]!.kind
    if (k === 'area') areas[na++] = o
    else if (k === 'nb') nbs[nn++] = o
    else inCity = true
  }
  if (na && !nn) found[nf++] = 'g'
  for (let i = 0; i < nn; i++) {
    const n = nbs[i]
    const a = owners[n]!.area
    if (a === -2) continue
    let inArea = false
    for (let j = 0; j < na && !inArea; j++) inArea = areas[j] === a
    if (a === -1 || !inArea) found[nf++] = oneKey('o:', n)
  }
  for (let i = 0; i < nn; i++) for (let j = i + 1; j < nn; j++) found[nf++] = pairKey('v:', nbs[i], nbs[j])
  for (let i = 0; i < na; i++) for (let j = i + 1; j < na; j++) found[nf++] = pairKey('a:', areas[i], areas[j])
  if (hasCity) {
    if (!inCity) for (let i = 0; i < na; i++) found[nf++] = oneKey('c:', areas[i])
    else if (!na) found[nf++] = 'ag'
  } else if (!na) found[nf++] = 'ag'
  return nf
}
