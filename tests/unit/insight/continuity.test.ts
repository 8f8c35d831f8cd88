import { describe, expect, it } from 'vitest'
import type { PlanState } from '../../../src/shared/domain'
import { affectedPoints, affectedToCsv } from '../../../src/shared/insight/affected'
import { comparePlans } from '../../../src/shared/insight/compare-plans'
import { measureContinuity } from '../../../src/shared/insight/continuity'
import { createGridLocator } from '../../../src/shared/insight/grid-locate'
import { changedBoxes, idsOf, locatePoints, pointTree, relocatePoints } from '../../../src/shared/insight/located-points'
import { createPointIndex } from '../../../src/shared/staffing/workload'
import { mulberry32 } from '../../../scripts/lib/mulberry32'
import { area, neighborhood, officer, plan, rect } from '../staffing/fixtures'

const poly = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [rect(x0, y0, x1, y1)] })

/**
 * Area A = x 0..2 (A1 0..1, A2 1..2), area B = x 2..4 (B1 2..3, B2 3..4), all y 0..2.
 * Before: o1, o2 adopt A1; o3 adopts A2; o4 adopts B1; B2 has only a vacant post.
 */
function before(): PlanState {
  return plan(
    [area('A', 'Alpha', poly(0, 0, 2, 2)), area('B', 'Bravo', poly(2, 0, 4, 2))],
    [neighborhood('A1', 'A', 'Ash', poly(0, 0, 1, 2)), neighborhood('A2', 'A', 'Aspen', poly(1, 0, 2, 2)), neighborhood('B1', 'B', 'Birch', poly(2, 0, 3, 2)), neighborhood('B2', 'B', 'Beech', poly(3, 0, 4, 2))],
    [officer('o1', 'A', 'A1'), officer('o2', 'A', 'A1'), officer('o3', 'A', 'A2'), officer('o4', 'B', 'B1'), officer('v1', 'B', 'B2', { status: 'vacant', displayName: 'Vacant post' })],
  )
}

/** After: A1 split (its east half becomes A3, which o2 adopts); o3 moves to area B and adopts B2. */
function after(): PlanState {
  return plan(
    before().areas,
    [neighborhood('A1', 'A', 'Ash', poly(0, 0, 0.5, 2)), neighborhood('A3', 'A', 'Alder', poly(0.5, 0, 1, 2)), neighborhood('A2', 'A', 'Aspen', poly(1, 0, 2, 2)), neighborhood('B1', 'B', 'Birch', poly(2, 0, 3, 2)), neighborhood('B2', 'B', 'Beech', poly(3, 0, 4, 2))],
    [officer('o1', 'A', 'A1'), officer('o2', 'A', 'A3'), officer('o3', 'B', 'B2'), officer('o4', 'B', 'B1'), officer('v1', 'B', null, { status: 'vacant', displayName: 'Vacant post' })],
  )
}

// p1 stays in A1, p2 goes from A1 to A3, p3 stays in A2, p4 in B1, p5 in B2, p6 outside the city.
const ADDR = {
  address: ['1 Ash St', '2 Alder St', '3 Aspen St', '4 Birch St', '5 Beech St', '6 Far Rd'],
  lon: [0.25, 0.75, 1.5, 2.5, 3.5, 10],
  lat: [1, 1, 1, 1, 1, 10],
}
// Calls at p1 (1 unit-hour), p3 (2) and p4 (1).
const CALLS = { lon: [0.25, 1.5, 2.5], lat: [1, 1, 1], weight: [1, 2, 1] }

describe('continuity between two plans, on a plan worked out by hand', () => {
  const r = comparePlans(before(), after(), { addresses: ADDR, calls: CALLS })

  it('neighborhoods: a split neighborhood keeps half its officers, the one whose officer moved area keeps none, a vacant post is left out', () => {
    // A1 keeps o1 of {o1, o2}: 1/2; A2 loses o3: 0; B1 keeps o4: 1; B2 had only a vacant post: not counted.
    expect(r.continuity.neighborhoods).toBeCloseTo((0.5 + 0 + 1) / 3, 12)
    expect(r.continuity.byArea.A).toEqual({ name: 'Alpha', neighborhoods: 0.25, workload: expect.any(Number), residents: expect.any(Number) })
    expect(r.continuity.byArea.B.neighborhoods).toBe(1)
  })

  it('residents and workload go by ground: the split-off half keeps only the officer who followed it', () => {
    // p1 {o1,o2}->{o1} 1/2, p2 {o1,o2}->{o2} 1/2, p3 {o3}->{} 0, p4 1; p5 had no officer; p6 is outside.
    expect(r.continuity.residents).toBeCloseTo(2 / 4, 12)
    expect(r.continuity.byArea.A.residents).toBeCloseTo(1 / 3, 12)
    expect(r.continuity.byArea.B.residents).toBe(1)
    // (1 x 1/2 + 2 x 0 + 1 x 1) / 4
    expect(r.continuity.workload).toBeCloseTo(1.5 / 4, 12)
    expect(r.continuity.byArea.A.workload).toBeCloseTo(0.5 / 3, 12)
  })

  it('lists exactly the addresses whose neighborhood or officers change, with old and new', () => {
    expect(r.affected.toArray().map((p) => p.address)).toEqual(['1 Ash St', '2 Alder St', '3 Aspen St', '5 Beech St'])
    expect(r.affected.at(1)).toEqual({
      address: '2 Alder St', lon: 0.75, lat: 1,
      from: { neighborhood: 'A1', area: 'A', officers: ['Officer Officer o1', 'Officer Officer o2'] },
      to: { neighborhood: 'A3', area: 'A', officers: ['Officer Officer o2'] },
    })
    // The vacant post is nobody: B2 gains its first officer.
    expect(r.affected.at(3)!.from.officers).toEqual([])
    expect(r.affected.at(3)!.to.officers).toEqual(['Officer Officer o3'])
  })

  it('an address moving to another Area Command is affected even when its officer follows', () => {
    const p = after()
    p.neighborhoods = p.neighborhoods.map((n) => (n.id === 'B1' ? { ...n, areaId: 'A' } : n))
    p.officers = p.officers.map((o) => (o.id === 'o4' ? { ...o, areaId: 'A' } : o))
    const x = comparePlans(before(), p, { addresses: ADDR })
    expect(x.affected.toArray().find((a) => a.address === '4 Birch St')).toMatchObject({ from: { area: 'B', neighborhood: 'B1' }, to: { area: 'A', neighborhood: 'B1' } })
    expect(x.continuity.byArea.B.residents).toBe(1)
  })

  it('without calls or addresses those shares are null; with no officer to lose every share is 1', () => {
    const x = comparePlans(before(), after())
    expect(x.continuity.workload).toBeNull()
    expect(x.continuity.residents).toBeNull()
    expect(x.affected.toArray()).toEqual([])
    const empty = { ...before(), officers: [] }
    expect(comparePlans(empty, empty, { addresses: ADDR }).continuity).toMatchObject({ neighborhoods: 1, residents: 1 })
    const same = comparePlans(before(), before(), { addresses: ADDR, calls: CALLS })
    expect(same.continuity).toMatchObject({ neighborhoods: 1, residents: 1, workload: 1 })
    expect(same.affected.length).toBe(0)
  })

  it('writes the affected list as CSV with names beside ids, and defuses a formula in an address', () => {
    const csv = affectedToCsv([{ ...r.affected.at(1)!, address: '=HYPERLINK("x")' }], { from: before(), to: after() })
    expect(csv.split('\r\n')).toEqual([
      'address,lon,lat,change,from_area,from_neighborhood,from_neighborhood_name,from_officers,to_area,to_neighborhood,to_neighborhood_name,to_officers',
      `"'=HYPERLINK(""x"")",0.75,1,neighborhood officers,A,A1,Ash,Officer Officer o1; Officer Officer o2,A,A3,Alder,Officer Officer o2`,
      '',
    ])
  })

  it('writes the list from its columns: JSON.stringify gives its entries, and the CSV is the one its entries give one by one', () => {
    // B2 dropped: the Beech St address is left in area B with no neighborhood (a null side).
    const p = after()
    p.neighborhoods = p.neighborhoods.filter((n) => n.id !== 'B2')
    const addr = { ...ADDR, address: ['"1" Ash\\St \u00dcn\u00efcode', '2 Alder St, Unit "B"', '=3 Aspen', '4 Birch St', '5 Beech St\u2028', '6 Far Rd'] }
    for (const [a, b] of [[before(), after()], [before(), p], [before(), before()]]) {
      const x = comparePlans(a, b, { addresses: addr, calls: CALLS })
      expect(JSON.stringify({ affected: x.affected }, null, 2)).toBe(JSON.stringify({ affected: Array.from({ length: x.affected.length }, (_, k) => x.affected.at(k)) }, null, 2))
      // Entries with sides of their own (nothing shared) are written the same.
      const copies = x.affected.toArray().map((e) => structuredClone(e))
      expect(affectedToCsv(x.affected, { from: a, to: b })).toBe(affectedToCsv(copies, { from: a, to: b }))
      expect(affectedToCsv(x.affected, { from: a, to: b }).split('\r\n').length).toBe(x.affected.length + 2)
    }
    expect(comparePlans(before(), p, { addresses: addr }).affected.at(-1)).toMatchObject({ address: '5 Beech St\u2028', to: { neighborhood: null, area: 'B', officers: [] } })
  })

  it('after an edit, re-locating only the points near the changed neighborhoods gives what locating all of them gives', () => {
    const grid = { lon: [] as number[], lat: [] as number[] }
    for (let x = 0.05; x < 4; x += 0.1) {
      for (let y = 0.05; y < 2; y += 0.1) {
        grid.lon.push(x)
        grid.lat.push(y)
      }
    }
    const b = before()
    // As an edit leaves them: rows it did not touch are the same objects.
    const a = { ...after(), neighborhoods: after().neighborhoods.map((n) => (['A2', 'B1', 'B2'].includes(n.id) ? b.neighborhoods.find((o) => o.id === n.id)! : n)) }
    const boxes = changedBoxes(b.neighborhoods, a.neighborhoods)
    expect(boxes.length).toBe(3) // A1 old and new, A3 new
    const inc = relocatePoints(locatePoints(b, grid), a, grid, pointTree(grid), boxes)
    expect(idsOf(inc)).toEqual(idsOf(locatePoints(a, grid)))
    expect(idsOf(inc).nb.filter((n) => n === 'A3').length).toBe(5 * 20)
    // The window measures with the re-located answers (A3 added to their id list): the same figures and list.
    const fresh = { from: locatePoints(b, grid), to: locatePoints(a, grid) }
    const pts = { ...grid, address: grid.lon.map((_, i) => `${i} Grid St`) }
    expect(measureContinuity(b, a, { addresses: { from: fresh.from, to: inc } })).toEqual(measureContinuity(b, a, { addresses: fresh }))
    expect(affectedPoints(b, a, pts, { from: fresh.from, to: inc })).toEqual(affectedPoints(b, a, pts, fresh))
  })

  it('the raster locator for many points answers exactly as the plan point-in-polygon, on edges and corners too', () => {
    const rand = mulberry32(7)
    const pts = { lon: [] as number[], lat: [] as number[] }
    for (let i = 0; i < 20_000; i++) {
      // Half anywhere (some outside the city), half on a grid line the boundaries use (x or y a multiple of 0.5).
      const onLine = i % 2 === 1
      pts.lon.push(onLine && i % 4 === 1 ? Math.round(rand() * 8) / 2 : -0.5 + rand() * 5)
      pts.lat.push(onLine && i % 4 === 3 ? Math.round(rand() * 4) / 2 : -0.5 + rand() * 3)
    }
    for (const p of [before(), after()]) {
      const exact = idsOf(locatePoints(p, pts, createPointIndex(p)))
      expect(idsOf(locatePoints(p, pts, createGridLocator(p, 5_000)))).toEqual(exact)
      expect(new Set(exact.nb).size).toBeGreaterThan(4)
    }
  })
})
