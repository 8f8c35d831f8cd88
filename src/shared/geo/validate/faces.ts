import Flatbush from 'flatbush'
import type { Arrangement } from './arrangement'
import { flatLocate } from '../kernel'
import { shapeLocate } from './sectors'
import type { Shape } from './shape'

/**
 * The owners containing each labelled face, ascending, in typed arrays rather than an array
 * per face in a Map (full Chicago: 11k faces, their labels kept for the whole check, which
 * the collector copied and promoted): face f's are `pool[start[f] .. start[f] + len[f])`,
 * and `len[f]` is -1 where f has no label. `faces[0 .. count)` are the labelled faces in the
 * order they were labelled: the order pieces and keys are found in follows it.
 */
export class FaceLabels {
  readonly start: Int32Array
  readonly len: Int32Array
  readonly faces: Int32Array
  count = 0
  pool: Int32Array
  size = 0

  /** For an arrangement of F faces, `expected` of them to be labelled. */
  constructor(F: number, expected: number) {
    this.start = new Int32Array(F)
    this.len = new Int32Array(F).fill(-1)
    this.faces = new Int32Array(F)
    // A label holds two or three owners: room for four each nearly always suffices.
    this.pool = new Int32Array(4 * expected + 16)
  }

  has(f: number): boolean {
    return this.len[f] >= 0
  }

  /** Face f (not labelled yet) gets the label in `s`. */
  add(f: number, s: LabelScratch): void {
    const n = s.size
    while (this.size + n > this.pool.length) this.pool = grown(this.pool)
    // Copied by a loop: `set` from a subarray made a view object per label.
    const pool = this.pool, owners = s.owners
    for (let i = 0; i < n; i++) pool[this.size + i] = owners[i]
    this.start[f] = this.size
    this.len[f] = n
    this.size += n
    this.faces[this.count++] = f
  }
}

/** A label being built: owner numbers in `owners[0 .. size)`, in a buffer reused from label to label. */
class LabelScratch {
  owners: Int32Array = new Int32Array(16)
  size = 0

  push(o: number): void {
    if (this.size === this.owners.length) this.owners = grown(this.owners)
    this.owners[this.size++] = o
  }

  /**
   * Ascending (a few owner numbers, no repeats). Insertion sort: Array sort allocates a work
   * copy on every call, and a plan check sorts tens of thousands of labels.
   */
  sort(): void {
    const l = this.owners
    for (let i = 1; i < this.size; i++) {
      const v = l[i]
      let j = i - 1
      while (j >= 0 && l[j] > v) {
        l[j + 1] = l[j]
        j--
      }
      l[j + 1] = v
    }
  }
}

/** The one label being built at a time (labelFaces, crossEdge, labelLeftOf). */
const scratch = new LabelScratch()

/**
 * Which owners contain each face. One face per connected group is asked by a point test
 * (owners bounding its edge say so by their side; every other owner is asked about the
 * edge's midpoint, which lies on none of their boundaries because all their nearby edges
 * were noded in); from there labels spread face to face: crossing an edge leaves the owners
 * whose interior is on this side of it and enters those whose interior is on the other.
 */
export function labelFaces(arr: Arrangement, shapes: (Shape | null)[], faceIds: Int32Array): FaceLabels {
  // Built on first use, as before, but without a closure: a new one per call changed the
  // call's target every time, which sent the compiled code back to the interpreter.
  let idx: Flatbush | null = null
  const wanted = new Uint8Array(arr.faceCount)
  // Loops by index here: iterators made a result object per step until compiled.
  for (let i = 0; i < faceIds.length; i++) wanted[faceIds[i]] = 1
  const out = new FaceLabels(arr.faceCount, faceIds.length)
  // Faces labelled whose neighbours are still to be looked at: each face enters once.
  const stack = new Int32Array(faceIds.length)
  for (let i = 0; i < faceIds.length; i++) {
    const f0 = faceIds[i]
    if (out.has(f0)) continue
    // Longest edges first: their midpoints lie farthest from where snapping bent anything.
    // The longest alone nearly always answers; the rest are sorted only when it does not.
    const a = arr.faceStart[f0], b = arr.faceStart[f0 + 1]
    let longest = arr.faceEdges[a], len = edgeLen2(arr, longest)
    for (let k = a + 1; k < b; k++) {
      const l = edgeLen2(arr, arr.faceEdges[k])
      if (l > len) {
        len = l
        longest = arr.faceEdges[k]
      }
    }
    idx ??= shapeIndex(shapes)
    let found = labelLeftOf(arr, shapes, idx, longest)
    if (!found) {
      const edges = Array.from(arr.faceEdges.subarray(a, b)).sort((p, q) => edgeLen2(arr, q) - edgeLen2(arr, p))
      for (let k = 1; k < edges.length && !found; k++) found = labelLeftOf(arr, shapes, idx, edges[k])
    }
    if (!found) scratch.size = 0
    out.add(f0, scratch)
    let sp = 0
    stack[sp++] = f0
    while (sp) {
      const f = stack[--sp]
      for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
        const h = arr.faceEdges[k], g = arr.face[h ^ 1]
        if (!wanted[g] || out.has(g)) continue
        out.add(g, crossEdge(arr, out, f, h))
        stack[sp++] = g
      }
    }
  }
  return out
}

/** The owners' boxes, in owner order (an owner with no rings gets an empty box). */
function shapeIndex(shapes: (Shape | null)[]): Flatbush {
  const idx = new Flatbush(Math.max(1, shapes.length))
  for (const s of shapes) {
    if (s && s.rings.length) idx.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])
    else idx.add(Infinity, Infinity, Infinity, Infinity)
  }
  idx.finish()
  return idx
}

function edgeLen2(arr: Arrangement, h: number): number {
  const p = arr.org[h], q = arr.org[h ^ 1]
  return (arr.vx[q] - arr.vx[p]) ** 2 + (arr.vy[q] - arr.vy[p]) ** 2
}

/**
 * Label of the face right of half-edge h, from the label of the face f left of it: in the
 * shared scratch, good until the next label is built.
 */
export function crossEdge(arr: Arrangement, labels: FaceLabels, f: number, h: number): LabelScratch {
  const e = h >> 1, dir = h & 1 ? -1 : 1
  const { ownId, ownSide } = arr
  const s = scratch, pool = labels.pool
  s.size = 0
  for (let k = labels.start[f], end = k + labels.len[f]; k < end; k++) s.push(pool[k])
  for (let k = arr.ownStart[e]; k < arr.ownStart[e + 1]; k++) {
    const o = ownId[k]
    const l = s.owners
    let i = 0
    while (i < s.size && l[i] !== o) i++
    if (ownSide[k] * dir > 0) {
      // Leaves it: removed where it stands (as splice would).
      if (i < s.size) {
        for (let j = i + 1; j < s.size; j++) l[j - 1] = l[j]
        s.size--
      }
    } else if (i === s.size) s.push(o)
  }
  s.sort()
  return s
}

/** Label of the face left of half-edge h by a point test, into the scratch; false if the test cannot tell. */
function labelLeftOf(arr: Arrangement, shapes: (Shape | null)[], idx: Flatbush, h: number): boolean {
  const e = h >> 1, dir = h & 1 ? -1 : 1
  const { ownId, ownSide } = arr
  const s0 = arr.ownStart[e], s1 = arr.ownStart[e + 1]
  const p = arr.org[h], q = arr.org[h ^ 1]
  const mx = (arr.vx[p] + arr.vx[q]) / 2, my = (arr.vy[p] + arr.vy[q]) / 2
  // Into the scratch label only after the owner search: shapeLocate runs no label code, but
  // the search's results are read first all the same.
  const found = idx.search(mx, my, mx, my)
  const inside: number[] = []
  for (const o of found) {
    let own = false
    for (let k = s0; k < s1 && !own; k++) own = ownId[k] === o
    if (own) continue
    const l = shapeLocate(shapes[o]!, mx, my)
    if (l === 0) return false
    if (l > 0) inside.push(o)
  }
  const s = scratch
  s.size = 0
  for (let k = s0; k < s1; k++) if (ownSide[k] * dir > 0) s.push(ownId[k])
  for (let i = 0; i < inside.length; i++) s.push(inside[i])
  s.sort()
  return true
}

/**
 * A closed ring on the grid as one flat list [x0, y0, x1, y1, …, x0, y0]: a typed array, whose
 * numbers lie outside the collector's heap, rather than an [x, y] array per point (full
 * Chicago's pieces have 69,000 points, each of which the collector copied and promoted).
 */
export type FlatRing = Float64Array

/** A connected piece made of faces sharing a key: closed rings, shell first, on the grid. */
export interface FacePiece {
  poly: FlatRing[]
  faces: number[]
}

/** Faces with their keys, walked in order: `fn` once per key of each face. */
export interface FaceKeyList {
  forEach(fn: (key: string, face: number) => void): void
}

/**
 * Connected pieces of the faces carrying each key (joined across shared edges), as rings.
 * Pieces with only holes are islands inside another piece of the same key and join it.
 * `dropIfUnbounded` keys lose pieces that reach a clockwise (outermost) ring: the world outside.
 */
export function piecesByKey(arr: Arrangement, keysOf: FaceKeyList, dropIfUnbounded: Set<string>): Map<string, FacePiece[]> {
  // Keys in first-seen order, each with its faces, and below the groups of one key: arrays
  // and indexes, not Maps walked by iterators (a result object per step, and an entry array
  // per key, until the compiler has caught up: thousands per check).
  const F = arr.faceCount
  const keyAt = new Map<string, number>()
  const keyList: string[] = []
  const facesOfKey = new KeyFaces(F)
  keysOf.forEach((k, f) => {
    let at = keyAt.get(k)
    if (at === undefined) {
      at = keyList.length
      keyAt.set(k, at)
      keyList.push(k)
    }
    facesOfKey.add(at, f)
  })
  const out = new Map<string, FacePiece[]>()
  // From the start, whatever a call that threw left behind.
  used = 0
  nRings = 0
  shellsOfKeys.length = 0
  // The faces of the key at hand.
  const faces = new Int32Array(F)
  const parent = new Int32Array(F)
  const mark = new Int32Array(F)
  let stamp = 0
  // Per union-find root of the key at hand (marked with its stamp): its group's place in `comps`.
  const rootMark = new Int32Array(F)
  const compAt = new Int32Array(F)
  // Faces of the piece being traced, and half-edges traced for it, marked with its stamp.
  const inComp = new Int32Array(F)
  let compStamp = 0
  const done = new Int32Array(arr.org.length)
  for (let q = 0; q < keyList.length; q++) {
    const key = keyList[q]
    let nf = 0
    for (let e = facesOfKey.head[q]; e >= 0; e = facesOfKey.next[e]) faces[nf++] = facesOfKey.face[e]
    stamp++
    for (let i = 0; i < nf; i++) {
      parent[faces[i]] = faces[i]
      mark[faces[i]] = stamp
    }
    for (let i = 0; i < nf; i++) {
      const f = faces[i]
      for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
        const g = arr.face[arr.faceEdges[k] ^ 1]
        if (g !== f && mark[g] === stamp) {
          const a = find(parent, f), b = find(parent, g)
          if (a !== b) parent[a] = b
        }
      }
    }
    // Groups in the order their first face comes.
    const comps: number[][] = []
    for (let i = 0; i < nf; i++) {
      const f = faces[i], r = find(parent, f)
      if (rootMark[r] === stamp) comps[compAt[r]].push(f)
      else {
        rootMark[r] = stamp
        compAt[r] = comps.length
        comps.push([f])
      }
    }
    // No closures per piece here: a plan has thousands of tiny pieces. The shells are the
    // pieces themselves (a component's are the last ones pushed); rings and orphan holes
    // gather in reused scratch arrays.
    const pieces: Shell[] = []
    shellsOfKeys.push(pieces)
    let orphans = 0
    const drop = dropIfUnbounded.has(key)
    for (let c = 0; c < comps.length; c++) {
      const comp = comps[c]
      let unbounded = false
      if (drop) for (let k = 0; k < comp.length && !unbounded; k++) unbounded = arr.faceArea2[comp[k]] < 0
      if (unbounded) continue
      compStamp++
      for (let k = 0; k < comp.length; k++) inComp[comp[k]] = compStamp
      const rings = boundaryRings(arr, comp, inComp, compStamp, done)
      const first = pieces.length
      for (let k = 0; k < rings; k++) if (ringArea[k] > 0) pieces.push({ poly: NO_RINGS, shell: ringIds[k], holes: null, faces: comp, area2: ringArea[k], box: undefined })
      if (pieces.length === first) {
        for (let k = 0; k < rings; k++) if (ringArea[k] < 0) orphanHoles[orphans++] = ringIds[k]
        continue
      }
      for (let k = 0; k < rings; k++) if (ringArea[k] < 0) attachHole(pieces, first, ringIds[k])
    }
    for (let k = 0; k < orphans; k++) attachHole(pieces, 0, orphanHoles[k])
    out.set(key, pieces)
  }
  // The rings out of the scratch into one array of their own, at its size, each a view of it:
  // an array (and its buffer) per ring was one more object per piece for the collector.
  const store = coords.slice(0, used)
  for (let q = 0; q < shellsOfKeys.length; q++) {
    const shells = shellsOfKeys[q]
    for (let i = 0; i < shells.length; i++) {
      const sh = shells[i], holes = sh.holes
      const poly: FlatRing[] = new Array(holes ? 1 + holes.length : 1)
      poly[0] = store.subarray(ringFrom[sh.shell], ringTo[sh.shell])
      if (holes) for (let k = 0; k < holes.length; k++) poly[k + 1] = store.subarray(ringFrom[holes[k]], ringTo[holes[k]])
      sh.poly = poly
    }
  }
  shellsOfKeys.length = 0
  return out
}

/**
 * The faces of each key (numbered in first-seen order), in arrival order: linked lists in
 * typed arrays, entry e holding face `face[e]` and the next entry `next[e]` (-1: none), not
 * an array per key grown by push (thousands of keys per check).
 */
class KeyFaces {
  head: Int32Array = new Int32Array(64)
  tail: Int32Array = new Int32Array(64)
  face: Int32Array
  next: Int32Array
  keys = 0
  size = 0

  /** For F faces, each with a key or two. */
  constructor(F: number) {
    this.face = new Int32Array(2 * F + 16)
    this.next = new Int32Array(2 * F + 16)
  }

  /** Face f gets key q: a new key is the next number after the last one seen. */
  add(q: number, f: number): void {
    if (this.size === this.face.length) {
      this.face = grown(this.face)
      this.next = grown(this.next)
    }
    const e = this.size++
    this.face[e] = f
    this.next[e] = -1
    if (q === this.keys) {
      if (q === this.head.length) {
        this.head = grown(this.head)
        this.tail = grown(this.tail)
      }
      this.keys++
      this.head[q] = e
    } else this.next[this.tail[q]] = e
    this.tail[q] = e
  }
}

/** A copy of `a` twice as long. */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length)
  b.set(a)
  return b
}

/**
 * The rings of one `piecesByKey` call, traced one after another (`coords[0 .. used)`), ring
 * `i` at `coords[ringFrom[i] .. ringTo[i])`: scratch, grown as needed, copied out at the end.
 */
let coords = new Float64Array(4096)
let used = 0
let ringFrom = new Int32Array(256)
let ringTo = new Int32Array(256)
let nRings = 0
/** The pieces of each key of the call at hand, whose rings are filled in at its end. */
const shellsOfKeys: Shell[][] = []
const NO_RINGS: FlatRing[] = []
/** A component's rings (`boundaryRings`) by number, and holes with no shell of their own yet: scratch, filled by count. */
const ringIds: number[] = []
const ringArea: number[] = []
const orphanHoles: number[] = []

/**
 * Union-find root of face f, halving the path. A module function, not a closure made per
 * call: a new closure each time changed the call's target, which sent the compiled code back.
 */
function find(parent: Int32Array, f: number): number {
  while (parent[f] !== f) {
    parent[f] = parent[parent[f]]
    f = parent[f]
  }
  return f
}

/** A piece being made: its rings by number (most pieces have no holes) until they are copied out into `poly`. */
type Shell = FacePiece & { shell: number; holes: number[] | null; area2: number; box?: [number, number, number, number] }

/** A hole goes to the smallest of the shells `polys[from..]` that contains its first vertex. */
function attachHole(polys: Shell[], from: number, hole: number): void {
  let best: Shell | null = null
  const x = coords[ringFrom[hole]], y = coords[ringFrom[hole] + 1]
  for (let i = from; i < polys.length; i++) {
    const p = polys[i]
    if (best && p.area2 >= best.area2) continue
    const r = p.shell
    if (polys.length - from > 1) {
      const b = (p.box ??= ringBox(coords, ringFrom[r], ringTo[r]))
      if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue
      if (flatLocate(coords, ringFrom[r], ringTo[r], x, y) < 0) continue
    }
    best = p
  }
  if (best) (best.holes ??= []).push(hole)
}

/** Bounding box of a flat ring (of `r[from .. to)`). */
export function ringBox(r: ArrayLike<number>, from = 0, to = r.length): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (let i = from; i < to; i += 2) {
    const x = r[i], y = r[i + 1]
    if (x < b[0]) b[0] = x
    if (y < b[1]) b[1] = y
    if (x > b[2]) b[2] = x
    if (y > b[3]) b[3] = y
  }
  return b
}

/** Twice the signed area of the flat ring `r[from .. to)` (> 0 counter-clockwise), relative to its first point. */
function ringArea2(r: Float64Array, from: number, to: number): number {
  let s = 0
  const x0 = r[from], y0 = r[from + 1]
  for (let i = from; i < to - 2; i += 2) s += (r[i] - x0) * (r[i + 3] - y0) - (r[i + 2] - x0) * (r[i + 1] - y0)
  return s
}

/**
 * Boundary rings of the faces marked `stamp` in `inComp`, into `ringIds` and `ringArea`; their
 * count. `done` marks traced half-edges with the stamp.
 */
function boundaryRings(arr: Arrangement, comp: number[], inComp: Int32Array, stamp: number, done: Int32Array): number {
  let rings = 0
  const { face, next, org, vx, vy } = arr
  for (let c = 0; c < comp.length; c++) {
    const f = comp[c]
    for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
      const h0 = arr.faceEdges[k]
      if (done[h0] === stamp || inComp[face[h0 ^ 1]] === stamp) continue
      // Traced on the end of the call's rings (see `coords`).
      const start = used
      let n = used
      let h = h0
      let guard = 0
      do {
        done[h] = stamp
        if (n + 4 > coords.length) {
          const t = new Float64Array(2 * coords.length)
          t.set(coords)
          coords = t
        }
        coords[n] = vx[org[h]]
        coords[n + 1] = vy[org[h]]
        n += 2
        // Turn around the end vertex past every edge whose far side is still this piece.
        let e = next[h]
        while (inComp[face[e ^ 1]] === stamp && guard++ < 1e7) e = next[e ^ 1]
        h = e
      } while (h !== h0 && guard++ < 1e7)
      coords[n] = coords[start]
      coords[n + 1] = coords[start + 1]
      n += 2
      // Fewer than four points: no ring, and its room is taken by the next.
      if (n - start < 8) continue
      if (nRings === ringFrom.length) {
        ringFrom = grown(ringFrom)
        ringTo = grown(ringTo)
      }
      ringFrom[nRings] = start
      ringTo[nRings] = n
      used = n
      ringIds[rings] = nRings++
      ringArea[rings] = ringArea2(coords, start, n)
      rings++
    }
  }
  return rings
}
