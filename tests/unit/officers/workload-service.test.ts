import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { createServices } from '../../../src/main/services'
import { SAMPLE_DIR } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { handMadeCity, officer, pointIn, rect, STEP, X0, Y0 } from './fixtures'

/*
 * Officers: West has 6 active (w1..w3 adopt W1, w4 adopts W2, w5 and w6 adopt nothing),
 * Middle 2 (m1 adopts M1, m2 none), East 2 (e1 adopts E1, e2 adopts E2). Total 10.
 * Calls (file below, default handling time 30 min):
 *   West:   4 calls, no minutes, 1 unit          -> 4 x 0.5 h x 1 = 2 unit-hours
 *   Middle: 2 calls, 60 min, 2 units             -> 2 x 1 h x 2   = 4
 *   East:   1 call 120 min 1 unit + 2 calls 30 min 2 units -> 2 + 2 = 4
 *   2 calls far outside the city, 1 row with a bad latitude.
 * ΣW = 10; shares 0.2 / 0.4 / 0.4; officer targets 2 / 4 / 4.
 * Staffing gap = officers − 10·share: West 6 − 2 = +4, Middle 2 − 4 = −2, East −2.
 * W* = 10/3; d = (2 − 3.33)/3.33 = −0.4, (4 − 3.33)/3.33 = +0.2: largest |d| = 0.4.
 * CV = sd(2, 4, 4) / mean = 0.9428 / 3.3333 = 0.2828.
 * With ±10 %, bands are exactly 2 / 4 / 4, so West must give 4 officers (the fewest possible):
 * first the two without a neighborhood (w5, w6), then adopters of W1, the neighborhood with most
 * adopters (w1, then w2), going to the area with the larger shortfall, by area id on a tie (E before M):
 * w5 -> East, w6 -> Middle, w1 -> East, w2 -> Middle.
 * Continuity if applied: 7 officers adopt now (w1 w2 w3 w4 m1 e1 e2); w1 and w2 lose theirs: 5/7.
 */
const officers = [
  officer('w1', 'W', 'W1'), officer('w2', 'W', 'W1'), officer('w3', 'W', 'W1'), officer('w4', 'W', 'W2'),
  officer('w5', 'W', null), officer('w6', 'W', null),
  officer('m1', 'M', 'M1'), officer('m2', 'M', null),
  officer('e1', 'E', 'E1'), officer('e2', 'E', 'E2'),
  officer('e9', 'E', null, { status: 'leave', shift: 'Night' }),
]

function cfsFile(): string {
  const rows = ['Longitude,Latitude,Call Type,Minutes on scene,Units']
  const at = (a: 'W' | 'M' | 'E', k: 1 | 2, i: number) => pointIn(a, k, i * 0.0003).map((v) => v.toFixed(7)).join(',')
  rows.push(`${at('W', 1, 0)},THEFT,,`, `${at('W', 1, 1)},THEFT,,`, `${at('W', 2, 0)},NOISE,,`, `${at('W', 2, 1)},,,`)
  rows.push(`${at('M', 1, 0)},ASSAULT,60,2`, `${at('M', 2, 0)},ASSAULT,60,2`)
  rows.push(`${at('E', 1, 0)},BURGLARY,120,1`, `${at('E', 2, 0)},TRAFFIC,30,2`, `${at('E', 2, 1)},TRAFFIC,30,2`)
  rows.push('-100.0000000,40.0000000,FAR,10,1', '-121.9000000,37.6850000,NEAR,10,1')
  rows.push('-121.7850000,north,BAD,10,1')
  return rows.join('\r\n') + '\r\n'
}

let cleanup: (() => void) | null = null
afterEach(() => {
  cleanup?.()
  cleanup = null
})

function city() {
  const s = handMadeCity(officers)
  cleanup = s.cleanup
  return s
}

describe('calls-for-service import and workload', () => {
  it('adds up unit-hours per area as worked out by hand and reports calls outside the city', () => {
    const s = city()
    const r = s.workload.importCalls({ text: cfsFile(), fileName: 'cfs.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())
    expect(r).toMatchObject({ stored: true, rowsRead: 12, accepted: 11, inCity: 9, outside: 2, errorCount: 1 })
    expect(r.mapping).toMatchObject({ lon: 'Longitude', lat: 'Latitude', type: 'Call Type', minutes: 'Minutes on scene', units: 'Units' })
    expect(r.errors[0]).toMatchObject({ line: 13, column: 'Latitude' })
    expect(r.outsideSample).toEqual([[-100, 40], [-121.9, 37.685]])

    const sum = s.staffing.summary()
    const by = Object.fromEntries(sum.areas.map((a) => [a.areaId, a]))
    expect([by.W.calls, by.M.calls, by.E.calls]).toEqual([4, 2, 3])
    expect(by.W.workload).toBeCloseTo(2, 9)
    expect(by.M.workload).toBeCloseTo(4, 9)
    expect(by.E.workload).toBeCloseTo(4, 9)
    expect(sum.calls).toMatchObject({ total: 11, inCity: 9, outside: 2, import: { fileName: 'cfs.csv', rowsRead: 12, rowsSkipped: 1, defaultMinutes: 30 } })
    expect(sum.calls.outsideWorkload).toBeCloseTo(20 / 60, 9)
    // Headcount by status and shift, neighborhoods without an adopter.
    expect(by.E.officers).toEqual({ active: 2, leave: 1, vacant: 0 })
    expect(by.E.activeByShift).toEqual({ Day: 2 })
    expect(by.M.unassignedNeighborhoods.map((n) => n.id)).toEqual(['M2'])
    expect(by.W.officersWithoutNeighborhood).toBe(2)
    // 0.01° x 0.01° at latitude 37.685: about 1.112 km x 0.881 km.
    expect(by.W.areaKm2).toBeGreaterThan(0.97)
    expect(by.W.areaKm2).toBeLessThan(0.99)
  })

  it('a dry run reports the same figures and stores nothing', () => {
    const s = city()
    const before = dumpTables(s.repos.db)
    const r = s.workload.importCalls({ text: cfsFile(), fileName: 'cfs.csv', defaultMinutes: 30, dryRun: true }, s.session.actor())
    expect(r).toMatchObject({ stored: false, accepted: 11, outside: 2 })
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('uses the configured average handling time when the file has no minutes column, and 1 unit without a units column', () => {
    const s = city()
    const text = 'lon,lat\n' + [pointIn('W', 1), pointIn('M', 1), pointIn('M', 2)].map((p) => p.join(',')).join('\n')
    s.workload.importCalls({ text, fileName: 'bare.csv', defaultMinutes: 45, dryRun: false }, s.session.actor())
    const by = Object.fromEntries(s.staffing.summary().areas.map((a) => [a.areaId, a.workload]))
    expect(by).toEqual({ W: 0.75, M: 1.5, E: 0 })
  })

  it('keeps the calls across a restart and re-aggregates them after a boundary edit', () => {
    const s = city()
    s.workload.importCalls({ text: cfsFile(), fileName: 'cfs.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())
    expect(s.workload.workload().byNeighborhood.W1.calls).toBe(2)
    // Move the W1/W2 border west, past both W1 calls: they now fall in W2.
    const plan = s.plans.load()
    const w1 = plan.neighborhoods.find((n) => n.id === 'W1')!
    const w2 = plan.neighborhoods.find((n) => n.id === 'W2')!
    const mid = X0 + STEP / 8
    s.changes.apply({
      label: 'Move W1/W2 border',
      ops: [
        { entity: 'neighborhood', id: 'W1', before: w1, after: { ...w1, geometry: { type: 'Polygon', coordinates: [rect(X0, Y0, mid, Y0 + STEP)] } } },
        { entity: 'neighborhood', id: 'W2', before: w2, after: { ...w2, geometry: { type: 'Polygon', coordinates: [rect(mid, Y0, X0 + STEP, Y0 + STEP)] } } },
      ],
    }, s.session.actor())
    const after = s.workload.workload()
    expect(after.byNeighborhood.W1.calls).toBe(0)
    expect(after.byNeighborhood.W2.calls).toBe(4)

    s.repos.db.close()
    const db = openDatabase(s.config.dbPath)
    const again = createServices({ ...s.config, db, sampleDir: SAMPLE_DIR })
    try {
      expect(again.workload.workload().byNeighborhood.W2.calls).toBe(4)
      expect(again.staffing.summary().calls.import?.fileName).toBe('cfs.csv')
    } finally {
      db.close()
    }
  })

  it('an Area Commander cannot replace the calls for service', () => {
    const s = city()
    s.session.setProfile({ role: 'commander', areaId: 'W' })
    const before = dumpTables(s.repos.db)
    expect(() => s.workload.importCalls({ text: cfsFile(), fileName: 'cfs.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())).toThrow(
      /only Administration can import calls/,
    )
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('refuses a file without coordinates, naming what is missing, and stores nothing', () => {
    const s = city()
    const before = dumpTables(s.repos.db)
    expect(() => s.workload.importCalls({ text: 'When,What\n1,2\n', fileName: 'x.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())).toThrow(
      /No call was stored from x\.csv: line 1, column "longitude"/,
    )
    expect(dumpTables(s.repos.db)).toEqual(before)
  })
})

describe('staffing balance and suggested moves', () => {
  function imported() {
    const s = city()
    s.workload.importCalls({ text: cfsFile(), fileName: 'cfs.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())
    return s
  }

  it('computes shares, staffing gaps, largest deviation and CV as worked out by hand', () => {
    const b = imported().staffing.summary().balance
    const by = Object.fromEntries(b.areas.map((a) => [a.areaId, a]))
    expect(by.W).toMatchObject({ officers: 6 })
    expect(by.W.workloadShare).toBeCloseTo(0.2, 9)
    expect(by.W.officerShare).toBeCloseTo(0.6, 9)
    expect(by.W.staffingGap).toBeCloseTo(4, 9)
    expect(by.M.staffingGap).toBeCloseTo(-2, 9)
    expect(by.E.staffingGap).toBeCloseTo(-2, 9)
    expect(b.maxAbsDeviation).toBeCloseTo(0.4, 9)
    expect(b.cv).toBeCloseTo(0.2828427, 6)
  })

  it('suggests the four transfers worked out by hand, unadopted officers first, and their continuity', () => {
    const sum = imported().staffing.summary()
    expect(sum.suggestions.map((m) => [m.officerId, m.fromAreaId, m.toAreaId])).toEqual([
      ['w5', 'W', 'E'],
      ['w6', 'W', 'M'],
      ['w1', 'W', 'E'],
      ['w2', 'W', 'M'],
    ])
    expect(sum.suggestions[0]).toMatchObject({ fromName: 'West', toName: 'East', officerName: 'Officer Officer w5' })
    expect(sum.continuityIfApplied).toEqual({ share: 5 / 7, kept: 5, considered: 7 })
  })

  it('applying a suggestion is one undoable step that moves the officer and clears the adoption', () => {
    const s = imported()
    const move = s.staffing.summary().suggestions[2]
    const before = s.plans.load()
    const r = s.changes.apply(move.changeSet, s.session.actor())
    expect(r.canUndo).toBe(true)
    expect(s.repos.officers.get('w1')).toMatchObject({ areaId: 'E', neighborhoodId: null })
    expect(s.repos.audit.recent(1)[0]).toMatchObject({ action: 'edit', label: 'Transfer Officer w1 from West to East' })
    // The next suggestion list no longer contains it, and continuity since the baseline drops to 6/7.
    const next = s.staffing.summary()
    expect(next.suggestions.map((m) => m.officerId)).not.toContain('w1')
    expect(next.continuitySinceBaseline).toMatchObject({ kept: 6, considered: 7 })
    s.changes.undo(s.session.actor())
    expect(s.plans.load()).toEqual(before)
    expect(s.changes.canUndo(s.session.actor())).toBe(false)
  })

  it('suggests nothing when every area is within the tolerance', () => {
    const s = imported()
    expect(s.staffing.summary(0.1).suggestions).toHaveLength(4)
    // ±250 %: every count from 0 to 7 is acceptable in each area.
    expect(s.staffing.summary(1).suggestions.length).toBeLessThan(4)
  })
})
