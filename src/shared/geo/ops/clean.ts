import type { AreaGeometry, LonLat, Position } from '../../domain'
import { orientLonLat, segmentContactLonLat } from '../kernel'
import { polygonsOf, qPt, ringSignedArea, samePt, toGeometry, type Polys } from './geom'

/** Drops repeated consecutive vertices and zero-width spikes (a, b, a) from an open ring. */
function tidyOpen(pts: LonLat[]): LonLat[] {
  let ring = pts
  let changed = true
  while (changed && ring.length >= 3) {
    changed = false
    const out: LonLat[] = []
    for (const p of ring) if (!out.length || !samePt(out[out.length - 1], p)) out.push(p)
    while (out.length > 1 && samePt(out[0], out[out.length - 1])) out.pop()
    for (let i = 0; i < out.length && out.length >= 3; i++) {
      const prev = out[(i - 1 + out.length) % out.length]
      const next = out[(i + 1) % out.length]
      const cur = out[i]
      // A vertex whose two edges fold back onto each other adds no area: remove it.
      if (orientLonLat(prev, cur, next) === 0 && (cur[0] - prev[0]) * (next[0] - cur[0]) + (cur[1] - prev[1]) * (next[1] - cur[1]) <= 0) {
        out.splice(i, 1)
        changed = true
        i--
      }
    }
    ring = out
  }
  return ring
}

/**
 * Quantizes, tidies and orients a geometry (exterior CCW, holes CW, rings closed).
 * Rings that collapse are dropped; returns null when nothing with area is left.
 */
export function cleanPolys(polys: Position[][][]): Polys {
  const out: Polys = []
  for (const poly of polys) {
    const rings: LonLat[][] = []
    poly.forEach((ring, i) => {
      const open = tidyOpen(ring.map(qPt))
      if (open.length < 3) return
      const closed = [...open, open[0]]
      const area = ringSignedArea(closed)
      if (area === 0) return
      if ((i === 0) !== area > 0) closed.reverse()
      if (i > 0 && !rings.length) return
      rings.push(closed)
    })
    if (rings.length) out.push(rings)
  }
  return out
}

export function cleanGeometry(g: AreaGeometry): AreaGeometry | null {
  const polys = cleanPolys(polygonsOf(g))
  return polys.length ? toGeometry(polys) : null
}

/**
 * Structural problems of a geometry, in words. Used as a safety net on every output
 * (operations must not hand the main process something the validator will reject).
 */
export function geometryIssues(g: AreaGeometry): string[] {
  const issues: string[] = []
  const polys = polygonsOf(g)
  const edges: [Position, Position][] = []
  polys.forEach((poly, pi) =>
    poly.forEach((ring, ri) => {
      const rid = pi * 100000 + ri
      if (ring.length < 4) issues.push(`ring ${rid} has fewer than 4 positions`)
      if (!samePt(ring[0], ring[ring.length - 1])) issues.push(`ring ${rid} is not closed`)
      for (const p of ring) if (p[0] !== qPt(p)[0] || p[1] !== qPt(p)[1]) issues.push(`ring ${rid} has an unquantized coordinate`)
      const a = ringSignedArea(ring)
      if (ri === 0 ? a <= 0 : a >= 0) issues.push(`ring ${rid} is not ${ri === 0 ? 'counter-clockwise' : 'clockwise'}`)
      for (let i = 0; i + 1 < ring.length; i++) {
        if (samePt(ring[i], ring[i + 1])) issues.push(`ring ${rid} repeats a vertex`)
        edges.push([ring[i], ring[i + 1]])
      }
    }),
  )
  if (issues.length) return [...new Set(issues)]
  edges.sort((x, y) => Math.min(x[0][0], x[1][0]) - Math.min(y[0][0], y[1][0]))
  for (let i = 0; i < edges.length; i++) {
    const [a, b] = edges[i]
    const maxX = Math.max(a[0], b[0])
    for (let j = i + 1; j < edges.length && Math.min(edges[j][0][0], edges[j][1][0]) <= maxX; j++) {
      const [c, d] = edges[j]
      // Adjacent edges, and rings touching at one vertex, share a single endpoint (contact 1);
      // anything else (a crossing, a T, a shared or overlapping edge) is contact 2.
      if (segmentContactLonLat(a, b, c, d) !== 2) continue
      issues.push(`edges cross or overlap near ${a[0]}, ${a[1]}`)
    }
  }
  return [...new Set(issues)]
}
