import { describe, expect, it } from 'vitest'
import { summarize, validatePlan } from '../../../src/shared/geo/validate'
import type { Finding, PlanState } from '../../../src/shared/domain'
import { area, cleanPlan, DEG_PER_M_LAT, DEG_PER_M_LON, hood, LAT0, LON0, officer, rect } from './fixtures'
import { quantize } from '../../../src/shared/domain'
import type { AreaGeometry } from '../../../src/shared/domain'

/** A polygon from corners in metres (counter-clockwise). */
const polygon = (pts: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...pts, pts[0]].map(([x, y]) => [quantize(LON0 + x * DEG_PER_M_LON), quantize(LAT0 + y * DEG_PER_M_LAT)])] })

const kinds = (fs: Finding[]) => fs.map((f) => f.kind)
const only = (fs: Finding[], kind: string) => fs.filter((f) => f.kind === kind)

describe('plan validation on hand-made plans', () => {
  it('finds nothing wrong with a clean plan, and it is not blocking', () => {
    const fs = validatePlan(cleanPlan())
    expect(fs).toEqual([])
    expect(summarize(fs)).toEqual({ errors: 0, warnings: 0, blocking: false, byKind: {} })
  })

  it('does not call touching-only neighbours an overlap (shared edge or single point)', () => {
    const p = cleanPlan()
    // Diagonal neighbours Springtown and Sunset meet at one point only; neighbours share edges.
    expect(only(validatePlan(p), 'overlap')).toEqual([])
  })

  it('reports a neighborhood entirely inside another as an overlap of its whole area', () => {
    const p = cleanPlan()
    p.neighborhoods.push(hood('Inner', 'N', rect(100, 100, 200, 200)))
    p.officers.push(officer('o-Inner', 'N', 'Inner'))
    const ov = only(validatePlan(p), 'overlap')
    expect(ov).toHaveLength(1)
    expect(ov[0].neighborhoodIds).toEqual(['Inner', 'Springtown'])
    expect(ov[0].areaM2).toBeGreaterThan(9_800)
    expect(ov[0].areaM2).toBeLessThan(10_200)
    expect(ov[0].severity).toBe('error')
    expect(ov[0].message).toMatch(/^Inner and Springtown overlap by 10,0\d\d m²|^Inner and Springtown overlap by 9,9\d\d m²/)
    expect(ov[0].geometry?.type).toBe('Polygon')
  })

  it('reports a shifted neighbour overlapping by 250 m² with both names and the figure', () => {
    const p = cleanPlan()
    p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 499.75, 1000, 1000))
    const fs = validatePlan(p)
    const ov = only(fs, 'overlap')
    expect(ov).toHaveLength(1)
    expect(ov[0].areaM2).toBeGreaterThan(240)
    expect(ov[0].areaM2).toBeLessThan(260)
    expect(ov[0].sliver).toBe(true) // 25 cm wide
    expect(ov[0].severity).toBe('warning')
    expect(ov[0].message).toMatch(/Springtown and Vasco overlap by 2\d\d m²/)
  })

  it('reports a hole in a neighborhood as a gap in its area, located inside the hole', () => {
    const p = cleanPlan()
    p.neighborhoods[0] = hood('Springtown', 'N', rect(0, 0, 1000, 500, [[400, 100, 500, 200]]))
    const gaps = only(validatePlan(p), 'gap')
    expect(gaps).toHaveLength(1)
    expect(gaps[0].areaIds).toEqual(['N'])
    expect(gaps[0].areaM2).toBeGreaterThan(9_800)
    expect(gaps[0].areaM2).toBeLessThan(10_200)
    expect(gaps[0].widthM).toBeGreaterThan(99)
    const [lon, lat] = gaps[0].location!
    expect(lon).toBeGreaterThan(-121.76 + 400 / 88_000)
    expect(lat).toBeLessThan(37.68 + 200 / 111_000)
  })

  it('treats an area with no neighborhoods as one gap the size of the area', () => {
    const p = cleanPlan()
    p.areas.push(area('E', rect(2000, 0, 2500, 1000)))
    p.officers.push(officer('lt-E', 'E', null))
    const gaps = only(validatePlan(p), 'gap')
    expect(gaps).toHaveLength(1)
    expect(gaps[0].areaIds).toEqual(['E'])
    expect(gaps[0].areaM2 / 500_000).toBeCloseTo(1, 1)
  })

  it('calls a 2 m wide gap a sliver warning but a 30 m wide gap an error', () => {
    const thin = cleanPlan()
    thin.neighborhoods[1] = hood('Vasco', 'N', rect(0, 502, 1000, 1000))
    const g1 = only(validatePlan(thin), 'gap')
    expect(g1).toHaveLength(1)
    expect(g1[0]).toMatchObject({ sliver: true, severity: 'warning' })
    expect(g1[0].widthM).toBeGreaterThan(1.8)
    expect(g1[0].widthM).toBeLessThan(2.2)
    const wide = cleanPlan()
    wide.neighborhoods[1] = hood('Vasco', 'N', rect(0, 530, 1000, 1000))
    const g2 = only(validatePlan(wide), 'gap')
    expect(g2).toHaveLength(1)
    expect(g2[0]).toMatchObject({ sliver: false, severity: 'error' })
    expect(g2[0].widthM).toBeGreaterThan(29)
    expect(summarize(validatePlan(wide)).blocking).toBe(true)
  })

  it('tells a long slanted gap just under 5 m wide (sliver) from one just over (error)', () => {
    // Springtown's top edge slants from (0, 500 - w0) to (1000, 500 - w1): a ~1 km wedge-free strip under Vasco.
    const strip = (w: number) => {
      const p = cleanPlan()
      const d = (w * Math.hypot(1000, 40)) / 1000 // vertical gap that gives width w across a 1-in-25 slope
      p.neighborhoods[0] = hood('Springtown', 'N', polygon([[0, 0], [1000, 0], [1000, 480 - d], [0, 520 - d]]))
      p.neighborhoods[1] = hood('Vasco', 'N', polygon([[0, 520], [1000, 480], [1000, 1000], [0, 1000]]))
      return only(validatePlan(p), 'gap')
    }
    const under = strip(4.9), over = strip(5.1)
    expect(under).toHaveLength(1)
    expect(over).toHaveLength(1)
    expect(under[0]).toMatchObject({ sliver: true, severity: 'warning' })
    expect(over[0]).toMatchObject({ sliver: false, severity: 'error' })
    expect(over[0].widthM).toBeGreaterThanOrEqual(5)
    expect(under[0].widthM).toBeLessThan(5)
  })

  it('reports the part of a neighborhood outside its Area Command', () => {
    const p = cleanPlan()
    p.neighborhoods[0] = hood('Springtown', 'N', rect(0, 0, 1050, 500))
    p.neighborhoods[2] = hood('Downtown', 'S', rect(1050, 0, 2000, 500))
    const out = only(validatePlan(p), 'outside-area')
    expect(out).toHaveLength(1)
    expect(out[0].neighborhoodIds).toEqual(['Springtown'])
    expect(out[0].areaM2 / 25_000).toBeCloseTo(1, 1)
    expect(out[0].message).toMatch(/Springtown has 2\d,\d\d\d m² outside its Area Command Area N/)
  })

  it('treats a neighborhood naming a missing area as wholly outside', () => {
    const p = cleanPlan()
    p.neighborhoods[0] = { ...p.neighborhoods[0], areaId: 'nowhere' }
    const out = only(validatePlan(p), 'outside-area')
    expect(out).toHaveLength(1)
    expect(out[0].areaM2 / 500_000).toBeCloseTo(1, 1)
  })

  it('reports invalid neighborhoods with reason and location', () => {
    const p = cleanPlan()
    p.neighborhoods[0] = { ...p.neighborhoods[0], geometry: { type: 'Polygon', coordinates: [[[-121.76, 37.68], [-121.75, 37.685], [-121.75, 37.68], [-121.76, 37.685], [-121.76, 37.68]]] } }
    const inv = only(validatePlan(p), 'invalid-geometry')
    expect(inv).toHaveLength(1)
    expect(inv[0].neighborhoodIds).toEqual(['Springtown'])
    expect(inv[0].reason).toMatch(/intersects itself/)
    expect(inv[0].location).not.toBeNull()
  })

  it('reports gaps and overlaps between Area Commands and against the city limit', () => {
    const p = cleanPlan()
    p.areas[1] = area('S', rect(1000, 0, 1900, 1000))
    p.neighborhoods[2] = hood('Downtown', 'S', rect(1000, 0, 1900, 500))
    p.neighborhoods[3] = hood('Sunset', 'S', rect(1000, 500, 1900, 1000))
    const fs = validatePlan(p)
    const ag = only(fs, 'area-gap')
    expect(ag).toHaveLength(1)
    expect(ag[0].areaM2 / 100_000).toBeCloseTo(1, 1)
    expect(ag[0].message).toMatch(/city limit/)
    p.areas[1] = area('S', rect(950, 0, 2100, 1000))
    const ao = only(validatePlan(p), 'area-overlap')
    expect(ao.map((f) => f.areaIds)).toEqual(expect.arrayContaining([['N', 'S'], ['S']]))
    expect(ao.find((f) => f.areaIds.length === 1)!.message).toMatch(/beyond the city limit/)
  })

  it('finds a hole between Area Commands when there is no city limit', () => {
    const p: PlanState = { ...cleanPlan(), city: null }
    p.areas[0] = area('N', rect(0, 0, 1000, 1000, [[100, 100, 300, 300]]))
    p.neighborhoods[0] = hood('Springtown', 'N', rect(0, 0, 1000, 500, [[100, 100, 300, 300]]))
    const ag = only(validatePlan(p), 'area-gap')
    expect(ag).toHaveLength(1)
    expect(ag[0].areaM2 / 40_000).toBeCloseTo(1, 1)
  })

  it('applies the officer rules: unassigned, outside own area, same person twice, no commander', () => {
    const p = cleanPlan()
    p.officers = p.officers.filter((o) => o.id !== 'o-Vasco')
    p.officers.push(officer('o-x1', 'S', 'Springtown', 'E-77'), officer('o-x2', 'S', 'Downtown', 'E-77'))
    p.officers.push(officer('o-vac', 'N', 'Vasco', 'E-99', 'vacant'))
    p.areas[1] = { ...p.areas[1], commanderId: 'ghost' }
    const fs = validatePlan(p)
    expect(only(fs, 'unassigned-neighborhood').map((f) => f.neighborhoodIds)).toEqual([['Vasco']])
    expect(only(fs, 'unassigned-neighborhood')[0].severity).toBe('warning')
    expect(only(validatePlan(p, { sliverWidthM: 5, sliverAreaM2: 100, unassignedIsError: true }), 'unassigned-neighborhood')[0].severity).toBe('error')
    const outside = only(fs, 'officer-outside-area')
    expect(outside.map((f) => f.officerIds)).toEqual([['o-x1']])
    const multi = only(fs, 'officer-multiple')
    expect(multi).toHaveLength(1)
    expect(multi[0].officerIds).toEqual(['o-x1', 'o-x2'])
    expect(multi[0].neighborhoodIds).toEqual(['Downtown', 'Springtown'])
    const nc = only(fs, 'no-commander')
    expect(nc.map((f) => f.areaIds)).toEqual([['S']])
    expect(nc[0].message).toMatch(/not on the roster/)
    p.areas[0] = { ...p.areas[0], commanderId: null }
    expect(only(validatePlan(p), 'no-commander')).toHaveLength(2)
  })

  it('sorts errors before warnings, then by kind and id', () => {
    const p = cleanPlan()
    p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 530, 1000, 1000))
    p.areas[0] = { ...p.areas[0], commanderId: null }
    const fs = validatePlan(p)
    expect(kinds(fs)).toEqual(['gap', 'no-commander'])
  })

  it('gives the same ids on two runs and on reordered input', () => {
    const make = () => {
      const p = cleanPlan()
      p.neighborhoods.push(hood('Inner', 'N', rect(100, 100, 200, 200)))
      p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 530, 1000, 1000))
      p.areas[0] = { ...p.areas[0], commanderId: null }
      return p
    }
    const a = validatePlan(make())
    const b = validatePlan(make())
    const r = make()
    r.neighborhoods.reverse()
    r.areas.reverse()
    r.officers.reverse()
    const c = validatePlan(r)
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id))
    expect(c.map((f) => f.id)).toEqual(a.map((f) => f.id))
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length)
  })
})
