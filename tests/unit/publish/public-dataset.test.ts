import { check } from '@placemarkio/check-geojson'
import { describe, expect, it } from 'vitest'
import type { Position } from '../../../src/shared/domain'
import { buildPublicDataset, SAMPLE_DEPARTMENT, publicFieldsOf } from '../../../src/shared/publish/public-dataset'
import { fixturePlan, MARKER, META, shuffled } from './fixture-plan'

type Geo = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] }
interface Fc {
  type: string
  features: { type: string; id: string; properties: Record<string, any>; geometry: Geo }[]
  [k: string]: unknown
}

/** Shoelace sum; positive means counter-clockwise with lon as x and lat as y. */
function signedArea(ring: Position[]): number {
  let s = 0
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return s / 2
}
function polygonsOf(g: Geo): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}
function allKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => allKeys(x, out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      out.add(k)
      allKeys(x, out)
    }
  return out
}

const built = buildPublicDataset(fixturePlan(), META)
const nb = JSON.parse(built.neighborhoods) as Fc
const ar = JSON.parse(built.areas) as Fc
const byId = (id: string) => nb.features.find((f) => f.id === id)!

describe('public dataset export', () => {
  it('passes the GeoJSON checker and has no crs member', () => {
    for (const text of [built.neighborhoods, built.areas]) {
      expect(() => check(text)).not.toThrow()
      expect(text).not.toContain('"crs"')
      expect(text.endsWith(']}\n')).toBe(true)
    }
  })

  it('winds every exterior ring counter-clockwise and every hole clockwise, closed, without repeated positions', () => {
    let holes = 0
    for (const f of [...nb.features, ...ar.features]) {
      for (const poly of polygonsOf(f.geometry)) {
        poly.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring[ring.length - 1])
          expect(ring.length).toBeGreaterThanOrEqual(4)
          if (i === 0) expect(signedArea(ring), `${f.id} exterior`).toBeGreaterThan(0)
          else {
            holes++
            expect(signedArea(ring), `${f.id} hole`).toBeLessThan(0)
          }
          for (let k = 1; k < ring.length; k++) expect(ring[k]).not.toEqual(ring[k - 1])
        })
      }
    }
    expect(holes).toBe(1)
  })

  it('writes coordinates with at most 6 decimals and drops the vertex that rounding made a duplicate', () => {
    for (const f of [...nb.features, ...ar.features]) {
      for (const poly of polygonsOf(f.geometry)) for (const ring of poly) for (const c of ring) for (const v of c) expect(Number(v.toFixed(6))).toBe(v)
    }
    expect(built.neighborhoods).not.toMatch(/\d\.\d{7,}/)
    expect(byId('n1').geometry.coordinates[0]).toHaveLength(7 - 1)
  })

  it('publishes no private officer field, no shift, no status and no employee id', () => {
    for (const text of [built.neighborhoods, built.areas]) expect(text).not.toContain(MARKER)
    const allowed = new Set([
      'type', 'features', 'id', 'properties', 'geometry', 'coordinates',
      'name', 'areaId', 'areaName', 'commander', 'officers', 'version', 'effectiveDate', 'department',
      'rank', 'email', 'phone', 'nonEmergencyPhone', 'emergency', 'cover', 'role',
    ])
    const keys = [...allKeys(nb), ...allKeys(ar)]
    expect(keys.filter((k) => !allowed.has(k))).toEqual([])
  })

  it('lists only active officers, never one on leave nor a vacant post', () => {
    expect(byId('n1').properties.officers).toEqual([{ name: 'A. Nguyen', rank: 'Officer', email: 'o-ann@police.example.gov', phone: '925-555-0105' }])
    expect(built.neighborhoods).not.toContain('Z. Adams')
    expect(byId('n2').properties.officers).toEqual([])
    expect(built.neighborhoods).not.toContain('Vacant post')
  })

  it('keeps the properties in a fixed order with the plan version and date', () => {
    expect(Object.keys(byId('n1').properties)).toEqual(['id', 'name', 'areaId', 'areaName', 'commander', 'officers', 'cover', 'version', 'effectiveDate', 'department'])
    expect(Object.keys(ar.features[0].properties)).toEqual(['id', 'name', 'commander', 'version', 'effectiveDate'])
    expect(byId('n1').properties).toMatchObject({ areaId: 'north', areaName: 'Northeast', version: 3, effectiveDate: '2025-07-01' })
    expect(byId('n1').properties.commander).toEqual({ name: 'R. Alvarez', rank: 'Lt.', email: 'lt-n@police.example.gov', phone: '925-555-0104' })
    expect(nb.features.map((f) => f.id)).toEqual(['n1', 'n2', 's1'])
    expect(ar.features.map((f) => f.id)).toEqual(['north', 'south'])
  })

  it('gives the department non-emergency contact where an area has no commander', () => {
    const s1 = byId('s1').properties
    expect(s1.commander).toBeNull()
    expect(s1.department).toEqual({ name: 'Livermore Police Department', nonEmergencyPhone: '925-371-4900', emergency: '9-1-1' })
    expect(ar.features.find((f) => f.id === 'south')!.properties.commander).toBeNull()
  })

  it('produces byte-identical files from the same plan, whatever the input order', () => {
    const again = buildPublicDataset(fixturePlan(), META)
    expect(again).toEqual(built)
    for (const seed of [1, 7, 42]) {
      const p = fixturePlan()
      const shuffledPlan = { ...p, areas: shuffled(p.areas, seed), neighborhoods: shuffled(p.neighborhoods, seed + 1), officers: shuffled(p.officers, seed + 2) }
      const out = buildPublicDataset(shuffledPlan, META)
      expect(out.neighborhoods).toBe(built.neighborhoods)
      expect(out.areas).toBe(built.areas)
    }
  })

  it('rejects bad input with a message naming the problem', () => {
    const p = fixturePlan()
    p.neighborhoods[1].areaId = 'nowhere'
    expect(() => buildPublicDataset(p, META)).toThrow(/neighborhood "n2": areaId "nowhere"/)
    expect(() => buildPublicDataset(fixturePlan(), { ...META, effectiveDate: '2025-02-30' })).toThrow(/effectiveDate/)
    expect(() => buildPublicDataset(fixturePlan(), { ...META, version: 0 })).toThrow(/version/)
    const q = fixturePlan()
    q.neighborhoods[0].geometry = { type: 'Polygon', coordinates: [[[-121.8, 37.69], [-121.8, 37.6900001], [-121.8000001, 37.69], [-121.8, 37.69]]] }
    expect(() => buildPublicDataset(q, META)).toThrow(/neighborhood "n1": geometry collapses/)
    const r = fixturePlan()
    r.officers.push({ ...r.officers[0] })
    expect(() => buildPublicDataset(r, META)).toThrow(/officer 5: duplicate id "lt-n"/)
  })

  it('exposes only display name, rank, work email and desk phone of an officer', () => {
    const o = fixturePlan().officers[1]
    expect(publicFieldsOf(o)).toEqual({ name: 'Z. Adams', rank: 'Officer', email: 'o-zed@police.example.gov', phone: '925-555-0105' })
    expect(SAMPLE_DEPARTMENT.nonEmergencyPhone).toBe('925-371-4900')
  })
})
