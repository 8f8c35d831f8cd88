import type { Finding, Tolerances } from '../../domain'
import { buildArrangement, collectSegments, type Arrangement } from './arrangement'
import { labelFaces, piecesByKey, type FacePiece } from './faces'
import { fmtM2, geometricFinding } from './finding-build'
import { toPieces, type Piece } from './pieces'
import type { Shape } from './shape'

/** A boundary taking part in the geometric checks (invalid ones are left out). */
export interface Item {
  id: string
  name: string
  shape: Shape
  /** Neighborhoods: index of the owning area among valid areas; -1 no such area, -2 its area is invalid. */
  area?: number
}

export interface OverlayInput {
  areas: Item[]
  nbs: Item[]
  city: Shape | null
  nbAreaId: (i: number) => string
}

/**
 * Owner ids: areas 0..A-1, neighborhoods A..A+N-1, city A+N. Each face's owners give its
 * keys: 'g' gap, 'o:n' neighborhood n outside its area, 'v:i:j' overlap, 'a:i:j' area
 * overlap, 'c:i' area beyond the city limit, 'ag' ground in no area (holes between areas,
 * or city ground without an area).
 */
export function faceKeys(label: number[], A: number, N: number, hasCity: boolean, nbArea: number[]): string[] {
  const keys: string[] = []
  const areas: number[] = [], nbs: number[] = []
  let inCity = false
  for (const o of label) {
    if (o < A) areas.push(o)
    else if (o < A + N) nbs.push(o - A)
    else inCity = true
  }
  if (areas.length && !nbs.length) keys.push('g')
  for (const n of nbs) {
    const a = nbArea[n]
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

export interface KeyedPiece extends Piece {
  /** Valid-area indices containing some face of the piece. */
  areas: number[]
}

/** Measured pieces per key, from the faces of an arrangement (all of them, or those `keep` allows). */
export function keyedPieces(arr: Arrangement, shapes: (Shape | null)[], inp: { A: number; N: number; hasCity: boolean; nbArea: number[] }, keep?: (f: number) => boolean): Map<string, KeyedPiece[]> {
  const ids: number[] = []
  for (let f = 0; f < arr.faces.length; f++) if (!keep || keep(f)) ids.push(f)
  const labels = labelFaces(arr, shapes, ids)
  const keys = new Map<number, string[]>()
  for (const [f, l] of labels) {
    const k = faceKeys(l, inp.A, inp.N, inp.hasCity, inp.nbArea)
    if (k.length) keys.set(f, k)
  }
  const raw = piecesByKey(arr, keys, inp.hasCity ? new Set() : new Set(['ag']))
  const out = new Map<string, KeyedPiece[]>()
  for (const [key, list] of raw) {
    const measured: KeyedPiece[] = []
    for (const fp of list) {
      const [p] = toPieces([fp.poly])
      if (!p) continue
      measured.push({ ...p, areas: areasOf(fp, labels, inp.A) })
    }
    if (measured.length) out.set(key, measured)
  }
  return out
}

function areasOf(fp: FacePiece, labels: Map<number, number[]>, A: number): number[] {
  const s = new Set<number>()
  for (const f of fp.faces) for (const o of labels.get(f) ?? []) if (o < A) s.add(o)
  return [...s].sort((a, b) => a - b)
}

/**
 * Every geometric finding of the plan from one arrangement of all boundaries, or null when
 * the arrangement came out inconsistent (an edge with the same face on both sides).
 */
export function overlayFindings(inp: OverlayInput, tol: Tolerances): Finding[] | null {
  const A = inp.areas.length, N = inp.nbs.length
  const shapes: (Shape | null)[] = [...inp.areas.map((a) => a.shape), ...inp.nbs.map((n) => n.shape), inp.city]
  const { segs, owner } = collectSegments(shapes)
  const arr = buildArrangement(segs, owner)
  for (let h = 0; h < arr.face.length; h += 2) if (arr.face[h] === arr.face[h + 1]) return null
  const pieces = keyedPieces(arr, shapes, { A, N, hasCity: !!inp.city, nbArea: inp.nbs.map((n) => n.area ?? -1) })
  return findingsFromPieces(pieces, inp, tol)
}

export function findingsFromPieces(pieces: Map<string, KeyedPiece[]>, inp: OverlayInput, tol: Tolerances): Finding[] {
  const out: Finding[] = []
  for (const [key, list] of pieces) out.push(...findingsForKey(key, list, inp, tol))
  return out
}

export function findingsForKey(key: string, list: KeyedPiece[], inp: OverlayInput, tol: Tolerances): Finding[] {
  const { areas, nbs } = inp
  const parts = key.split(':')
  const areaIdsOfNbs = (xs: Item[]) => [...new Set(xs.map((x) => (x.area !== undefined && x.area >= 0 ? areas[x.area].id : inp.nbAreaId(nbs.indexOf(x)))).filter((x) => x.length > 0))]
  switch (parts[0]) {
    case 'g':
      return list.map((p) => {
        const ids = p.areas.map((a) => areas[a])
        return geometricFinding({ kind: 'gap', pieces: [p], areaIds: ids.map((a) => a.id), neighborhoodIds: [], anchorById: true, message: (m2) => `Gap of ${fmtM2(m2)} in ${ids.map((a) => `Area Command ${a.name}`).join(' / ') || 'the areas'} not covered by any neighborhood` }, tol)
      })
    case 'o': {
      const n = nbs[Number(parts[1])]
      const area = n.area !== undefined && n.area >= 0 ? areas[n.area] : null
      const where = area ? `its Area Command ${area.name}` : `any Area Command (its area "${inp.nbAreaId(Number(parts[1]))}" does not exist)`
      return [geometricFinding({ kind: 'outside-area', pieces: list, areaIds: area ? [area.id] : [], neighborhoodIds: [n.id], message: (m2) => `${n.name} has ${fmtM2(m2)} outside ${where}` }, tol)]
    }
    case 'v': {
      const p = nbs[Number(parts[1])], q = nbs[Number(parts[2])]
      const [a, b] = p.id < q.id ? [p, q] : [q, p]
      return [geometricFinding({ kind: 'overlap', pieces: list, areaIds: areaIdsOfNbs([a, b]), neighborhoodIds: [a.id, b.id], message: (m2) => `${a.name} and ${b.name} overlap by ${fmtM2(m2)}` }, tol)]
    }
    case 'a': {
      const a = areas[Number(parts[1])], b = areas[Number(parts[2])]
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id, b.id], neighborhoodIds: [], message: (m2) => `Area Commands ${a.name} and ${b.name} overlap by ${fmtM2(m2)}` }, tol)]
    }
    case 'c': {
      const a = areas[Number(parts[1])]
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id], neighborhoodIds: [], message: (m2) => `Area Command ${a.name} extends ${fmtM2(m2)} beyond the city limit` }, tol)]
    }
    case 'ag':
      return list.map((p) => geometricFinding({ kind: 'area-gap', pieces: [p], areaIds: [], neighborhoodIds: [], anchorById: true, message: (m2) => (inp.city ? `Gap of ${fmtM2(m2)} in the city limit not covered by any Area Command` : `Gap of ${fmtM2(m2)} between Area Commands not covered by any of them`) }, tol))
    default:
      return []
  }
}
