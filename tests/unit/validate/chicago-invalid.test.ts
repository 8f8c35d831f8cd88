import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { AreaGeometry, Finding, PlanState, Position } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'
import { validatePlan } from '../../../src/shared/geo/validate'
import { chicagoAbsent, chicagoSkipMessage, loadChicago } from './chicago-plan'

if (chicagoAbsent) console.warn(chicagoSkipMessage)

const here = path.dirname(fileURLToPath(import.meta.url))
/** Debian's Python with GDAL's bindings (python3-gdal, installed by .ci/run): GEOS MakeValid, the independent oracle. */
const PYTHON = '/usr/bin/python3'

interface Geos {
  geos: string
  outside: Record<string, number>
  gaps: number[]
}

function geosFigures(area: AreaGeometry, hoods: Record<string, AreaGeometry>): Geos {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acp-geos-'))
  try {
    const file = path.join(dir, 'plan.json')
    fs.writeFileSync(file, JSON.stringify({ area, neighborhoods: hoods }))
    const out = execFileSync(PYTHON, [path.join(here, 'geos_make_valid.py'), file], { encoding: 'utf8' })
    return JSON.parse(out.trim().split('\n').pop()!)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const M_PER_DEG_LAT = 111_090
const mPerDegLon = (lat: number) => M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)

/**
 * District 1 with its outer ring made to touch itself at one vertex (a triangular pocket,
 * about 120 m deep, run against the ring's direction, as ArcGIS writes an inverted hole),
 * and one of its beats pushed 30 m past the district boundary at its far corner.
 */
function fixture(): { plan: PlanState; pocketAt: Position; pushed: string } {
  const chicago = loadChicago('full')
  const district = chicago.areas.find((a) => a.id === '1')!
  const polys = district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates
  const main = polys.reduce((a, b) => (b[0].length > a[0].length ? b : a))
  const ring = main[0].slice(0, -1)
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length, cy = ring.reduce((s, p) => s + p[1], 0) / ring.length
  const kx = mPerDegLon(cy)
  const i = Math.floor(ring.length / 3)
  const v = ring[i]
  // Unit vector (in metres) from the vertex toward the middle of the district, turned ±20° for the pocket's two corners.
  const ux = (cx - v[0]) * kx, uy = (cy - v[1]) * M_PER_DEG_LAT
  const len = Math.hypot(ux, uy)
  const corner = (deg: number): Position => {
    const a = (deg * Math.PI) / 180
    const dx = ((ux * Math.cos(a) - uy * Math.sin(a)) / len) * 120, dy = ((ux * Math.sin(a) + uy * Math.cos(a)) / len) * 120
    return [quantize(v[0] + dx / kx), quantize(v[1] + dy / M_PER_DEG_LAT)]
  }
  let p1 = corner(20), p2 = corner(-20)
  const signed = (r: Position[]) => r.reduce((s, p, k) => { const q = r[(k + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1] }, 0)
  if (Math.sign(signed([v, p1, p2])) === Math.sign(signed(ring))) [p1, p2] = [p2, p1]
  const pocketRing = [...ring.slice(0, i + 1), p1, p2, v, ...ring.slice(i + 1)]
  pocketRing.push(pocketRing[0])
  const newPolys = polys.map((p) => (p === main ? [pocketRing, ...p.slice(1)] : p))
  const area = { ...district, geometry: { type: 'MultiPolygon', coordinates: newPolys } as AreaGeometry }
  if (newPolys.length === 1) area.geometry = { type: 'Polygon', coordinates: newPolys[0] }

  // The beat corner farthest from the district's middle and at least 1.5 km from the pocket is pushed 30 m further out.
  const beats = chicago.neighborhoods.filter((n) => n.areaId === '1')
  let best: { id: string; part: number; k: number; d: number } | null = null
  for (const b of beats) {
    const parts = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates
    parts.forEach((part, pi) => part[0].forEach((p, k) => {
      const d = Math.hypot((p[0] - cx) * kx, (p[1] - cy) * M_PER_DEG_LAT)
      const fromPocket = Math.hypot((p[0] - v[0]) * kx, (p[1] - v[1]) * M_PER_DEG_LAT)
      if (fromPocket > 1500 && (!best || d > best.d)) best = { id: b.id, part: pi, k, d }
    }))
  }
  const pick = best!
  const neighborhoods = beats.map((b) => {
    if (b.id !== pick.id) return b
    const parts = structuredClone(b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates)
    const r = parts[pick.part][0]
    const p = r[pick.k]
    const f = (pick.d + 30) / pick.d
    const moved: Position = [quantize(cx + (p[0] - cx) * f), quantize(cy + (p[1] - cy) * f)]
    r[pick.k] = moved
    if (pick.k === 0) r[r.length - 1] = moved
    if (pick.k === r.length - 1) r[0] = moved
    const geometry: AreaGeometry = parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts }
    return { ...b, geometry }
  })
  return { plan: { city: null, areas: [area], neighborhoods, officers: [] }, pocketAt: v, pushed: pick.id }
}

const within1pct = (ours: number, geos: number) => expect(Math.abs(ours - geos)).toBeLessThanOrEqual(Math.max(0.01 * geos, 0.5))

describe.skipIf(chicagoAbsent)('a real Chicago district with an invalid ring is still checked, as GEOS MakeValid measures it', () => {
  it('district 1 touching itself at a vertex, a beat pushed past it: outside and gap figures equal GEOS make_valid followed by the same differences, within 1%', () => {
    const { plan, pushed } = fixture()
    const found = validatePlan(plan)
    const invalid = found.filter((f) => f.kind === 'invalid-geometry')
    expect(invalid.map((f) => [f.areaIds, f.reason])).toEqual([[['1'], 'ring touches itself at a vertex']])

    const geos = geosFigures(plan.areas[0].geometry, Object.fromEntries(plan.neighborhoods.map((n) => [n.id, n.geometry])))
    const outside = new Map(found.filter((f) => f.kind === 'outside-area').map((f: Finding) => [f.neighborhoodIds[0], f]))
    const geosOutside = Object.entries(geos.outside).filter(([, m2]) => m2 > 1)
    // The pushed beat and the beat(s) over the pocket: both hidden before invalid rings were checked.
    expect(geosOutside.length).toBeGreaterThanOrEqual(2)
    expect(outside.has(pushed)).toBe(true)
    expect([...outside.keys()].sort()).toEqual(geosOutside.map(([id]) => id).sort())
    for (const [id, m2] of geosOutside) {
      within1pct(outside.get(id)!.areaM2, m2)
      expect(outside.get(id)!.message).toMatch(/touches the invalid boundary of Area Command District 1, checked in its repaired form/)
    }
    const gaps = found.filter((f) => f.kind === 'gap' && f.areaM2 > 1).map((f) => f.areaM2).sort((a, b) => a - b)
    expect(gaps.length).toBe(geos.gaps.length)
    gaps.forEach((m2, k) => within1pct(m2, geos.gaps[k]))
  })
})
