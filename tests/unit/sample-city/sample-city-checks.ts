/**
 * Checks on the bundled sample city. Each returns a list of readable problems (empty when
 * fine), so the tests can show them all and can also prove each check trips on broken data.
 */
import { area, featureCollection, intersect, kinks, polygon as turfPolygon, union } from '@turf/turf'
import type { Polygon, Position } from 'geojson'
import { quantize } from '../../../src/shared/domain/geometry'
import { OFFICER_STATUSES } from '../../../src/shared/domain/entities'
import type { SampleCity, Shape } from './load-sample-city'

const m2 = (p: Polygon) => area(p)

export function ringProblems(shape: Shape): string[] {
  const out: string[] = []
  const rings = shape.polygon.coordinates
  if (rings.length !== 1) out.push(`${shape.label}: expected one ring (no holes), got ${rings.length}`)
  const ring = rings[0] ?? []
  if (ring.length < 4) out.push(`${shape.label}: ring has ${ring.length} positions, needs at least 4`)
  const [first, last] = [ring[0], ring[ring.length - 1]]
  if (!first || first[0] !== last[0] || first[1] !== last[1]) out.push(`${shape.label}: ring is not closed (first ${first} last ${last})`)
  ring.forEach((p, i) => {
    if (p.length !== 2 || quantize(p[0]) !== p[0] || quantize(p[1]) !== p[1])
      out.push(`${shape.label}: position ${i} [${p}] is not quantized to the 1e-9 degree grid`)
    const q = ring[i + 1]
    if (q && q[0] === p[0] && q[1] === p[1]) out.push(`${shape.label}: position ${i} is repeated`)
  })
  let twiceArea = 0
  for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  if (!(twiceArea > 0)) out.push(`${shape.label}: exterior ring is not counter-clockwise`)
  if (out.length === 0) {
    const crossings = kinks(turfPolygon(rings)).features
    if (crossings.length > 0) out.push(`${shape.label}: ring self-intersects at ${crossings[0].geometry.coordinates}`)
  }
  return out
}

/** `children` must cover `parent` exactly: same total area, no overlap, union equal to the parent. */
export function tilingProblems(parent: Shape, children: Shape[]): string[] {
  const out: string[] = []
  const parentM2 = m2(parent.polygon)
  const sum = children.reduce((s, c) => s + m2(c.polygon), 0)
  if (Math.abs(sum - parentM2) > 1) out.push(`${parent.label}: parts sum to ${sum.toFixed(2)} m² but it measures ${parentM2.toFixed(2)} m²`)
  for (let i = 0; i < children.length; i++)
    for (let j = i + 1; j < children.length; j++) {
      const overlap = intersect(featureCollection([turfPolygon(children[i].polygon.coordinates), turfPolygon(children[j].polygon.coordinates)]))
      const overlapM2 = overlap ? area(overlap) : 0
      if (overlapM2 >= 0.01) out.push(`${children[i].label} and ${children[j].label} overlap by ${overlapM2.toFixed(3)} m²`)
    }
  const merged = union(featureCollection(children.map((c) => turfPolygon(c.polygon.coordinates))))
  const mergedM2 = merged ? area(merged) : 0
  if (Math.abs(mergedM2 - parentM2) > 1) out.push(`${parent.label}: union of its parts measures ${mergedM2.toFixed(2)} m², not ${parentM2.toFixed(2)} m²`)
  return out
}

// About 1 cm: a vertex this close to another polygon's edge is meant to lie on it.
const ON_EDGE_DEG = 1e-7

function distanceToSegment(p: Position, a: Position, b: Position, kx: number): number {
  const [ax, ay, bx, by, px, py] = [a[0] * kx, a[1], b[0] * kx, b[1], p[0] * kx, p[1]]
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(ax + t * dx - px, ay + t * dy - py)
}

/** A vertex of one shape lying on another shape's boundary must be a vertex of that shape too. */
export function tJunctionProblems(shapes: Shape[]): string[] {
  const out: string[] = []
  const kx = Math.cos((37.687 * Math.PI) / 180)
  for (const target of shapes) {
    const ring = target.polygon.coordinates[0]
    const own = new Set(ring.map((p) => `${p[0]},${p[1]}`))
    for (const other of shapes) {
      if (other === target) continue
      for (const v of other.polygon.coordinates[0]) {
        if (own.has(`${v[0]},${v[1]}`)) continue
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i], ring[i + 1]]
          if (v[0] < Math.min(a[0], b[0]) - 1e-6 || v[0] > Math.max(a[0], b[0]) + 1e-6) continue
          if (distanceToSegment(v, a, b, kx) < ON_EDGE_DEG) {
            out.push(`T-junction: vertex [${v}] of ${other.label} lies on edge ${i} of ${target.label} but is not one of its vertices`)
            break
          }
        }
      }
    }
  }
  return [...new Set(out)]
}

export function cityAreaProblems(c: SampleCity): string[] {
  const km2 = m2(c.city.polygon) / 1e6
  return Math.abs(km2 - 68.5) <= 68.5 * 0.15 ? [] : [`city limit measures ${km2.toFixed(2)} km², expected 68.5 km² ±15%`]
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i)
}

export function idProblems(c: SampleCity): string[] {
  const out: string[] = []
  const all = [...c.areas.map((a) => a.id), ...c.hoods.map((h) => h.id), ...c.roster.officers.map((o) => o.id)]
  for (const d of new Set(duplicates(all))) out.push(`id ${d} is used more than once`)
  for (const h of c.hoods)
    if (!h.id.startsWith(`${h.areaId}-`)) out.push(`${h.label}: id should start with its area id ${h.areaId}-`)
  return out
}

const OFFICER_KEYS = ['areaId', 'deskPhone', 'displayName', 'email', 'id', 'neighborhoodId', 'private', 'rank', 'shift', 'status'].join()
const PRIVATE_KEYS = ['badge', 'employeeId', 'homeAddress', 'notes', 'personalEmail', 'personalPhone'].join()
const RANKS = ['Lieutenant', 'Sergeant', 'Corporal', 'Officer']

export function rosterProblems(c: SampleCity): string[] {
  const out: string[] = []
  const areaIds = new Set(c.areas.map((a) => a.id))
  const hoodById = new Map(c.hoods.map((h) => [h.id, h]))
  const officers = c.roster.officers
  for (const o of officers) {
    const who = `officer ${o.id}`
    if (Object.keys(o).sort().join() !== OFFICER_KEYS) out.push(`${who}: fields ${Object.keys(o).sort()} differ from the Officer interface`)
    if (Object.keys(o.private ?? {}).sort().join() !== PRIVATE_KEYS) out.push(`${who}: private fields differ from OfficerPrivate`)
    else if (Object.values(o.private).some((v) => typeof v !== 'string' || v.trim() === '')) out.push(`${who}: a private field is empty`)
    if (!RANKS.includes(o.rank)) out.push(`${who}: unknown rank ${o.rank}`)
    if (!(OFFICER_STATUSES as readonly string[]).includes(o.status)) out.push(`${who}: unknown status ${o.status}`)
    if (!/@sample-pd\.example$/.test(o.email)) out.push(`${who}: email ${o.email} is not at sample-pd.example`)
    if (!/^925-555-01\d\d$/.test(o.deskPhone)) out.push(`${who}: desk phone ${o.deskPhone} is not a fictional 925-555-01xx number`)
    if (!['Day', 'Swing', 'Night'].includes(o.shift)) out.push(`${who}: unknown shift ${o.shift}`)
    if (o.areaId === null || !areaIds.has(o.areaId)) out.push(`${who}: area ${o.areaId} does not exist`)
    if (o.neighborhoodId !== null) {
      const hood = hoodById.get(o.neighborhoodId)
      if (!hood) out.push(`${who}: adopted neighborhood ${o.neighborhoodId} does not exist`)
      else if (hood.areaId !== o.areaId) out.push(`${who}: adopts ${hood.id} of area ${hood.areaId} but serves in area ${o.areaId}`)
    }
  }
  for (const a of c.areas) {
    const lt = officers.find((o) => o.id === a.commanderId)
    if (!lt || lt.rank !== 'Lieutenant' || lt.areaId !== a.id) out.push(`${a.label}: commanderId ${a.commanderId} is not a Lieutenant of that area`)
    const n = c.hoods.filter((h) => h.areaId === a.id).length
    if (n < 4 || n > 8) out.push(`${a.label}: has ${n} neighborhoods, expected 4 to 8`)
  }
  for (const h of c.hoods) {
    if (!areaIds.has(h.areaId)) out.push(`${h.label}: area ${h.areaId} does not exist`)
    if (!officers.some((o) => o.neighborhoodId === h.id && o.status === 'active' && o.areaId === h.areaId))
      out.push(`${h.label}: no active adopting officer`)
  }
  const lts = officers.filter((o) => o.rank === 'Lieutenant')
  if (lts.length !== 3 || lts.some((o) => o.neighborhoodId !== null)) out.push(`expected 3 Lieutenants without a neighborhood, got ${lts.length}`)
  const count = (s: string) => officers.filter((o) => o.status === s).length
  if (count('leave') !== 2 || count('vacant') !== 1) out.push(`expected 2 on leave and 1 vacant post, got ${count('leave')} and ${count('vacant')}`)
  const floating = officers.filter((o) => o.rank !== 'Lieutenant' && o.neighborhoodId === null).length
  if (floating < 3 || floating > 5) out.push(`${floating} officers have no neighborhood, expected 3 to 5`)
  return out
}
