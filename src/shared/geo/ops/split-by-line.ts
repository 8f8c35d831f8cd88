import type { LonLat, Position } from '../../domain'
import { EditError } from '../../domain'
import { cleanPolys } from './clean'
import { orientLonLat, pointInRing, segmentsTouch } from '../kernel'
import { crossingPoint, pointInPolys, pointOnBoundary, projectOnSegment, ptKey, qPt, ringSignedArea, samePt, windPolys, type Polys } from './geom'
import { snapOnSegment } from './snap-on-segment'

export interface LineSplit {
  /** Pieces left of the line (in its drawing direction), right of it, and parts it never touched. */
  left: Polys
  right: Polys
  untouched: Polys
}

const within = (a: Position, b: Position, p: Position) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1])

function checkSimpleLine(line: LonLat[]): void {
  for (let i = 0; i + 1 < line.length; i++)
    for (let j = i + 1; j + 1 < line.length; j++) {
      const [a, b, c, d] = [line[i], line[i + 1], line[j], line[j + 1]]
      if (j === i + 1) {
        if (orientLonLat(a, b, d) === 0 && (d[0] - b[0]) * (a[0] - b[0]) + (d[1] - b[1]) * (a[1] - b[1]) > 0)
          throw new EditError('line-crosses-itself', 'The line doubles back on itself; draw it without loops')
      } else if (segmentsTouch(a, b, c, d)) throw new EditError('line-crosses-itself', 'The line crosses itself; draw it without loops')
    }
}

/**
 * Cuts polygons along a polyline by building the planar graph of boundary + line pieces
 * inside, then walking its faces (each face keeps the interior on its left). A face that
 * walks a line piece forwards lies left of the line. New crossing points are slid onto the
 * boundary edge, so neighbours sharing that edge can take the same vertex.
 */
export function splitByLine(stored: Polys, rawLine: LonLat[], name: string): LineSplit {
  // The face walk below keeps the interior on the left of every boundary edge.
  const polys = windPolys(stored)
  const line = rawLine.map(qPt).filter((p, i, all) => i === 0 || !samePt(p, all[i - 1]))
  if (line.length < 2) throw new EditError('line-misses', 'Draw a line with at least two points')
  checkSimpleLine(line)
  for (const end of [line[0], line[line.length - 1]])
    if (pointInPolys(end, polys) && !pointOnBoundary(end, polys))
      throw new EditError('line-misses', `The line must start and end outside ${name}, crossing it completely`)

  const ringIns = polys.map((poly) => poly.map((ring) => ring.map(() => [] as LonLat[])))
  const lineIns = line.map(() => [] as LonLat[])
  for (let j = 0; j + 1 < line.length; j++) {
    const [l0, l1] = [line[j], line[j + 1]]
    polys.forEach((poly, pi) =>
      poly.forEach((ring, ri) => {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i], ring[i + 1]]
          if (!segmentsTouch(l0, l1, a, b)) continue
          let special = false
          for (const p of [l0, l1])
            if (orientLonLat(a, b, p) === 0 && within(a, b, p)) {
              special = true
              if (!samePt(p, a) && !samePt(p, b)) ringIns[pi][ri][i].push(p)
            }
          for (const p of [a, b])
            if (orientLonLat(l0, l1, p) === 0 && within(l0, l1, p)) {
              special = true
              lineIns[j].push(p)
            }
          if (special) continue
          const x = crossingPoint(l0, l1, a, b)
          if (!x) continue
          const s = snapOnSegment(a, b, x)
          if (!samePt(s, a) && !samePt(s, b)) ringIns[pi][ri][i].push(s)
          lineIns[j].push(s)
        }
      }),
    )
  }
  const byT = (a: Position, b: Position, pts: LonLat[]) =>
    pts.map((p) => [projectOnSegment(a, b, p).t, p] as const).sort((u, v) => u[0] - v[0]).map((u) => u[1])
  const noded: Polys = polys.map((poly, pi) =>
    poly.map((ring, ri) => {
      const out: LonLat[] = [ring[0]]
      for (let i = 0; i + 1 < ring.length; i++) out.push(...byT(ring[i], ring[i + 1], ringIns[pi][ri][i]), ring[i + 1])
      return out.filter((p, k) => k === 0 || !samePt(p, out[k - 1]))
    }),
  )
  const path: LonLat[] = [line[0]]
  for (let j = 0; j + 1 < line.length; j++) path.push(...byT(line[j], line[j + 1], lineIns[j]), line[j + 1])
  const pts = path.filter((p, k) => k === 0 || !samePt(p, path[k - 1]))

  // Half-edges: boundary edges one way (interior on their left), line pieces inside both ways.
  const from: LonLat[] = [], to: LonLat[] = [], side: number[] = []
  const add = (a: LonLat, b: LonLat, s: number) => (from.push(a), to.push(b), side.push(s))
  for (const poly of noded) for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) add(ring[i], ring[i + 1], 0)
  let chords = 0
  for (let k = 0; k + 1 < pts.length; k++) {
    const mid: LonLat = [(pts[k][0] + pts[k + 1][0]) / 2, (pts[k][1] + pts[k + 1][1]) / 2]
    if (pointOnBoundary(mid, noded) || !pointInPolys(mid, noded)) continue
    add(pts[k], pts[k + 1], 1)
    add(pts[k + 1], pts[k], -1)
    chords++
  }
  if (!chords) throw new EditError('line-misses', `The line does not cross ${name}`)
  return { ...traceFaces(from, to, side, name) }
}

function traceFaces(from: LonLat[], to: LonLat[], side: number[], name: string): LineSplit {
  const out = new Map<string, number[]>()
  from.forEach((p, e) => {
    const k = ptKey(p)
    out.set(k, [...(out.get(k) ?? []), e])
  })
  const angle = (e: number) => Math.atan2(to[e][1] - from[e][1], to[e][0] - from[e][0])
  const next = (e: number): number => {
    const back = Math.atan2(from[e][1] - to[e][1], from[e][0] - to[e][0])
    const cands = (out.get(ptKey(to[e])) ?? []).filter((c) => !(samePt(to[c], from[e]) && side[c] !== 0))
    const pool = cands.length ? cands : (out.get(ptKey(to[e])) ?? [])
    // The face on the left turns as sharply left as it can: first edge clockwise from the way back.
    let best = -1, bestTurn = Infinity
    for (const c of pool) {
      let turn = back - angle(c)
      if (turn <= 0) turn += 2 * Math.PI
      if (turn < bestTurn) {
        bestTurn = turn
        best = c
      }
    }
    if (best < 0) throw new EditError('invalid-result', `Could not follow the boundary of ${name} at ${to[e][0]}, ${to[e][1]}`)
    return best
  }
  const seen = new Array(from.length).fill(false)
  const faces: { ring: LonLat[]; sides: Set<number>; area: number; holes: LonLat[][] }[] = []
  const holes: { ring: LonLat[]; sides: Set<number> }[] = []
  for (let s = 0; s < from.length; s++) {
    if (seen[s]) continue
    const ring: LonLat[] = []
    const sides = new Set<number>()
    let e = s
    for (let guard = 0; !seen[e]; guard++) {
      if (guard > from.length) throw new EditError('invalid-result', `Could not trace the pieces of ${name}`)
      seen[e] = true
      ring.push(from[e])
      if (side[e]) sides.add(side[e])
      e = next(e)
    }
    ring.push(ring[0])
    const area = ringSignedArea(ring)
    if (area > 0) faces.push({ ring, sides, area, holes: [] })
    else if (area < 0) holes.push({ ring, sides })
  }
  for (const h of holes) {
    const probe: LonLat = [(h.ring[0][0] + h.ring[1][0]) / 2, (h.ring[0][1] + h.ring[1][1]) / 2]
    const owner = faces.filter((f) => pointInRing(probe, f.ring) > 0).sort((a, b) => a.area - b.area)[0]
    if (!owner) throw new EditError('invalid-result', `A hole of ${name} lies outside every piece`)
    owner.holes.push(h.ring)
    h.sides.forEach((s) => owner.sides.add(s))
  }
  const res: LineSplit = { left: [], right: [], untouched: [] }
  for (const f of faces) {
    if (f.sides.size > 1)
      throw new EditError('ambiguous-line', `Part of ${name} lies on both sides of the line; draw a line that crosses it cleanly`)
    const target = f.sides.has(1) ? res.left : f.sides.has(-1) ? res.right : res.untouched
    target.push(...cleanPolys([[f.ring, ...f.holes]]))
  }
  return res
}
