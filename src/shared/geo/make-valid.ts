import type { AreaGeometry, Position } from '../domain'
import { quantize } from '../domain'
import { GRID, orient, ringLocate, toGrid } from './kernel'
import { buildArrangement, components, faceOrigin, twoSidedEdge, type Arrangement } from './validate/arrangement'
import type { Segments } from './validate/arrangement-input'
import { piecesByKey, ringBox, type FaceKeyList, type FlatRing } from './validate/faces'
import type { Ring, Shape } from './validate/shape'

/**
 * The repaired form of an invalid boundary, with the semantics of GEOS MakeValid's
 * "structure" method (JTS/GEOS GeometryFixer):
 * - a ring stands for the ground its winding number is not zero around (GEOS buffers the
 *   ring by zero in both orientations): a bow-tie keeps both lobes, the pocket a ring makes
 *   by touching itself at a vertex (ArcGIS's "inverted hole") stays out, a spike or a
 *   doubled-back run encloses nothing and goes;
 * - a polygon is its repaired shell minus its repaired holes; a hole that does not meet
 *   the shell at all becomes ground of its own (GeometryFixer keeps it rather than lose it);
 * - a multipolygon is the union of its repaired polygons;
 * - repeated positions are dropped, a ring that is not closed is closed, a ring with fewer
 *   than three distinct positions collapses (it holds no ground).
 * The arrangement is exact on the coordinate grid, crossings snap-rounded to it.
 */

/** A repaired boundary on the grid: rings in shape form (shells counter-clockwise, holes clockwise). */
export function repairedShape(g: AreaGeometry): Shape | null {
  const polys = repairedPolys(g)
  if (!polys || !polys.length) return null
  const rings: Ring[] = []
  const parts: number[][] = []
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  let edgeCount = 0
  for (const poly of polys) {
    const part: number[] = []
    for (const r of poly) {
      const xs = Float64Array.from(r, (p) => p[0]), ys = Float64Array.from(r, (p) => p[1])
      const rb = ringBox(flat(r))
      bbox[0] = Math.min(bbox[0], rb[0]); bbox[1] = Math.min(bbox[1], rb[1])
      bbox[2] = Math.max(bbox[2], rb[2]); bbox[3] = Math.max(bbox[3], rb[3])
      part.push(rings.length)
      rings.push({ xs, ys, bbox: rb })
      edgeCount += r.length - 1
    }
    parts.push(part)
  }
  return { rings, parts, bbox, edgeCount }
}

/**
 * The repaired boundary in lon/lat (quantized), as the plan would store it; null when nothing
 * is left (every ring collapsed) or the input holds no usable coordinates.
 */
export function makeValid(g: AreaGeometry): AreaGeometry | null {
  const polys = repairedPolys(g)
  if (!polys || !polys.length) return null
  const lonLat = polys.map((poly) => poly.map((r) => r.map(([x, y]): Position => [quantize(x / GRID), quantize(y / GRID)])))
  return lonLat.length === 1 ? { type: 'Polygon', coordinates: lonLat[0] } : { type: 'MultiPolygon', coordinates: lonLat }
}

type Pt = [number, number]
type GridRing = Pt[]

/** The plan check traces rings flat ([x0, y0, x1, y1, …]); the repair works on points. */
const pairs = (r: FlatRing): Pt[] => {
  const out: Pt[] = []
  for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]])
  return out
}
const flat = (r: Pt[]): FlatRing => Float64Array.from(r.flat())

/** Rings on the grid, per polygon: outer ring first. Null when the geometry is not an area. */
function gridPolygons(g: AreaGeometry): GridRing[][] | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) return null
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[]
  const out: GridRing[][] = []
  for (const poly of polys) {
    if (!Array.isArray(poly)) continue
    const rings: GridRing[] = []
    for (const raw of poly as unknown[]) {
      const r: GridRing = []
      if (Array.isArray(raw)) {
        for (const p of raw as unknown[]) {
          const x = Array.isArray(p) ? p[0] : undefined, y = Array.isArray(p) ? p[1] : undefined
          // Positions that are not finite lon/lat are left out, as GeometryFixer drops invalid coordinates.
          if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue
          if (x < -180 || x > 180 || y < -90 || y > 90) continue
          const gx = toGrid(x), gy = toGrid(y)
          const last = r[r.length - 1]
          if (last && last[0] === gx && last[1] === gy) continue
          r.push([gx, gy])
        }
      }
      if (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop()
      rings.push(r) // open (no closing repeat); an empty one keeps the hole numbering
    }
    if (rings.length) out.push(rings)
  }
  return out
}

/** The repaired polygons on the grid (closed rings, shell counter-clockwise then holes clockwise). */
function repairedPolys(g: AreaGeometry): Pt[][][] | null {
  const input = gridPolygons(g)
  if (!input) return null
  // Every ring is an owner of its own; polygon k's shell and holes are remembered by index.
  const ringPts: GridRing[] = []
  const elements: { shell: number; holes: number[] }[] = []
  for (const poly of input) {
    const ids = poly.map((r) => {
      ringPts.push(r)
      return ringPts.length - 1
    })
    elements.push({ shell: ids[0], holes: ids.slice(1) })
  }
  const segs: Segments = { c: [], owner: [] }
  ringPts.forEach((r, o) => {
    if (r.length < 3) return
    for (let i = 0; i < r.length; i++) {
      const a = r[i], b = r[(i + 1) % r.length]
      segs.c.push(a[0], a[1], b[0], b[1])
      segs.owner.push(o)
    }
  })
  if (!segs.owner.length) return []
  // Snap-rounded: crossings land on the grid, so three edges through one point meet in one
  // vertex (unrounded, each pair's crossing can be a different double and the faces tangle).
  const arr = buildArrangement(segs, true)
  if (twoSidedEdge(arr) >= 0) return null
  const R = ringPts.length
  const wind = windings(arr, R)
  const w = (f: number, r: number) => wind[f * R + r]
  const F = arr.faceCount
  // Which fixed holes meet their fixed shell (interiors overlapping, or closures touching).
  const inShell = (f: number, e: { shell: number }) => w(f, e.shell) !== 0
  const meets = elements.map((e) => e.holes.map((h) => holeMeetsShell(arr, F, (f) => inShell(f, e), (f) => w(f, h) !== 0)))
  // A polygon whose shell holds no ground is dropped whole, holes and all (GeometryFixer returns nothing for it).
  const shellEmpty = elements.map((e) => {
    for (let f = 0; f < F; f++) if (inShell(f, e)) return false
    return true
  })
  const members: number[] = []
  for (let f = 0; f < F; f++) {
    let member = false
    for (let k = 0; k < elements.length && !member; k++) {
      const e = elements[k]
      if (shellEmpty[k]) continue
      let inHole = false, island = false
      e.holes.forEach((h, i) => {
        if (w(f, h) === 0) return
        if (meets[k][i]) inHole = true
        else island = true
      })
      member = island || (inShell(f, e) && !inHole)
    }
    if (member) members.push(f)
  }
  const keys: FaceKeyList = { forEach: (fn) => members.forEach((f) => fn('m', f)) }
  const pieces = piecesByKey(arr, keys, new Set()).get('m') ?? []
  return assemble(pieces.flatMap((p) => p.poly.map(pairs)))
}

/**
 * Winding number of every ring around every face (faces × rings). Each connected part of the
 * edges has one clockwise face around it; there the part's own edges add nothing and every
 * other part's edges add what they wind around any vertex of the part (a ring whose runs
 * cancel can fall into several parts); crossing an edge changes each ring's number by how
 * often that ring runs along the edge.
 */
function windings(arr: Arrangement, R: number): Int32Array {
  const F = arr.faceCount
  const wind = new Int32Array(F * R)
  const done = new Uint8Array(F)
  const comp = components(arr)
  const stack: number[] = []
  for (let f0 = 0; f0 < F; f0++) {
    if (done[f0] || arr.faceArea2[f0] >= 0) continue
    const v = faceOrigin(arr, f0)
    windAround(arr, comp, comp[v], arr.vx[v], arr.vy[v], wind, f0 * R)
    done[f0] = 1
    stack.push(f0)
    while (stack.length) {
      const f = stack.pop()!
      for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) {
        const h = arr.faceEdges[k], g = arr.face[h ^ 1]
        if (done[g]) continue
        for (let r = 0; r < R; r++) wind[g * R + r] = wind[f * R + r]
        const e = h >> 1, dir = h & 1 ? -1 : 1
        const own = arr.owners[e], side = arr.sides[e]
        // Left of h is f; the right side winds `side` fewer times.
        for (let k = 0; k < own.length; k++) wind[g * R + own[k]] -= side[k] * dir
        done[g] = 1
        stack.push(g)
      }
    }
  }
  return wind
}

/** Adds to `wind[at + ring]` how often the edges outside part `c` wind around (px, py), per ring. */
function windAround(arr: Arrangement, comp: Int32Array, c: number, px: number, py: number, wind: Int32Array, at: number): void {
  for (let e = 0; e < arr.owners.length; e++) {
    const a = arr.org[2 * e], b = arr.org[2 * e + 1]
    if (comp[a] === c) continue
    const ax = arr.vx[a], ay = arr.vy[a], bx = arr.vx[b], by = arr.vy[b]
    let w = 0
    if (ay <= py) {
      if (by > py && orient(ax, ay, bx, by, px, py) > 0) w = 1
    } else if (by <= py && orient(ax, ay, bx, by, px, py) < 0) w = -1
    if (!w) continue
    const own = arr.owners[e], side = arr.sides[e]
    for (let k = 0; k < own.length; k++) wind[at + own[k]] += w * side[k]
  }
}


/**
 * GeometryFixer keeps a repaired hole as a hole when it intersects the repaired shell (their
 * closures share a point), else as ground of its own: a face in both, or a vertex with a face
 * of each around it.
 */
function holeMeetsShell(arr: Arrangement, F: number, shell: (f: number) => boolean, hole: (f: number) => boolean): boolean {
  for (let f = 0; f < F; f++) if (shell(f) && hole(f)) return true
  const nearShell = new Uint8Array(arr.vx.length), nearHole = new Uint8Array(arr.vx.length)
  for (let h = 0; h < arr.org.length; h++) {
    const f = arr.face[h], v = arr.org[h], u = arr.org[h ^ 1]
    if (shell(f)) nearShell[v] = nearShell[u] = 1
    if (hole(f)) nearHole[v] = nearHole[u] = 1
  }
  for (let v = 0; v < nearShell.length; v++) if (nearShell[v] && nearHole[v]) return true
  return false
}

/**
 * Valid polygons from the boundary rings of the kept faces: a ring that passes a vertex twice
 * (pieces touching themselves at a point) is cut there into simple rings; counter-clockwise
 * rings are shells, clockwise ones holes, each hole going to the smallest shell around it.
 */
function assemble(boundary: Pt[][]): Pt[][][] {
  const shells: { ring: Pt[]; area2: number; holes: Pt[][]; box: [number, number, number, number] }[] = []
  const holes: Pt[][] = []
  for (const r of boundary) {
    for (const loop of simpleLoops(r)) {
      const a = area2(loop)
      if (a > 0) shells.push({ ring: loop, area2: a, holes: [], box: ringBox(flat(loop)) })
      else if (a < 0) holes.push(loop)
    }
  }
  for (const h of holes) {
    let best: (typeof shells)[number] | null = null
    for (const s of shells) {
      if (best && s.area2 >= best.area2) continue
      if (!insideShell(s, h)) continue
      best = s
    }
    best?.holes.push(h)
  }
  return shells.sort((a, b) => a.ring[0][0] - b.ring[0][0] || a.ring[0][1] - b.ring[0][1]).map((s) => [s.ring, ...s.holes])
}

function insideShell(s: { ring: Pt[]; box: [number, number, number, number] }, hole: Pt[]): boolean {
  const xs = s.ring.map((p) => p[0]), ys = s.ring.map((p) => p[1])
  for (const [x, y] of hole) {
    if (x < s.box[0] || x > s.box[2] || y < s.box[1] || y > s.box[3]) return false
    const l = ringLocate(xs, ys, 0, xs.length, x, y)
    if (l !== 0) return l > 0
  }
  return false
}

/** A closed ring cut at every position it passes twice into closed simple loops. */
function simpleLoops(r: Pt[]): Pt[][] {
  const out: Pt[][] = []
  const stack: Pt[] = []
  const at = new Map<string, number>()
  for (let i = 0; i < r.length - 1; i++) {
    const p = r[i], k = p[0] + ',' + p[1]
    const j = at.get(k)
    if (j !== undefined) {
      const loop = stack.splice(j)
      for (const q of loop) at.delete(q[0] + ',' + q[1])
      loop.push(loop[0])
      if (loop.length >= 4) out.push(loop)
    }
    at.set(k, stack.length)
    stack.push(p)
  }
  stack.push(stack[0])
  if (stack.length >= 4) out.push(stack)
  return out
}

function area2(r: Pt[]): number {
  let s = 0
  const [x0, y0] = r[0]
  for (let i = 0; i < r.length - 1; i++) s += (r[i][0] - x0) * (r[i + 1][1] - y0) - (r[i + 1][0] - x0) * (r[i][1] - y0)
  return s
}
