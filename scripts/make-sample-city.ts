/**
 * Generates the bundled sample city (an approximation of Livermore, CA) and its fictional
 * roster into resources/geo/. Run: npx tsx scripts/make-sample-city.ts
 *
 * Every polygon is the boundary of a set of triangles from one shared mesh, so neighbours
 * list literally the same quantized vertices and no vertex sits on another polygon's edge
 * without being one of its vertices (what the validator and topological editor assume).
 * Output is deterministic: a fixed PRNG seed, no clock, stable ordering.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { area as turfArea, polygon as turfPolygon } from '@turf/turf'
import { quantize } from '../src/shared/domain/geometry'
import { pointInRing } from '../src/shared/geo/kernel'

/**
 * The sample is authored at 1e-7 degrees (about 1 cm: plenty for an illustrative map), which
 * also lies on the app's finer storage grid; rounding here keeps the committed files stable
 * whatever that grid is.
 */
const sampleGrid = (v: number): number => quantize(Math.round(v * 1e7) / 1e7)
import type { Officer } from '../src/shared/domain/entities'
import { mulberry32 } from './lib/mulberry32'

type XY = [number, number]
const LON0 = -121.761
const LAT0 = 37.687
const KX = 111.32 * Math.cos((LAT0 * Math.PI) / 180) // km per degree of longitude
const KY = 110.99 // km per degree of latitude at ~37.7°N
const TARGET_M2 = 68.5e6
const SPACING = 0.5 // km between mesh vertices: keeps tens of vertices per neighborhood
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/geo')

// Hand-drawn outline in km from the centre, shaped like Livermore (airport lobe in the
// west, Springtown lobe north of I-580, vineyard tongue to the south); scaled to 68.5 km².
const OUTLINE: XY[] = [
  [-7.6, 1.0], [-7.4, -0.3], [-6.3, -0.6], [-5.2, -1.4], [-4.0, -1.6], [-3.4, -2.8],
  [-2.6, -3.6], [-2.0, -4.8], [-1.2, -5.9], [-0.2, -6.4], [0.9, -6.0], [1.5, -4.9],
  [2.6, -4.2], [3.3, -3.1], [4.2, -2.6], [4.6, -1.5], [5.6, -0.9], [5.6, 0.8], [4.9, 1.6],
  [5.2, 2.6], [4.1, 3.0], [3.4, 4.2], [2.2, 5.0], [1.0, 4.6], [0.6, 3.4], [-0.4, 3.0],
  [-1.6, 3.4], [-2.8, 3.1], [-3.9, 3.6], [-5.0, 3.2], [-6.0, 2.5], [-7.0, 2.4],
]

interface AreaSpec { id: string; name: string; color: string }
// Okabe–Ito orange, blue and bluish green: distinguishable with the common colour-vision deficiencies.
const AREAS: AreaSpec[] = [
  { id: 'NE', name: 'Northeast', color: '#E69F00' },
  { id: 'NW', name: 'Northwest', color: '#0072B2' },
  { id: 'S', name: 'South', color: '#009E73' },
]
interface Seed { areaId: string; name: string; at: XY; weight: number }
const SEEDS: Seed[] = [
  { areaId: 'NE', name: 'Springtown', at: [2.2, 3.8], weight: 0.4 },
  { areaId: 'NE', name: 'Altamont', at: [4.4, 1.6], weight: 0 },
  { areaId: 'NE', name: 'Vasco', at: [3.0, 0.6], weight: 0 },
  { areaId: 'NE', name: 'Northfront', at: [0.9, 2.3], weight: 0 },
  { areaId: 'NE', name: 'Jensen', at: [1.4, 0.5], weight: -0.1 },
  { areaId: 'NE', name: 'Midtown', at: [0.5, -0.6], weight: -0.2 },
  { areaId: 'NE', name: 'Sunset', at: [4.3, -0.8], weight: 0 },
  { areaId: 'NW', name: 'Las Positas', at: [-4.4, 2.4], weight: 0 },
  { areaId: 'NW', name: 'Airway', at: [-6.4, 0.8], weight: 0.7 },
  { areaId: 'NW', name: 'Isabel', at: [-3.8, 0.2], weight: 0 },
  { areaId: 'NW', name: 'Portola', at: [-1.5, 1.9], weight: 0 },
  { areaId: 'NW', name: 'Rincon', at: [-2.2, -0.4], weight: 0 },
  { areaId: 'NW', name: 'Downtown', at: [-0.6, -0.6], weight: -0.35 },
  { areaId: 'S', name: 'Old South Side', at: [-0.6, -2.0], weight: 0 },
  { areaId: 'S', name: 'Arroyo Mocho', at: [-2.6, -2.6], weight: 0 },
  { areaId: 'S', name: 'Granada', at: [1.5, -1.9], weight: 0 },
  { areaId: 'S', name: 'Ravenswood', at: [3.0, -3.0], weight: -0.2 },
  { areaId: 'S', name: 'Sycamore Grove', at: [1.0, -3.8], weight: 0 },
  { areaId: 'S', name: 'Wente', at: [-0.5, -5.2], weight: 1.0 },
]


const toLonLat = ([x, y]: XY): XY => [sampleGrid(LON0 + x / KX), sampleGrid(LAT0 + y / KY)]
const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-')
const geodesicM2 = (ring: XY[]) => turfArea(turfPolygon([ring]))

function closestOnRing(p: XY, ring: XY[]): XY {
  let best: XY = ring[0]
  let bestD = Infinity
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]
    const b = ring[(i + 1) % ring.length]
    const dx = b[0] - a[0]
    const dy = b[1] - a[1]
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    const q: XY = [a[0] + t * dx, a[1] + t * dy]
    const d = Math.hypot(q[0] - p[0], q[1] - p[1])
    if (d < bestD) [best, bestD] = [q, d]
  }
  return best
}

interface Mesh { pts: XY[]; tris: [number, number, number][]; label: number[] }

/** Jittered triangular lattice covering the outline, keeping triangles whose centroid is inside. */
function buildMesh(outline: XY[]): Mesh {
  const rand = mulberry32(0x11e5)
  const h = (SPACING * Math.sqrt(3)) / 2
  const xs = outline.map((p) => p[0])
  const ys = outline.map((p) => p[1])
  const x0 = Math.min(...xs) - 2 * SPACING
  const y0 = Math.min(...ys) - 2 * SPACING
  const nx = Math.ceil((Math.max(...xs) - x0) / SPACING) + 3
  const ny = Math.ceil((Math.max(...ys) - y0) / h) + 3
  const pts: XY[] = []
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++)
      pts.push([x0 + i * SPACING + (j % 2) * (SPACING / 2) + (rand() - 0.5) * 0.24 * SPACING, y0 + j * h + (rand() - 0.5) * 0.24 * h])
  const id = (i: number, j: number) => j * nx + i
  const tris: [number, number, number][] = []
  for (let j = 0; j + 1 < ny; j++)
    for (let i = 0; i + 1 < nx; i++) {
      const cand: [number, number, number][] =
        j % 2 === 0
          ? [[id(i, j), id(i + 1, j), id(i, j + 1)], [id(i + 1, j), id(i + 1, j + 1), id(i, j + 1)]]
          : [[id(i, j), id(i + 1, j), id(i + 1, j + 1)], [id(i, j), id(i + 1, j + 1), id(i, j + 1)]]
      for (const t of cand) {
        if (cross(pts[t[0]], pts[t[1]], pts[t[2]]) < 0) t.reverse()
        const c: XY = [(pts[t[0]][0] + pts[t[1]][0] + pts[t[2]][0]) / 3, (pts[t[0]][1] + pts[t[1]][1] + pts[t[2]][1]) / 3]
        if (pointInRing(c, outline) > 0) tris.push(t)
      }
    }
  return { pts, tris, label: tris.map(() => -1) }
}

const edgeKey = (a: number, b: number) => a * 1_000_000 + b

/** Directed boundary edges (CCW around the set) of a set of triangles. */
function boundaryEdges(mesh: Mesh, members: number[]): [number, number][] {
  const inSet = new Set<number>()
  for (const t of members) for (let k = 0; k < 3; k++) inSet.add(edgeKey(mesh.tris[t][k], mesh.tris[t][(k + 1) % 3]))
  const out: [number, number][] = []
  for (const t of members)
    for (let k = 0; k < 3; k++) {
      const a = mesh.tris[t][k]
      const b = mesh.tris[t][(k + 1) % 3]
      if (!inSet.has(edgeKey(b, a))) out.push([a, b])
    }
  return out
}

/** Moves a vertex only if every triangle around it stays well shaped and counter-clockwise. */
function tryMove(mesh: Mesh, around: number[][], v: number, to: XY): boolean {
  const from = mesh.pts[v]
  mesh.pts[v] = to
  const minArea = 0.2 * (SPACING * SPACING * Math.sqrt(3)) / 4
  const ok = around[v].every((t) => cross(mesh.pts[mesh.tris[t][0]], mesh.pts[mesh.tris[t][1]], mesh.pts[mesh.tris[t][2]]) / 2 > minArea)
  if (!ok) mesh.pts[v] = from
  return ok
}

function snapToOutline(mesh: Mesh, around: number[][], outline: XY[]): void {
  const all = mesh.tris.map((_, i) => i)
  const verts = [...new Set(boundaryEdges(mesh, all).map((e) => e[0]))]
  for (const v of verts) {
    const p = mesh.pts[v]
    const q = closestOnRing(p, outline)
    if (!tryMove(mesh, around, v, q)) tryMove(mesh, around, v, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])
  }
}

function assignLabels(mesh: Mesh, seeds: Seed[]): void {
  mesh.label = mesh.tris.map((t) => {
    const c: XY = [0, 1].map((d) => (mesh.pts[t[0]][d] + mesh.pts[t[1]][d] + mesh.pts[t[2]][d]) / 3) as XY
    let best = 0
    let bestD = Infinity
    seeds.forEach((s, i) => {
      const dx = c[0] - s.at[0]
      const dy = c[1] - s.at[1]
      // A gentle per-seed angular wobble makes boundaries less like straight Voronoi edges.
      const d = Math.hypot(dx, dy) * (1 + 0.12 * Math.sin(3 * Math.atan2(dy, dx) + i * 1.7)) - s.weight
      if (d < bestD) [best, bestD] = [i, d]
    })
    return best
  })
}

/** Triangles adjacent across an edge, for connectivity and for reassigning stray triangles. */
function edgeNeighbours(mesh: Mesh): number[][] {
  const byEdge = new Map<number, number>()
  mesh.tris.forEach((t, i) => { for (let k = 0; k < 3; k++) byEdge.set(edgeKey(t[k], t[(k + 1) % 3]), i) })
  return mesh.tris.map((t) => [0, 1, 2].map((k) => byEdge.get(edgeKey(t[(k + 1) % 3], t[k]))).filter((n): n is number => n !== undefined))
}

/**
 * Makes every group (by key) one piece without pinch points, by handing stray triangles to
 * the neighbouring group they touch most. Returns true when something changed.
 */
function repairGroups(mesh: Mesh, nbrs: number[][], keyOf: (label: number) => string): boolean {
  const key = (t: number) => keyOf(mesh.label[t])
  const give = (t: number) => {
    const counts = new Map<number, number>()
    for (const n of nbrs[t]) if (key(n) !== key(t)) counts.set(mesh.label[n], (counts.get(mesh.label[n]) ?? 0) + 1)
    const target = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]
    if (target) mesh.label[t] = target[0]
  }
  const groups = new Map<string, number[]>()
  mesh.tris.forEach((_, t) => groups.set(key(t), [...(groups.get(key(t)) ?? []), t]))
  for (const members of groups.values()) {
    const seen = new Set<number>()
    const comps: number[][] = []
    for (const start of members) {
      if (seen.has(start)) continue
      const comp = [start]
      seen.add(start)
      for (let i = 0; i < comp.length; i++)
        for (const n of nbrs[comp[i]]) if (!seen.has(n) && key(n) === key(start)) { seen.add(n); comp.push(n) }
      comps.push(comp)
    }
    if (comps.length > 1) {
      comps.sort((a, b) => b.length - a.length)
      for (const c of comps.slice(1)) c.forEach(give)
      return true
    }
    const outgoing = new Map<number, number>()
    for (const [a] of boundaryEdges(mesh, members)) outgoing.set(a, (outgoing.get(a) ?? 0) + 1)
    const pinch = [...outgoing.entries()].find(([, n]) => n > 1)
    if (pinch) {
      const atPinch = members.filter((t) => mesh.tris[t].includes(pinch[0]))
      atPinch.sort((a, b) => nbrs[a].filter((n) => key(n) === key(a)).length - nbrs[b].filter((n) => key(n) === key(b)).length)
      give(atPinch[0])
      return true
    }
  }
  return false
}

/** Laplacian smoothing of the zig-zag lattice boundaries between neighborhoods. */
function smoothBoundaries(mesh: Mesh, around: number[][]): void {
  const cityVerts = new Set(boundaryEdges(mesh, mesh.tris.map((_, i) => i)).map((e) => e[0]))
  for (let iter = 0; iter < 6; iter++) {
    const links = new Map<number, Set<number>>()
    const link = (a: number, b: number) => links.set(a, (links.get(a) ?? new Set()).add(b))
    const nbrs = edgeNeighbours(mesh)
    mesh.tris.forEach((t, i) => {
      for (let k = 0; k < 3; k++) {
        const a = t[k]
        const b = t[(k + 1) % 3]
        const other = nbrs[i].find((n) => mesh.tris[n].includes(a) && mesh.tris[n].includes(b))
        if (other !== undefined && mesh.label[other] !== mesh.label[i]) { link(a, b); link(b, a) }
      }
    })
    for (const [v, ns] of [...links.entries()].sort((a, b) => a[0] - b[0])) {
      if (ns.size !== 2 || cityVerts.has(v)) continue
      const [p, q] = [...ns].map((n) => mesh.pts[n])
      const c = mesh.pts[v]
      tryMove(mesh, around, v, [0.5 * c[0] + 0.25 * (p[0] + q[0]), 0.5 * c[1] + 0.25 * (p[1] + q[1])])
    }
  }
}

/** The single counter-clockwise ring (lon/lat, closed) bounding a set of triangles. */
function ringOf(mesh: Mesh, members: number[], what: string): XY[] {
  const edges = boundaryEdges(mesh, members)
  const next = new Map<number, number>()
  for (const [a, b] of edges) {
    if (next.has(a)) throw new Error(`${what}: boundary touches itself at mesh vertex ${a}`)
    next.set(a, b)
  }
  const lowest = (a: number, b: number) => {
    const [pa, pb] = [mesh.pts[a], mesh.pts[b]]
    return pa[1] < pb[1] || (pa[1] === pb[1] && pa[0] < pb[0]) ? a : b
  }
  const start = edges.map((e) => e[0]).reduce(lowest)
  const ring: XY[] = [toLonLat(mesh.pts[start])]
  for (let v = next.get(start)!; v !== start; v = next.get(v)!) ring.push(toLonLat(mesh.pts[v]))
  if (ring.length !== edges.length) throw new Error(`${what}: has a hole or several parts (${edges.length} boundary edges, ring of ${ring.length})`)
  ring.push(ring[0])
  return ring
}

function buildCity(scale: number) {
  const outline = OUTLINE.map(([x, y]) => [x * scale, y * scale] as XY)
  const seeds = SEEDS.map((s) => ({ ...s, at: [s.at[0] * scale, s.at[1] * scale] as XY }))
  const mesh = buildMesh(outline)
  const around: number[][] = mesh.pts.map(() => [])
  mesh.tris.forEach((t, i) => t.forEach((v) => around[v].push(i)))
  snapToOutline(mesh, around, outline)
  assignLabels(mesh, seeds)
  const nbrs = edgeNeighbours(mesh)
  let rounds = 0
  while (repairGroups(mesh, nbrs, (l) => seeds[l].areaId) || repairGroups(mesh, nbrs, (l) => String(l)))
    if (++rounds > 500) throw new Error('sample city: labels did not settle into connected groups')
  smoothBoundaries(mesh, around)
  const all = mesh.tris.map((_, i) => i)
  const members = (pred: (l: number) => boolean) => all.filter((t) => pred(mesh.label[t]))
  const city = ringOf(mesh, all, 'city')
  const areas = AREAS.map((a) => ({ ...a, ring: ringOf(mesh, members((l) => seeds[l].areaId === a.id), `area ${a.id}`) }))
  const hoods = seeds.map((s, i) => ({ id: `${s.areaId}-${slug(s.name)}`, areaId: s.areaId, name: s.name, ring: ringOf(mesh, members((l) => l === i), s.name) }))
  return { city, areas, hoods }
}

// ---- fictional roster ----
const FIRST = ['Avery', 'Blake', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hector', 'Imani', 'Jonah', 'Keiko', 'Luis', 'Maya', 'Nikhil', 'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tessa', 'Uriel', 'Vanessa', 'Wesley', 'Ximena', 'Yusuf', 'Zoe']
const LAST = ['Nguyen', 'Garcia', 'Okafor', 'Kowalski', 'Hernandez', 'Chen', 'Brennan', 'Silva', 'Murphy', 'Tanaka', 'Rossi', 'Ahmed', 'Lindqvist', 'Patel', 'Delgado', 'Whitfield', 'Moreau', 'Castillo', 'Ibarra', 'Fontaine', 'Haddad', 'Yamamoto', 'Ortega', 'Kaur', 'Petrov', 'Mensah', 'Novak', 'Alvarez', 'Sorensen', 'Park', 'Quintero', 'Abara', 'Dubois', 'Espinoza', 'Farrow', 'Gallo', 'Halvorsen', 'Iwu', 'Jaramillo', 'Kinsley', 'Lozano', 'Marchetti', 'Nakamura', 'Osei', 'Pereira', 'Ramos', 'Sandoval', 'Thorne', 'Underwood', 'Valdez', 'Winslow', 'Xu', 'Yilmaz', 'Zamora', 'Bianchi', 'Carver', 'Duarte', 'Ellison', 'Fujita', 'Gutierrez', 'Holloway', 'Ivanova', 'Keller']
const STAFF: Record<string, number> = { NE: 21, NW: 20, S: 19 } // even-ish, as administration balances it
const UNASSIGNED: Record<string, number> = { NE: 2, NW: 1, S: 1 }
const SHIFTS = ['Day', 'Swing', 'Night']

function buildRoster(hoods: { id: string; areaId: string }[]): Officer[] {
  const officers: Officer[] = []
  const usedEmails = new Set<string>()
  const add = (rank: string, areaId: string, neighborhoodId: string | null, status: Officer['status']) => {
    const n = officers.length + 1
    const num = String(n).padStart(3, '0')
    const first = FIRST[(n * 7) % FIRST.length]
    const last = LAST[n - 1]
    const vacant = status === 'vacant'
    let email = vacant ? `vacant.${num}@sample-pd.example` : `${first[0]}.${last}@sample-pd.example`.toLowerCase()
    if (usedEmails.has(email)) email = email.replace('@', `${n}@`)
    usedEmails.add(email)
    officers.push({
      id: `off-${num}`,
      displayName: vacant ? `Vacant post (${areaId})` : `${first[0]}. ${last}`,
      rank,
      email,
      deskPhone: `925-555-01${String(n).padStart(2, '0')}`,
      shift: rank === 'Lieutenant' ? 'Day' : SHIFTS[n % 3],
      status,
      areaId,
      neighborhoodId,
      private: {
        employeeId: `SAMPLE-E${1000 + n}`,
        badge: `SAMPLE-${300 + n}`,
        personalPhone: `209-555-01${String(n).padStart(2, '0')}`,
        personalEmail: vacant ? `vacant.${num}@example.com` : `${first}.${last}.${num}@example.com`.toLowerCase(),
        homeAddress: `${100 + n} Sample Street, Fictionville, CA 00000`,
        notes: vacant ? 'Fictional sample data: vacant post awaiting assignment.' : 'Fictional sample officer, not a real person.',
      },
    })
  }
  for (const a of AREAS) add('Lieutenant', a.id, null, 'active')
  for (const a of AREAS) {
    const inArea = hoods.filter((h) => h.areaId === a.id)
    const count = STAFF[a.id]
    for (let k = 0; k < count; k++) {
      const rank = k < 3 ? 'Sergeant' : k < 5 ? 'Corporal' : 'Officer'
      const hood = k >= count - UNASSIGNED[a.id] ? null : inArea[k % inArea.length].id
      // Leave and vacancy fall on second adopters, so every neighborhood keeps an active officer.
      const status = a.id === 'NE' && k === 9 ? 'leave' : a.id === 'S' && k === 8 ? 'leave' : a.id === 'NW' && k === 7 ? 'vacant' : 'active'
      add(rank, a.id, hood, status)
    }
  }
  return officers
}

// ---- output ----
function toJson(value: unknown): string {
  // One position per line keeps the files reviewable without a number per line.
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e-]+),\s+(-?[\d.e-]+)\s+\]/g, '[$1, $2]') + '\n'
}

function main(): void {
  let scale = Math.sqrt(TARGET_M2 / geodesicM2([...OUTLINE, OUTLINE[0]].map((p) => toLonLat(p))))
  let built = buildCity(scale)
  // The mesh only approximates the outline; one correction lands the area on target.
  scale *= Math.sqrt(TARGET_M2 / geodesicM2(built.city))
  built = buildCity(scale)
  const { city, areas, hoods } = built
  const officers = buildRoster(hoods)
  const poly = (ring: XY[]) => ({ type: 'Polygon', coordinates: [ring] })
  const commander = (areaId: string) => officers.find((o) => o.rank === 'Lieutenant' && o.areaId === areaId)!.id
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(path.join(OUT_DIR, 'city-limit.geojson'), toJson({
    type: 'Feature', properties: { name: 'City of Livermore (approximate sample data)', sample: true }, geometry: poly(city),
  }))
  writeFileSync(path.join(OUT_DIR, 'areas.geojson'), toJson({
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name, color: a.color, commanderId: commander(a.id) }, geometry: poly(a.ring) })),
  }))
  writeFileSync(path.join(OUT_DIR, 'neighborhoods.geojson'), toJson({
    type: 'FeatureCollection',
    features: hoods.map((h) => ({ type: 'Feature', properties: { id: h.id, areaId: h.areaId, name: h.name, color: null }, geometry: poly(h.ring) })),
  }))
  writeFileSync(path.join(OUT_DIR, 'roster.json'), toJson({
    note: 'Fictional roster for the sample city: every name, email, phone number, badge and address is made up (phones use the 555-01xx range, emails reserved example domains).',
    officers,
  }))
  const km2 = (r: XY[]) => (geodesicM2(r) / 1e6).toFixed(2)
  console.log(`city ${km2(city)} km², ${city.length - 1} vertices`)
  for (const a of areas) {
    const staff = officers.filter((o) => o.areaId === a.id).length
    console.log(`${a.id} ${a.name}: ${km2(a.ring)} km², ${a.ring.length - 1} vertices, ${staff} officers`)
    for (const h of hoods.filter((x) => x.areaId === a.id))
      console.log(`  ${h.id} ${h.name}: ${km2(h.ring)} km², ${h.ring.length - 1} vertices, ${officers.filter((o) => o.neighborhoodId === h.id).length} officers`)
  }
}

main()
