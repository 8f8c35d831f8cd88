import type { AreaGeometry, PlanState, Position } from '../../src/shared/domain'
import { quantize } from '../../src/shared/domain'

/**
 * A jittered grid of neighborhoods with densified shared edges (bit-identical on both
 * sides), grouped into vertical strips of Area Commands: a clean plan of a chosen size.
 */
export function generatedPlan(cols = 40, rows = 25, perEdge = 125, areaCols = 10, seed = 7): PlanState {
  let s = seed
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  const cell = 0.004 // degrees, about 330 m × 440 m
  const x0 = -87.9, y0 = 41.7
  const corner: [number, number][][] = []
  for (let i = 0; i <= cols; i++) {
    corner.push([])
    for (let j = 0; j <= rows; j++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows
      const jx = edge ? 0 : (rand() - 0.5) * cell * 0.3
      const jy = edge ? 0 : (rand() - 0.5) * cell * 0.3
      corner[i].push([x0 + i * cell + jx, y0 + j * cell + jy])
    }
  }
  const edges = new Map<string, Position[]>()
  // Points from corner a to corner b, excluding b; the same numbers whichever side asks.
  const path = (a: [number, number], b: [number, number], ka: string, kb: string): Position[] => {
    const key = ka < kb ? ka + '|' + kb : kb + '|' + ka
    let pts = edges.get(key)
    if (!pts) {
      const [p, q] = ka < kb ? [a, b] : [b, a]
      pts = []
      for (let t = 0; t <= perEdge; t++) {
        const wob = t === 0 || t === perEdge ? 0 : Math.sin(t * 0.7) * cell * 0.002
        pts.push([quantize(p[0] + ((q[0] - p[0]) * t) / perEdge + wob), quantize(p[1] + ((q[1] - p[1]) * t) / perEdge - wob)])
      }
      edges.set(key, pts)
    }
    const ordered = ka < kb ? pts : [...pts].reverse()
    return ordered.slice(0, -1)
  }
  const ck = (i: number, j: number) => `${i},${j}`
  const ringThrough = (loop: [number, number][]): Position[] => {
    const out: Position[] = []
    for (let k = 0; k < loop.length; k++) {
      const [i, j] = loop[k], [i2, j2] = loop[(k + 1) % loop.length]
      out.push(...path(corner[i][j], corner[i2][j2], ck(i, j), ck(i2, j2)))
    }
    out.push(out[0])
    return out
  }
  const poly = (loop: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [ringThrough(loop)] })
  const plan: PlanState = { city: null, areas: [], neighborhoods: [], officers: [] }
  for (let a = 0; a * areaCols < cols; a++) {
    const i0 = a * areaCols, i1 = Math.min(cols, i0 + areaCols)
    const loop: [number, number][] = []
    for (let i = i0; i < i1; i++) loop.push([i, 0])
    for (let j = 0; j < rows; j++) loop.push([i1, j])
    for (let i = i1; i > i0; i--) loop.push([i, rows])
    for (let j = rows; j > 0; j--) loop.push([i0, j])
    plan.areas.push({ id: `A${a}`, name: `Area ${a}`, color: '#888', commanderId: null, geometry: poly(loop) })
  }
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      plan.neighborhoods.push({ id: `N${i}-${j}`, areaId: `A${Math.floor(i / areaCols)}`, name: `Cell ${i}-${j}`, color: null, geometry: poly([[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]]) })
    }
  }
  return plan
}
