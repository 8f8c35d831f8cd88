import Flatbush from 'flatbush'
import type { Arrangement } from './arrangement'
import { ringLocate } from '../kernel'
import { shapeLocate } from './sectors'
import type { Shape } from './shape'

/**
 * Which owners contain each face. One face per connected group is asked by a point test
 * (owners bounding its edge say so by their side; every other owner is asked about the
 * edge's midpoint, which lies on none of their boundaries because all their nearby edges
 * were noded in); from there labels spread face to face: crossing an edge leaves the owners
 * whose interior is on this side of it and enters those whose interior is on the other.
 */
export function labelFaces(arr: Arrangement, shapes: (Shape | null)[], faceIds: Iterable<number>): Map<number, number[]> {
  let idx: Flatbush | null = null
  const index = () => {
    if (idx) return idx
    idx = new Flatbush(Math.max(1, shapes.length))
    for (const s of shapes) {
      if (s && s.rings.length) idx.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])
      else idx.add(Infinity, Infinity, Infinity, Infinity)
    }
    idx.finish()
    return idx
  }
  const wanted = new Uint8Array(arr.faces.length)
  for (const f of faceIds) wanted[f] = 1
  const out = new Map<number, number[]>()
  const queue: number[] = []
  for (const f0 of faceIds) {
    if (out.has(f0)) continue
    // Longest edges first: their midpoints lie farthest from where snapping bent anything.
    // The longest alone nearly always answers; the rest are sorted only when it does not.
    const all = arr.faces[f0].edges
    let longest = all[0], len = edgeLen2(arr, all[0])
    for (let k = 1; k < all.length; k++) {
      const l = edgeLen2(arr, all[k])
      if (l > len) {
        len = l
        longest = all[k]
      }
    }
    let label = labelLeftOf(arr, shapes, index(), longest)
    if (!label) {
      const edges = all.slice().sort((a, b) => edgeLen2(arr, b) - edgeLen2(arr, a))
      for (let k = 1; k < edges.length && !label; k++) label = labelLeftOf(arr, shapes, index(), edges[k])
    }
    out.set(f0, label ?? [])
    queue.push(f0)
    while (queue.length) {
      const f = queue.pop()!
      const lf = out.get(f)!
      for (const h of arr.faces[f].edges) {
        const g = arr.face[h ^ 1]
        if (!wanted[g] || out.has(g)) continue
        out.set(g, crossEdge(arr, lf, h))
        queue.push(g)
      }
    }
  }
  return out
}

/**
 * Sorts a face label (a few owner numbers, no repeats) in place, ascending. Array sort
 * allocates a work copy on every call, and a plan check sorts tens of thousands of labels.
 */
function sortLabel(l: number[]): number[] {
  for (let i = 1; i < l.length; i++) {
    const v = l[i]
    let j = i - 1
    while (j >= 0 && l[j] > v) {
      l[j + 1] = l[j]
      j--
    }
    l[j + 1] = v
  }
  return l
}

function edgeLen2(arr: Arrangement, h: number): number {
  const p = arr.org[h], q = arr.org[h ^ 1]
  return (arr.vx[q] - arr.vx[p]) ** 2 + (arr.vy[q] - arr.vy[p]) ** 2
}

/** Label of the face right of half-edge h, from the label of the face left of it. */
export function crossEdge(arr: Arrangement, left: number[], h: number): number[] {
  const e = h >> 1, dir = h & 1 ? -1 : 1
  const { ownId, ownSide } = arr
  const label = left.slice()
  for (let k = arr.ownStart[e]; k < arr.ownStart[e + 1]; k++) {
    const o = ownId[k]
    if (ownSide[k] * dir > 0) {
      const i = label.indexOf(o)
      if (i >= 0) label.splice(i, 1)
    } else if (!label.includes(o)) label.push(o)
  }
  return sortLabel(label)
}

function labelLeftOf(arr: Arrangement, shapes: (Shape | null)[], idx: Flatbush, h: number): number[] | null {
  const e = h >> 1, dir = h & 1 ? -1 : 1
  const { ownId, ownSide } = arr
  const s0 = arr.ownStart[e], s1 = arr.ownStart[e + 1]
  const p = arr.org[h], q = arr.org[h ^ 1]
  const mx = (arr.vx[p] + arr.vx[q]) / 2, my = (arr.vy[p] + arr.vy[q]) / 2
  const label: number[] = []
  for (let k = s0; k < s1; k++) if (ownSide[k] * dir > 0) label.push(ownId[k])
  for (const o of idx.search(mx, my, mx, my)) {
    let own = false
    for (let k = s0; k < s1 && !own; k++) own = ownId[k] === o
    if (own) continue
    const l = shapeLocate(shapes[o]!, mx, my)
    if (l === 0) return null
    if (l > 0) label.push(o)
  }
  return sortLabel(label)
}

/** A connected piece made of faces sharing a key: closed rings, shell first, on the grid. */
export interface FacePiece {
  poly: [number, number][][]
  faces: number[]
}

/**
 * Connected pieces of the faces carrying each key (joined across shared edges), as rings.
 * Pieces with only holes are islands inside another piece of the same key and join it.
 * `dropIfUnbounded` keys lose pieces that reach a clockwise (outermost) ring: the world outside.
 */
export function piecesByKey(arr: Arrangement, keysOf: Map<number, string[]>, dropIfUnbounded: Set<string>): Map<string, FacePiece[]> {
  const byKey = new Map<string, number[]>()
  keysOf.forEach((keys, f) => {
    for (const k of keys) {
      const l = byKey.get(k)
      if (l) l.push(f)
      else byKey.set(k, [f])
    }
  })
  const out = new Map<string, FacePiece[]>()
  const F = arr.faces.length
  const parent = new Int32Array(F)
  const mark = new Int32Array(F)
  let stamp = 0
  // Faces of the piece being traced, and half-edges traced for it, marked with its stamp.
  const inComp = new Int32Array(F)
  let compStamp = 0
  const done = new Int32Array(arr.org.length)
  const find = (f: number): number => {
    while (parent[f] !== f) {
      parent[f] = parent[parent[f]]
      f = parent[f]
    }
    return f
  }
  for (const [key, faces] of byKey) {
    stamp++
    for (const f of faces) {
      parent[f] = f
      mark[f] = stamp
    }
    for (const f of faces) for (const h of arr.faces[f].edges) {
      const g = arr.face[h ^ 1]
      if (g !== f && mark[g] === stamp) {
        const a = find(f), b = find(g)
        if (a !== b) parent[a] = b
      }
    }
    const comps = new Map<number, number[]>()
    for (const f of faces) {
      const r = find(f)
      const l = comps.get(r)
      if (l) l.push(f)
      else comps.set(r, [f])
    }
    // No closures per piece here: a plan has thousands of tiny pieces.
    const pieces: Shell[] = []
    const orphanHoles: [number, number][][] = []
    const drop = dropIfUnbounded.has(key)
    for (const comp of comps.values()) {
      let unbounded = false
      if (drop) for (let k = 0; k < comp.length && !unbounded; k++) unbounded = arr.faces[comp[k]].area2 < 0
      if (unbounded) continue
      compStamp++
      for (const f of comp) inComp[f] = compStamp
      const rings = boundaryRings(arr, comp, inComp, compStamp, done)
      const shells: Shell[] = []
      for (const r of rings) if (r.area2 > 0) shells.push({ poly: [r.pts], faces: comp, area2: r.area2 })
      if (!shells.length) {
        for (const r of rings) if (r.area2 < 0) orphanHoles.push(r.pts)
        continue
      }
      for (const r of rings) if (r.area2 < 0) attachHole(shells, r.pts)
      for (const p of shells) pieces.push({ poly: p.poly, faces: comp, area2: p.area2 })
    }
    for (const h of orphanHoles) attachHole(pieces, h)
    const list: FacePiece[] = new Array(pieces.length)
    for (let k = 0; k < pieces.length; k++) list[k] = { poly: pieces[k].poly, faces: pieces[k].faces }
    out.set(key, list)
  }
  return out
}

type Shell = { poly: [number, number][][]; faces: number[]; area2: number; box?: [number, number, number, number] }

/** A hole goes to the smallest shell that contains its first vertex. */
function attachHole(polys: Shell[], hole: [number, number][]): void {
  let best: Shell | null = null
  const [x, y] = hole[0]
  for (const p of polys) {
    if (best && p.area2 >= best.area2) continue
    const r = p.poly[0]
    if (polys.length > 1) {
      const b = (p.box ??= ringBox(r))
      if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue
      const xs = r.map((q) => q[0]), ys = r.map((q) => q[1])
      if (ringLocate(xs, ys, 0, xs.length, x, y) < 0) continue
    }
    best = p
  }
  if (best) best.poly.push(hole)
}

/** Bounding box of a ring of [x, y] pairs. */
export function ringBox(r: [number, number][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of r) {
    if (x < b[0]) b[0] = x
    if (y < b[1]) b[1] = y
    if (x > b[2]) b[2] = x
    if (y > b[3]) b[3] = y
  }
  return b
}

function ringArea2(r: [number, number][]): number {
  let s = 0
  const x0 = r[0][0], y0 = r[0][1]
  for (let i = 0; i < r.length - 1; i++) s += (r[i][0] - x0) * (r[i + 1][1] - y0) - (r[i + 1][0] - x0) * (r[i][1] - y0)
  return s
}

/** Boundary rings of the faces marked `stamp` in `inComp`; `done` marks traced half-edges with it. */
function boundaryRings(arr: Arrangement, comp: number[], inComp: Int32Array, stamp: number, done: Int32Array): { pts: [number, number][]; area2: number }[] {
  const rings: { pts: [number, number][]; area2: number }[] = []
  const { face, next, org, vx, vy } = arr
  for (const f of comp) for (const h0 of arr.faces[f].edges) {
    if (done[h0] === stamp || inComp[face[h0 ^ 1]] === stamp) continue
    const pts: [number, number][] = []
    let h = h0
    let guard = 0
    do {
      done[h] = stamp
      pts.push([vx[org[h]], vy[org[h]]])
      // Turn around the end vertex past every edge whose far side is still this piece.
      let e = next[h]
      while (inComp[face[e ^ 1]] === stamp && guard++ < 1e7) e = next[e ^ 1]
      h = e
    } while (h !== h0 && guard++ < 1e7)
    pts.push(pts[0])
    if (pts.length >= 4) rings.push({ pts, area2: ringArea2(pts) })
  }
  return rings
}
