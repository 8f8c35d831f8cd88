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
 * Keys of a face from the owners containing it: 'g' gap, 'o:n' neighborhood n outside its
 * area, 'v:i:j' overlap, 'a:i:j' area overlap, 'c:i' area beyond the city limit, 'ag'
 * ground in no area (holes between areas, or city ground without an area).
 */
export function faceKeys(label: number[], owners: (Owner | null)[], hasCity: boolean): string[] {
  const keys: string[] = []
  const areas: number[] = [], nbs: number[] = []
  let inCity = false
  for (const o of label) {
    const k = owners[o]!.kind
    if (k === 'area') areas.push(o)
    else if (k === 'nb') nbs.push(o)
    else inCity = true
  }
  if (areas.length && !nbs.length) keys.push('g')
  for (const n of nbs) {
    const a = owners[n]!.area
    if (a === -2) continue
    if (a === -1 || !areas.includes(a)) keys.push('o:' + n)
  }
  for (let i = 0; i < nbs.length; i++) for (let j = i + 1; j < nbs.length; j++) keys.push('v:' + nbs[i] + ':' + nbs[j])
  for (let i = 0; i < areas.length; i++) for (let j = i + 1; j < areas.length; j++) keys.push('a:' + areas[i] + ':' + areas[j])
  if (hasCity) {
    if (!inCity) for (const a of areas) keys.push('c:' + a)
    else if (!areas.length) keys.push('ag')
  } else if (!areas.length) keys.push('ag')
  return keys
}
