import Flatbush from 'flatbush'
import { allFaces, buildArrangement, collectSegments, components, faceOrigin, twoSidedEdge, type Arrangement } from './arrangement'
import type { Box } from './box'
import { ringLocate } from '../kernel'
import { crossEdge, labelFaces, piecesByKey, ringBox, type FaceKeyList, type FaceLabels, type FacePiece, type FlatRing } from './faces'
import { faceKeys, type Owner } from './owners'
import { NOISE_M2, Piece, pieceAreaM2, type PiecePoly, type SliverRule } from './pieces'
import type { Shape } from './shape'

/**
 * A measured piece of one key, with its box and (gaps) the ids of the areas it lies in. Every
 * field is set in the constructor, dust or not, so all pieces share one object layout: fields
 * added afterwards, some only to dust, gave pieces several layouts, and code compiled for one
 * was sent back to the interpreter when the next turned up.
 */
export class StoredPiece extends Piece {
  constructor(
    poly: PiecePoly,
    areaM2: number,
    sliver: SliverRule | undefined,
    readonly bbox: Box,
    readonly areaIds: readonly string[],
    /** Below the overlay's noise level: never listed nor counted. */
    readonly noise: boolean,
  ) {
    // Dust has no width and is located at its first vertex (not "framed": nothing to measure).
    super(poly, areaM2, !noise, sliver)
  }
}

/**
 * Pieces of every key from the arrangement of all boundaries (no `local`), or of the
 * boundaries reaching `local.region`: then only faces that are faces of the whole plan too are
 * used (those lying within the region), so every piece lying within it comes out exactly
 * as a full run makes it. Null when the arrangement is inconsistent there. `snap`: crossings
 * snap-rounded to the grid, for dirty layers whose exact arrangement is inconsistent.
 */
export function computePieces(owners: (Owner | null)[], hasCity: boolean, sliver: SliverRule, local?: { region: Box; near: Box }, snap = false): Map<string, StoredPiece[]> | null {
  // The steps with loops are functions of their own. A check calls this once: with the loops
  // here, the compiler optimised it in the middle of its first loop, before the code after it
  // had run, and that code sent it back to the interpreter on every check.
  const shapes: (Shape | null)[] = owners.map((o) => (o ? o.shape : null))
  const arr = buildArrangement(collectSegments(shapes, local?.region), snap)
  const faces = local ? trustedFaces(arr, local.region) : allFaces(arr)
  if (twoSidedEdge(arr, faces) >= 0) return null
  if (local && twisted(arr)) return null
  const labels = labelFaces(arr, shapes, faces)
  const raw = piecesByKey(arr, new FaceKeys(labels, owners, hasCity), hasCity ? new Set() : new Set(['ag']))
  return storedPieces(arr, raw, labels, owners, hasCity, sliver, local)
}

/**
 * The keys of the labelled faces, in label order, made as they are walked (piecesByKey walks
 * them once): kept, a list of keys per face and the lists holding them were garbage once the
 * pieces were traced.
 */
class FaceKeys implements FaceKeyList {
  constructor(private readonly labels: FaceLabels, private readonly owners: (Owner | null)[], private readonly hasCity: boolean) {}

  forEach(fn: (key: string, face: number) => void): void {
    const { labels, owners, hasCity } = this
    for (let i = 0; i < labels.count; i++) {
      const f = labels.faces[i]
      const n = faceKeys(labels.pool, labels.start[f], labels.len[f], owners, hasCity, keyScratch)
      for (let k = 0; k < n; k++) fn(keyScratch[k], f)
    }
  }
}

/** Keys of the face at hand (FaceKeys, continuesOutside), filled by count. */
const keyScratch: string[] = []

/**
 * The pieces of each key measured and stored, in piece order; with `local`, only those
 * meeting `local.near`, and null when one goes on past the region (see computePieces).
 */
function storedPieces(arr: Arrangement, raw: Map<string, FacePiece[]>, labels: FaceLabels, owners: (Owner | null)[], hasCity: boolean, sliver: SliverRule, local?: { region: Box; near: Box }): Map<string, StoredPiece[]> | null {
  const out = new Map<string, StoredPiece[]>()
  // Keys, not [key, value] entries: an array less per key (thousands of gap pieces); taken by
  // forEach and walked by index, so no iterator result objects either.
  const keyList: string[] = []
  raw.forEach((_, key) => keyList.push(key))
  for (let q = 0; q < keyList.length; q++) {
    const key = keyList[q]
    const list = raw.get(key)!
    const measured: StoredPiece[] = []
    for (let i = 0; i < list.length; i++) {
      const fp = list[i]
      const poly = canonicalPoly(fp.poly)
      const bbox = ringBox(poly[0])
      if (local) {
        if (!meets(bbox, local.near)) continue
        // Open ground in no area that goes on out of sight is the ground around all areas
        // (or around an island), which a full run leaves out too; anything else would be
        // a piece the plan keeps, and those all lie within the region.
        if (continuesOutside(arr, fp.faces, key, labels, owners, hasCity)) {
          if (key === 'ag') continue
          return null
        }
        // Rings of its own: a view of this run's one buffer would keep every ring the run traced
        // in the region alive for as long as this piece stays, edit after edit.
        for (let r = 0; r < poly.length; r++) poly[r] = poly[r].slice()
      }
      const areaM2 = pieceAreaM2(poly)
      if (!(areaM2 > NOISE_M2)) {
        // Floating-point dust: kept (never listed) so an edit next to it re-does it too.
        measured.push(new StoredPiece(poly, 0, undefined, bbox, NO_IDS, true))
        continue
      }
      // Gathered in a scratch list and copied out at their size (a list grown by push keeps
      // room for sixteen: every piece's).
      let na = 0
      for (let j = 0; j < fp.faces.length; j++) {
        const f = fp.faces[j]
        if (!labels.has(f)) continue
        for (let k = labels.start[f], end = k + labels.len[f]; k < end; k++) {
          const w = owners[labels.pool[k]]!
          if (w.kind !== 'area') continue
          let seen = false
          for (let m = 0; m < na && !seen; m++) seen = idScratch[m] === w.id
          if (!seen) idScratch[na++] = w.id
        }
      }
      const areaIds = na ? sortStable(idScratch.slice(0, na), byCodeUnits) : NO_IDS
      // The piece itself: its width is measured only if a finding needs it.
      measured.push(new StoredPiece(poly, areaM2, sliver, bbox, areaIds, false))
    }
    if (measured.length) out.set(key, sortStable(measured, pieceOrder))
  }
  return out
}

/** Area ids of the piece at hand (storedPieces), filled by count. */
const idScratch: string[] = []
/** The area ids of a piece in none (shared: no one writes to a piece's list). */
const NO_IDS: readonly string[] = []

const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

/**
 * Whether a piece found in a partial arrangement goes on past the faces known there: the
 * face across one of its edges is not a whole-plan face but carries the same key (its
 * label follows from crossing the edge, whose owners are all known). Ground the plan
 * does not keep as a piece (the open ground around all areas, noise) can reach an edit
 * unseen; such a piece is only judged by a full run.
 */
function continuesOutside(arr: Arrangement, faces: number[], key: string, labels: FaceLabels, owners: (Owner | null)[], hasCity: boolean): boolean {
  for (const f of faces) {
    if (!labels.has(f)) continue
    for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
      const h = arr.faceEdges[k], g = arr.face[h ^ 1]
      if (labels.has(g)) continue
      const s = crossEdge(arr, labels, f, h)
      const n = faceKeys(s.owners, 0, s.size, owners, hasCity, keyScratch)
      for (let i = 0; i < n; i++) if (keyScratch[i] === key) return true
    }
  }
  return false
}

/**
 * Whether a face runs along both sides of an edge that closes a cycle. Drawn without crossings
 * that never happens (only an edge no cycle passes through has one face on both sides), but
 * crossing points rounded next to each other can twist the walk round a vertex. A full run
 * then finds a face on both sides of an edge and checks the whole plan snap-rounded; in a
 * partial run the twisted face is usually one reaching past the region (the ground around the
 * plan, say), which the check of its own faces passes over, so the twist is looked for here.
 * The edges no cycle passes through (the boundaries cut off where the region ends) are told
 * apart by Tarjan's bridge search.
 */
function twisted(arr: Arrangement): boolean {
  const H = arr.org.length
  let h = 0
  while (h < H && arr.face[h] !== arr.face[h + 1]) h += 2
  if (h >= H) return false
  const bridge = bridges(arr)
  for (; h < H; h += 2) if (arr.face[h] === arr.face[h + 1] && !bridge[h >> 1]) return true
  return false
}

/** Per edge, whether it is a bridge of the arrangement's graph (on no cycle); depth-first, without recursion. */
function bridges(arr: Arrangement): Uint8Array {
  const V = arr.vx.length, H = arr.org.length
  const start = new Int32Array(V + 1)
  for (let h = 0; h < H; h++) start[arr.org[h] + 1]++
  for (let v = 0; v < V; v++) start[v + 1] += start[v]
  const fill = start.slice(0, V), out = new Int32Array(H)
  for (let h = 0; h < H; h++) out[fill[arr.org[h]]++] = h
  const disc = new Int32Array(V).fill(-1), low = new Int32Array(V), via = new Int32Array(V), next = new Int32Array(V), stack = new Int32Array(V)
  const bridge = new Uint8Array(H >> 1)
  let time = 0
  for (let r = 0; r < V; r++) {
    if (disc[r] >= 0) continue
    let sp = 0
    stack[sp++] = r
    disc[r] = low[r] = time++
    via[r] = -1
    next[r] = start[r]
    while (sp) {
      const v = stack[sp - 1]
      if (next[v] < start[v + 1]) {
        const h = out[next[v]++]
        if (h === (via[v] ^ 1)) continue
        const w = arr.org[h ^ 1]
        if (disc[w] < 0) {
          disc[w] = low[w] = time++
          via[w] = h
          next[w] = start[w]
          stack[sp++] = w
        } else if (disc[w] < low[v]) low[v] = disc[w]
      } else {
        sp--
        if (via[v] < 0) continue
        const u = arr.org[via[v]]
        if (low[v] < low[u]) low[u] = low[v]
        if (low[v] > disc[u]) bridge[via[v] >> 1] = 1
      }
    }
  }
  return bridge
}

/** Pieces of one key in an order that does not depend on how they were found. */
export function pieceOrder(a: StoredPiece, b: StoredPiece): number {
  // -1, 0 or 1 by comparisons, in the order the differences gave: a difference of grid
  // coordinates is a fraction-free double too large for a small integer, and returned from
  // a sort's comparator each was boxed (0.7 MB per full Chicago check).
  const p = a.poly[0], q = b.poly[0]
  if (p[0] !== q[0]) return p[0] < q[0] ? -1 : 1
  if (p[1] !== q[1]) return p[1] < q[1] ? -1 : 1
  if (a.areaM2 !== b.areaM2) return a.areaM2 < b.areaM2 ? -1 : 1
  return p.length - q.length
}

/** Rings start at their lowest-left vertex, holes in that order: same piece, same numbers. */
function canonicalPoly(poly: FlatRing[]): FlatRing[] {
  for (let i = 0; i < poly.length; i++) canonicalRing(poly[i])
  if (poly.length > 2) {
    const holes = poly.slice(1).sort(byFirstVertex)
    for (let i = 0; i < holes.length; i++) poly[i + 1] = holes[i]
  }
  return poly
}
const byFirstVertex = (a: FlatRing, b: FlatRing) => a[0] - b[0] || a[1] - b[1]

/** The ring rotated to start at its lowest-left vertex, in place (the traced ring is the piece's own). */
function canonicalRing(r: FlatRing): void {
  const n = r.length - 2
  let best = 0
  for (let i = 2; i < n; i += 2) {
    const px = r[i], py = r[i + 1], qx = r[best], qy = r[best + 1]
    if (px < qx || (px === qx && py < qy)) best = i
    else if (px === qx && py === qy) {
      // The ring passes the same vertex twice (pinched): pick by the vertex after it.
      const ax = r[i + 2], ay = r[i + 3], bx = r[best + 2], by = r[best + 3]
      if (ax < bx || (ax === bx && ay < by)) best = i
    }
  }
  if (best === 0) return
  if (best > rotate.length) rotate = new Float64Array(Math.max(best, 2 * rotate.length))
  for (let i = 0; i < best; i++) rotate[i] = r[i]
  r.copyWithin(0, best, n)
  for (let i = 0; i < best; i++) r[n - best + i] = rotate[i]
  r[n] = r[0]
  r[n + 1] = r[1]
}

/** The part of a ring moved to its end by `canonicalRing`: scratch, grown to the longest ring. */
let rotate = new Float64Array(1024)

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Array sort's order (stable) for the short lists here, in place, by insertion: Array sort
 * allocates a work copy on every call, and a plan check sorts a list per key and per piece.
 */
function sortStable<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 32) return a.sort(cmp)
  for (let i = 1; i < a.length; i++) {
    const v = a[i]
    let j = i - 1
    while (j >= 0 && cmp(a[j], v) > 0) {
      a[j + 1] = a[j]
      j--
    }
    a[j + 1] = v
  }
  return a
}

/** Whether face f's box lies within r. */
const within = (arr: Arrangement, f: number, r: Box) => {
  const b = arr.faceBox
  return b[4 * f] >= r[0] && b[4 * f + 1] >= r[1] && b[4 * f + 2] <= r[2] && b[4 * f + 3] <= r[3]
}

/**
 * Faces of a partial arrangement that are faces of the whole plan: a bounded face lying in
 * the region is one (every edge that could split it reaches the region and was taken); an
 * outer ring of a connected part is one when the bounded face directly around it is.
 */
function trustedFaces(arr: Arrangement, region: Box): Int32Array {
  const out = new Int32Array(arr.faceCount)
  let n = 0
  const cw: number[] = []
  for (let f = 0; f < arr.faceCount; f++) {
    if (!within(arr, f, region)) continue
    if (arr.faceArea2[f] > 0) out[n++] = f
    else cw.push(f)
  }
  if (!cw.length) return out.subarray(0, n)
  const comp = components(arr)
  const ccw: number[] = []
  for (let f = 0; f < arr.faceCount; f++) if (arr.faceArea2[f] > 0) ccw.push(f)
  if (!ccw.length) return out.subarray(0, n)
  const idx = new Flatbush(ccw.length)
  const b = arr.faceBox
  for (const f of ccw) idx.add(b[4 * f], b[4 * f + 1], b[4 * f + 2], b[4 * f + 3])
  idx.finish()
  const ringCache = new Map<number, { xs: number[]; ys: number[] }>()
  const ringOf = (f: number) => {
    let r = ringCache.get(f)
    if (!r) {
      const xs: number[] = [], ys: number[] = []
      for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
        xs.push(arr.vx[arr.org[arr.faceEdges[k]]])
        ys.push(arr.vy[arr.org[arr.faceEdges[k]]])
      }
      xs.push(xs[0])
      ys.push(ys[0])
      r = { xs, ys }
      ringCache.set(f, r)
    }
    return r
  }
  for (const f of cw) {
    const v = faceOrigin(arr, f)
    const x = arr.vx[v], y = arr.vy[v]
    let best = -1
    for (const k of idx.search(x, y, x, y)) {
      const g = ccw[k]
      if (comp[faceOrigin(arr, g)] === comp[v]) continue
      if (best >= 0 && arr.faceArea2[g] >= arr.faceArea2[best]) continue
      const r = ringOf(g)
      if (ringLocate(r.xs, r.ys, 0, r.xs.length, x, y) > 0) best = g
    }
    if (best >= 0 && within(arr, best, region)) out[n++] = f
  }
  return out.subarray(0, n)
}
