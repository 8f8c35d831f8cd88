import Flatbush from 'flatbush'
import { GRID } from '../kernel'
import { edgeAgainst } from './segments'
import { ringInside } from './sectors'
import type { Shape } from './shape'
import { bboxesOverlap, edgeForward, edgeKey } from './shape'

export type Box = [number, number, number, number]

/**
 * Edge matching as GEOS CoverageValidator does it: an edge walked once in each direction
 * by two different shapes is interior to the coverage and needs no further work.
 * Returns, per shape and ring, which edges are left unmatched.
 */
export function unmatchedEdges(shapes: (Shape | null)[]): Uint8Array[][] {
  const seen = new Map<string, number>()
  const flags = shapes.map((s) => (s ? s.rings.map((r) => new Uint8Array(r.xs.length - 1).fill(1)) : []))
  // Value encodes the first user of an edge; -1 once it has been used more than twice.
  const first = new Map<string, [number, number, number, boolean]>()
  shapes.forEach((s, si) => {
    if (!s) return
    s.rings.forEach((r, ri) => {
      for (let k = 0; k < r.xs.length - 1; k++) {
        const ax = r.xs[k], ay = r.ys[k], bx = r.xs[k + 1], by = r.ys[k + 1]
        const key = edgeKey(ax, ay, bx, by)
        const fwd = edgeForward(ax, ay, bx, by)
        const n = seen.get(key) ?? 0
        seen.set(key, n + 1)
        if (n === 0) {
          first.set(key, [si, ri, k, fwd])
        } else if (n === 1) {
          const f = first.get(key)!
          if (f[0] !== si && f[3] !== fwd) {
            flags[f[0]][f[1]][f[2]] = 0
            flags[si][ri][k] = 0
          }
        } else if (n === 2) {
          // A third user: nothing about this edge is settled after all.
          const f = first.get(key)!
          flags[f[0]][f[1]][f[2]] = 1
          reflag(shapes, flags, key, si)
        }
      }
    })
  })
  return flags
}

function reflag(shapes: (Shape | null)[], flags: Uint8Array[][], key: string, upto: number): void {
  for (let si = 0; si <= upto; si++) {
    const s = shapes[si]
    if (!s) continue
    s.rings.forEach((r, ri) => {
      for (let k = 0; k < r.xs.length - 1; k++) {
        if (flags[si][ri][k] === 0 && edgeKey(r.xs[k], r.ys[k], r.xs[k + 1], r.ys[k + 1]) === key) flags[si][ri][k] = 1
      }
    })
  }
}

export function bboxIndex(shapes: (Shape | null)[]): Flatbush {
  const idx = new Flatbush(Math.max(1, shapes.length))
  for (const s of shapes) {
    if (s && s.rings.length) idx.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])
    else idx.add(Infinity, Infinity, Infinity, Infinity)
  }
  idx.finish()
  return idx
}

/** Whether the interiors of shapes i and j may meet (exact 'no' for clean pairs). */
export function pairMayOverlap(a: Shape, fa: Uint8Array[], b: Shape, fb: Uint8Array[]): boolean {
  if (!bboxesOverlap(a.bbox, b.bbox)) return false
  if (edgesSuspect(a, fa, b) || edgesSuspect(b, fb, a)) return true
  return ringInside(a, b) || ringInside(b, a)
}

function edgesSuspect(a: Shape, fa: Uint8Array[], b: Shape): boolean {
  for (let ri = 0; ri < a.rings.length; ri++) {
    const r = a.rings[ri]
    if (!bboxesOverlap(r.bbox, b.bbox)) continue
    const f = fa[ri]
    for (let k = 0; k < f.length; k++) {
      if (!f[k]) continue
      const ax = r.xs[k], ay = r.ys[k], bx = r.xs[k + 1], by = r.ys[k + 1]
      if (Math.max(ax, bx) < b.bbox[0] || Math.min(ax, bx) > b.bbox[2] || Math.max(ay, by) < b.bbox[1] || Math.min(ay, by) > b.bbox[3]) continue
      if (edgeAgainst(a, ri, k, b, 'overlap').verdict === 'suspect') return true
    }
  }
  return false
}

/** Whether `p` may have ground outside `q` (exact 'no' when p lies within q). */
export function mayLeave(p: Shape, q: Shape): boolean {
  if (p.bbox[0] < q.bbox[0] || p.bbox[1] < q.bbox[1] || p.bbox[2] > q.bbox[2] || p.bbox[3] > q.bbox[3]) return true
  for (let ri = 0; ri < p.rings.length; ri++) {
    const r = p.rings[ri]
    for (let k = 0; k < r.xs.length - 1; k++) {
      if (edgeAgainst(p, ri, k, q, 'within').verdict === 'suspect') return true
    }
  }
  // No contacts left: p's rings lie wholly in or out of q, and q's holes wholly in or out of p.
  return ringOutsideAny(p, q) || ringInside(q, p)
}

function ringOutsideAny(p: Shape, q: Shape): boolean {
  return !ringAllInOrOn(p, q)
}

import { shapeLocate } from './sectors'
function ringAllInOrOn(p: Shape, q: Shape): boolean {
  for (const r of p.rings) {
    for (let i = 0; i < r.xs.length - 1; i++) {
      const l = shapeLocate(q, r.xs[i], r.ys[i])
      if (l === 0) continue
      if (l < 0) return false
      break
    }
  }
  return true
}

/**
 * Where `plus` minus `minus` may be non-zero: edges whose signed use does not cancel
 * (area edges count +1, neighbourhood edges -1 in their walking direction), grouped into
 * boxes that no other group's box touches. Outside these boxes coverage is exact.
 */
export function residualBoxes(plus: (Shape | null)[], minus: (Shape | null)[], margin = GRID * 2e-6): Box[] {
  const net = new Map<string, number>()
  const add = (shapes: (Shape | null)[], sign: number) => {
    for (const s of shapes) {
      if (!s) continue
      for (const r of s.rings) {
        for (let k = 0; k < r.xs.length - 1; k++) {
          const ax = r.xs[k], ay = r.ys[k], bx = r.xs[k + 1], by = r.ys[k + 1]
          const key = edgeKey(ax, ay, bx, by)
          const d = edgeForward(ax, ay, bx, by) ? sign : -sign
          const v = (net.get(key) ?? 0) + d
          if (v === 0) net.delete(key)
          else net.set(key, v)
        }
      }
    }
  }
  add(plus, 1)
  add(minus, -1)
  const boxes: Box[] = []
  for (const key of net.keys()) {
    const [ax, ay, bx, by] = key.split(',').map(Number)
    boxes.push([Math.min(ax, bx) - margin, Math.min(ay, by) - margin, Math.max(ax, bx) + margin, Math.max(ay, by) + margin])
  }
  return mergeBoxes(boxes)
}

/** Merges touching boxes until none touch: nested or crossing problems end up in one box. */
export function mergeBoxes(boxes: Box[]): Box[] {
  let cur = boxes
  for (;;) {
    if (cur.length <= 1) return cur
    const idx = new Flatbush(cur.length)
    for (const b of cur) idx.add(b[0], b[1], b[2], b[3])
    idx.finish()
    const parent = cur.map((_, i) => i)
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
    let merged = false
    cur.forEach((b, i) => {
      for (const j of idx.search(b[0], b[1], b[2], b[3])) {
        if (j === i) continue
        const ri = find(i), rj = find(j)
        if (ri !== rj) {
          parent[ri] = rj
          merged = true
        }
      }
    })
    if (!merged) return cur
    const out = new Map<number, Box>()
    cur.forEach((b, i) => {
      const r = find(i)
      const o = out.get(r)
      if (!o) out.set(r, [b[0], b[1], b[2], b[3]])
      else {
        o[0] = Math.min(o[0], b[0]); o[1] = Math.min(o[1], b[1])
        o[2] = Math.max(o[2], b[2]); o[3] = Math.max(o[3], b[3])
      }
    })
    cur = [...out.values()]
  }
}
