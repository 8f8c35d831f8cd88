import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Officer } from '../../../src/shared/domain'
import { computeBalance, continuity, countActiveOfficers, staffingBands, suggestMoves } from '../../../src/shared/staffing/balance'
import { area, neighborhood, officer, plan, rect } from './fixtures'

const sq = { type: 'Polygon' as const, coordinates: [rect(0, 0, 1, 1)] }

/**
 * Three areas of 10 active officers each (the Lieutenant included), workload 50/30/20.
 * Targets: 30 x 0.5 = 15, 30 x 0.3 = 9, 30 x 0.2 = 6.
 * Bands at ±10 %: A [13.5, 16.5] -> 14..16, B [8.1, 9.9] -> 9..9, C [5.4, 6.6] -> 6..6.
 * Excess: B 1 + C 4 = 5; shortfall: A 4. A transfer fixes at most one of each, so 5 is the minimum.
 */
function threeAreas(): ReturnType<typeof plan> {
  const officers: Officer[] = []
  for (const a of ['A', 'B', 'C']) officers.push(officer(`lt-${a}`, a, null, { rank: 'Lieutenant' }))
  // A: 9 adopters of one neighborhood.
  for (let i = 1; i <= 9; i++) officers.push(officer(`a-0${i}`, 'A', 'nb-a'))
  // B: one officer without a neighborhood, the rest adopt.
  for (let i = 1; i <= 8; i++) officers.push(officer(`b-0${i}`, 'B', 'nb-b'))
  officers.push(officer('b-09', 'B', null))
  // C: two without a neighborhood, 3 adopt north, 2 south, 1 east, 1 west; plus two not counted.
  officers.push(officer('c-01', 'C', 'nb-c-north'), officer('c-02', 'C', null), officer('c-03', 'C', 'nb-c-south'))
  officers.push(officer('c-04', 'C', 'nb-c-north'), officer('c-05', 'C', 'nb-c-north'), officer('c-06', 'C', 'nb-c-south'))
  officers.push(officer('c-07', 'C', 'nb-c-east'), officer('c-08', 'C', null), officer('c-09', 'C', 'nb-c-west'))
  officers.push(officer('c-leave', 'C', null, { status: 'leave' }), officer('c-vacant', 'C', null, { status: 'vacant' }))
  return plan(
    ['A', 'B', 'C'].map((a) => area(a, `Area ${a}`, sq, `lt-${a}`)),
    ['nb-a', 'nb-b', 'nb-c-north', 'nb-c-south', 'nb-c-east', 'nb-c-west'].map((n) => neighborhood(n, n.startsWith('nb-c') ? 'C' : n === 'nb-a' ? 'A' : 'B', n, sq)),
    officers,
  )
}
const WORKLOAD = { A: 50, B: 30, C: 20 }

describe('staffing balance', () => {
  it('computes shares, deviations, CV and staffing gaps for 30 officers over 50/30/20 workload', () => {
    const p = threeAreas()
    const counts = countActiveOfficers(p)
    expect(counts).toEqual({ A: 10, B: 10, C: 10 }) // leave and vacant are not counted
    const b = computeBalance(['A', 'B', 'C'].map((id) => ({ areaId: id, officers: counts[id], workload: WORKLOAD[id as 'A'] })))
    expect(b.idealWorkload).toBeCloseTo(100 / 3, 12)
    expect(b.areas.map((a) => a.workloadShare)).toEqual([0.5, 0.3, 0.2])
    expect(b.areas.map((a) => a.officerShare)).toEqual([1 / 3, 1 / 3, 1 / 3])
    // d = (W - 33.33) / 33.33
    expect(b.areas[0].deviation).toBeCloseTo(0.5, 12)
    expect(b.areas[1].deviation).toBeCloseTo(-0.1, 12)
    expect(b.areas[2].deviation).toBeCloseTo(-0.4, 12)
    expect(b.maxAbsDeviation).toBeCloseTo(0.5, 12)
    // Population variance: (16.67² + 3.33² + 13.33²) / 3 = 155.56; sd 12.472; / 33.33 = 0.37417
    expect(b.cv).toBeCloseTo(Math.sqrt(1400 / 9) / (100 / 3), 12)
    expect(b.cv).toBeCloseTo(0.37417, 4)
    // Gap = officers - 30 x share: 10 - 15, 10 - 9, 10 - 6
    expect(b.areas.map((a) => a.staffingGap)).toEqual([-5, 1, 4])
    // Officers per unit of workload 0.2, 0.3333, 0.5 -> CV 0.3563
    expect(b.officersPerWorkloadCv).toBeCloseTo(0.3563, 4)
  })

  it('treats a city without any workload as evenly shared', () => {
    const b = computeBalance([
      { areaId: 'A', officers: 3, workload: 0 },
      { areaId: 'B', officers: 1, workload: 0 },
    ])
    expect(b.areas.map((a) => [a.workloadShare, a.deviation, a.staffingGap])).toEqual([
      [0.5, 0, 1],
      [0.5, 0, -1],
    ])
    expect(b.cv).toBe(0)
  })
})

describe('suggested transfers', () => {
  it('suggests the five transfers worked out by hand, officers without a neighborhood first, then the largest adopter group', () => {
    const p = threeAreas()
    expect(staffingBands(['A', 'B', 'C'], WORKLOAD, 30, 0.1).map((b) => [b.lo, b.hi])).toEqual([
      [14, 16],
      [9, 9],
      [6, 6],
    ])
    const moves = suggestMoves(p, WORKLOAD)
    expect(moves.map((m) => [m.officerId, m.fromAreaId, m.toAreaId])).toEqual([
      ['c-02', 'C', 'A'], // no neighborhood
      ['c-08', 'C', 'A'], // no neighborhood
      ['c-01', 'C', 'A'], // north has 3 adopters
      // Now B and C are both 1 above target (10 vs 9, 7 vs 6): the tie goes to the lower area id.
      ['b-09', 'B', 'A'], // b-09 adopts nothing
      ['c-04', 'C', 'A'], // north and south have 2 adopters each: nb-c-north sorts first
    ])
    expect(moves[0].reason).toMatch(/Area C has 10 active officers .*6\.0.*Area A has 10 for 15\.0/)
    expect(moves.some((m) => m.officerId.startsWith('lt-'))).toBe(false)
  })

  it('suggests nothing when every area is already within its band', () => {
    const p = threeAreas()
    expect(suggestMoves(p, { A: 1, B: 1, C: 1 })).toEqual([])
    expect(suggestMoves(p, { A: 0, B: 0, C: 0 })).toEqual([])
  })

  it('never moves a Lieutenant or an area commander, even when that leaves an area over its band', () => {
    const officers = [
      officer('lt', 'A', null, { rank: 'Lieutenant' }),
      officer('cmd', 'A', null, { rank: 'Sergeant' }),
      officer('lt2', 'A', null, { rank: 'Lt.' }),
      officer('b1', 'B', null),
    ]
    const p = plan([area('A', 'A', sq, 'cmd'), area('B', 'B', sq)], [], officers)
    expect(suggestMoves(p, { A: 1, B: 3 })).toEqual([])
  })

  it('always reaches the bands with max(excess, shortfall) transfers, the fewest possible', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 0, max: 100 }) }), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(0, 0.05, 0.1, 0.25),
        (spec, tol) => {
          const ids = spec.map((_, i) => `area-${i}`)
          const workload = Object.fromEntries(ids.map((id, i) => [id, spec[i].w]))
          const officers = spec.flatMap((s, i) => Array.from({ length: s.n }, (_, k) => officer(`o-${i}-${k}`, ids[i], null)))
          const p = plan(ids.map((id) => area(id, id, sq)), [], officers)
          const bands = staffingBands(ids, workload, officers.length, tol)
          const moves = suggestMoves(p, workload, { tolerance: tol })
          if (bands.length === 0) return moves.length === 0
          const before = spec.map((s) => s.n)
          const excess = bands.reduce((s, b, i) => s + Math.max(0, before[i] - b.hi), 0)
          const shortfall = bands.reduce((s, b, i) => s + Math.max(0, b.lo - before[i]), 0)
          const after = [...before]
          for (const m of moves) {
            after[ids.indexOf(m.fromAreaId)]--
            after[ids.indexOf(m.toAreaId)]++
          }
          expect(moves).toHaveLength(Math.max(excess, shortfall))
          bands.forEach((b, i) => {
            expect(after[i]).toBeGreaterThanOrEqual(b.lo)
            expect(after[i]).toBeLessThanOrEqual(b.hi)
          })
          expect(new Set(moves.map((m) => m.officerId)).size).toBe(moves.length)
        },
      ),
      { numRuns: 300, seed: 7 },
    )
  })
})

describe('continuity between plans', () => {
  it('counts officers present in both plans who keep their neighborhood', () => {
    const before = plan([], [], [officer('1', 'A', 'n1'), officer('2', 'A', 'n2'), officer('3', 'A', 'n3'), officer('4', 'A', null), officer('gone', 'A', 'n1')])
    const after = plan([], [], [officer('1', 'A', 'n1'), officer('2', 'A', 'n9'), officer('3', 'B', 'n3'), officer('4', 'A', 'n1'), officer('new', 'A', 'n2')])
    // Counted: 1, 2, 3 (4 had no neighborhood, "gone" left, "new" arrived). Kept: 1 and 3.
    expect(continuity(before, after)).toEqual({ officersKeepingNeighborhood: 2, share: 2 / 3 })
    expect(continuity(before, before).share).toBe(1)
  })
})
