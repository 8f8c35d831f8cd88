import { describe, expect, it } from 'vitest'
import type { AreaGeometry, Finding, PlanState } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'
import { createValidator, geometryProblems, validatePlan } from '../../../src/shared/geo/validate'
import { makeValid } from '../../../src/shared/geo/make-valid'
import { area, cleanPlan, DEG_PER_M_LAT, DEG_PER_M_LON, hood, LAT0, LON0, rect } from './fixtures'

/** A ring given in metres from the origin, as lon/lat positions, exactly as listed (no closing added). */
const ring = (pts: [number, number][]) => pts.map(([x, y]) => [quantize(LON0 + x * DEG_PER_M_LON), quantize(LAT0 + y * DEG_PER_M_LAT)])
const poly = (...rings: [number, number][][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings.map(ring) })

/** The corners of a one-ring polygon where its boundary turns, sorted. */
function corners(g: AreaGeometry): string[] {
  const r = (g.coordinates as number[][][])[0].slice(0, -1)
  const turn = (a: number[], b: number[], c: number[]) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
  return r.filter((p, i) => turn(r[(i + r.length - 1) % r.length], p, r[(i + 1) % r.length]) !== 0).map((p) => p.join(',')).sort()
}
const of = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind)
/** Hand-made shapes are laid out with round metre constants; the validator measures on the WGS84 ellipsoid. */
const near = (m2: number, expected: number) => expect(Math.abs(m2 / expected - 1)).toBeLessThan(0.01)

describe('invalid shapes still take part in every geometric check (GEOS MakeValid "structure" semantics)', () => {
  it('a precinct whose ring touches itself at one vertex: a neighborhood reaching 10 m past it is reported, and the pocket the ring closes off is not the precinct', () => {
    const p = cleanPlan()
    // Area N's ring runs down into a triangular pocket and back up to the same vertex on its north edge (ArcGIS's "inverted hole").
    p.areas[0] = area('N', poly([[0, 0], [1000, 0], [1000, 1000], [500, 1000], [600, 800], [400, 800], [500, 1000], [0, 1000], [0, 0]]))
    p.neighborhoods[0] = hood('Springtown', 'N', rect(-10, 0, 1000, 500))
    const fs = validatePlan(p)
    expect(of(fs, 'invalid-geometry').map((f) => [f.areaIds, f.reason])).toEqual([[['N'], 'ring touches itself at a vertex']])
    const out = of(fs, 'outside-area')
    const spring = out.find((f) => f.neighborhoodIds[0] === 'Springtown')!
    near(spring.areaM2, 10 * 500)
    expect(spring.message).toMatch(/outside its Area Command Area N \(touches the invalid boundary of Area Command Area N, checked in its repaired form\)/)
    // Vasco still covers the pocket, which is not Area N's ground: 200 m wide, 200 m deep.
    near(out.find((f) => f.neighborhoodIds[0] === 'Vasco')!.areaM2, (200 * 200) / 2)
    // The pocket is city ground in no Area Command, next to the invalid ring; N and S still do not overlap.
    const [pocket] = of(fs, 'area-gap')
    near(pocket.areaM2, (200 * 200) / 2)
    expect(pocket.message).toMatch(/touches the invalid boundary of Area Command Area N/)
    expect(of(fs, 'area-overlap')).toEqual([])
  })

  it('a bow-tie neighborhood overlapping its neighbor: both lobes count', () => {
    const p = cleanPlan()
    // Springtown crosses itself in the middle: two triangles meeting at (500, 250).
    p.neighborhoods[0] = hood('Springtown', 'N', poly([[0, 0], [1000, 500], [1000, 0], [0, 500], [0, 0]]))
    p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 400, 1000, 1000))
    const fs = validatePlan(p)
    expect(of(fs, 'invalid-geometry')[0].reason).toBe('ring intersects itself')
    const [ov] = of(fs, 'overlap')
    expect(ov.neighborhoodIds).toEqual(['Springtown', 'Vasco'])
    // Each lobe reaches 100 m past y = 400 over 200 m: 10,000 m² each.
    near(ov.areaM2, 2 * 10_000)
    expect(ov.message).toMatch(/touches the invalid boundary of Neighborhood Springtown/)
    // The ground between the lobes that Vasco does not cover is a gap next to Springtown.
    const gaps = of(fs, 'gap')
    near(gaps.reduce((s, f) => s + f.areaM2, 0), 1000 * 400 - (2 * (500 * 500) / 2 - 2 * 10_000))
    expect(gaps.every((f) => /repaired form/.test(f.message))).toBe(true)
  })

  it('a neighborhood with a duplicated closing point and a zero-area spike: reported invalid, and the spike holds no ground', () => {
    const p = cleanPlan()
    // The spike runs 300 m east into Area S's Downtown and straight back.
    p.neighborhoods[0] = hood('Springtown', 'N', poly([[0, 0], [1000, 0], [1000, 250], [1300, 250], [1000, 250], [1000, 500], [0, 500], [0, 0], [0, 0]]))
    const fs = validatePlan(p)
    // The spike returns through the vertex it left from: that is where the check sees it.
    expect(of(fs, 'invalid-geometry').map((f) => f.reason)).toEqual(['ring touches itself at a vertex'])
    expect(fs.filter((f) => f.kind !== 'invalid-geometry')).toEqual([])
  })

  it('an Area Command whose ring is not closed is checked closed: a neighborhood reaching 10 m past it is reported', () => {
    const p = cleanPlan()
    p.areas[1] = area('S', poly([[1000, 0], [2000, 0], [2000, 1000], [1000, 1000]]))
    p.neighborhoods[2] = hood('Downtown', 'S', rect(1000, 0, 2010, 500))
    const fs = validatePlan(p)
    expect(of(fs, 'invalid-geometry').map((f) => [f.areaIds, f.reason])).toEqual([[['S'], 'outer ring of polygon 1 is not closed (first and last positions differ)']])
    const [out] = of(fs, 'outside-area')
    expect(out.neighborhoodIds).toEqual(['Downtown'])
    near(out.areaM2, 10 * 500)
    // The closed ring covers its ground: no gap in the city limit, no overlap with Area N.
    expect(of(fs, 'area-gap')).toEqual([])
    expect(of(fs, 'gap')).toEqual([])
  })

  it('the live validator follows an edit that makes a shape invalid and the one that mends it, as a fresh check does', () => {
    const p: PlanState = cleanPlan()
    const v = createValidator(p)
    const good = p.neighborhoods[0]
    const bowtie = hood('Springtown', 'N', poly([[0, 0], [1000, 500], [1000, 0], [0, 500], [0, 0]]))
    const broken = v.apply([{ entity: 'neighborhood', id: good.id, before: good, after: bowtie }])
    expect(of(broken, 'gap').length).toBeGreaterThan(0)
    expect(broken).toEqual(validatePlan({ ...p, neighborhoods: [bowtie, ...p.neighborhoods.slice(1)] }))
    expect(v.apply([{ entity: 'neighborhood', id: good.id, before: bowtie, after: good }])).toEqual([])
  })
})

describe('makeValid: the repaired form stored by the "replace with repaired form" repair', () => {
  it('bow-tie: its two lobes as a valid MultiPolygon', () => {
    const g = makeValid(poly([[0, 0], [1000, 500], [1000, 0], [0, 500], [0, 0]]))!
    expect(g.type).toBe('MultiPolygon')
    expect(g.coordinates).toHaveLength(2)
    expect(geometryProblems(g)).toEqual([])
  })

  it('ring touching itself at a vertex: a shell and a hole touching it at that vertex (valid for OGC)', () => {
    const g = makeValid(poly([[0, 0], [1000, 0], [1000, 1000], [500, 1000], [600, 800], [400, 800], [500, 1000], [0, 1000], [0, 0]]))!
    expect(g.type).toBe('Polygon')
    expect(g.coordinates).toHaveLength(2)
    expect(geometryProblems(g)).toEqual([])
  })

  it('a spike and repeated positions go; an open ring is closed; a ring of two positions leaves nothing', () => {
    const box = rect(0, 0, 1000, 500)
    const spiked = makeValid(poly([[0, 0], [1000, 0], [1000, 250], [1300, 250], [1000, 250], [1000, 500], [0, 500], [0, 0], [0, 0]]))!
    expect(spiked.type).toBe('Polygon')
    expect(geometryProblems(spiked)).toEqual([])
    // The same ground as the rectangle: the spike's corner at (1000, 250) stays as a point on the east edge.
    expect(corners(spiked)).toEqual(corners(box))
    expect(makeValid(poly([[0, 0], [1000, 0], [1000, 500], [0, 500]]))).toEqual(box)
    expect(makeValid(poly([[0, 0], [1000, 0], [0, 0]]))).toBeNull()
  })
})
