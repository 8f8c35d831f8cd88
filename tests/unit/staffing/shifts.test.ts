import { describe, expect, it } from 'vitest'
import { parseCfsCsv } from '../../../src/main/workload/cfs-csv'
import { aggregateByShift, shiftLoads } from '../../../src/shared/staffing/shift-workload'
import { DEFAULT_SHIFTS, parseShiftSpec, parseWallTime, shiftBuckets, shiftProblems, type Shift } from '../../../src/shared/staffing/shifts'
import { area, neighborhood, plan, rect } from './fixtures'

const at = (s: string): number => {
  const t = parseWallTime(s)
  if (typeof t === 'string') throw new Error(`${s} ${t}`)
  return t
}
const buckets = shiftBuckets(DEFAULT_SHIFTS)
const DAYS = 0, SWING = 1, NIGHTS = 2
const MON = 0, TUE = 1, SUN = 6

describe('shifts', () => {
  it('puts a call exactly on a boundary in the shift that starts then', () => {
    // 2024-03-04 is a Monday.
    expect(buckets.shiftOf(at('2024-03-04 13:59'))).toBe(DAYS)
    expect(buckets.shiftOf(at('2024-03-04 14:00'))).toBe(SWING)
    expect(buckets.shiftOf(at('2024-03-04 22:00'))).toBe(NIGHTS)
    expect(buckets.shiftOf(at('2024-03-05 06:00'))).toBe(DAYS)
    expect(buckets.shiftOf(at('2024-03-05 05:59'))).toBe(NIGHTS)
  })

  it('counts an overnight call for the day its shift started', () => {
    expect(buckets.dayOf(at('2024-03-04 23:00'))).toBe(MON)
    expect(buckets.dayOf(at('2024-03-05 03:00'))).toBe(MON) // Tuesday 03:00 is Monday's Nights
    expect(buckets.dayOf(at('2024-03-05 06:00'))).toBe(TUE)
    expect(buckets.dayOf(at('2024-03-04 02:00'))).toBe(SUN) // Monday 02:00 is Sunday's Nights
    expect(buckets.dayOf(at('03/05/2024 03:00 AM'))).toBe(MON)
  })

  it('reads the shift flag and refuses shifts that leave an hour uncovered, overlap or share a name', () => {
    expect(parseShiftSpec('Days=06-14,Swing=14-22,Nights=22-06')).toEqual(DEFAULT_SHIFTS)
    expect(parseShiftSpec('Early=05:30-17:30, Late=17:30-05:30').map((s) => [s.start, s.end])).toEqual([[330, 1050], [1050, 330]])
    expect(parseShiftSpec('All=00-24')).toEqual([{ name: 'All', start: 0, end: 0 }])
    expect(() => parseShiftSpec('Days=06-14,Swing=14-22')).toThrow('No shift covers 22:00–06:00')
    expect(() => parseShiftSpec('Days=06-15,Swing=14-22,Nights=22-06')).toThrow('Shifts "Days" and "Swing" overlap from 14:00 to 15:00')
    expect(() => parseShiftSpec('Days=06-14,days=14-06')).toThrow('Two shifts are named "days"')
    expect(() => parseShiftSpec('Days=6-25,Nights=25-6')).toThrow('shift "Days": end "25" is not an hour')
    expect(() => parseShiftSpec('Days 06-14')).toThrow('"Days 06-14" is not a shift')
    const bad: Shift[] = [{ name: ' ', start: 0, end: 600 }, { name: 'B', start: 600, end: 0 }]
    expect(shiftProblems(bad)).toEqual(['Shift 1 has no name'])
  })

  it('reads CAD timestamps and says what is wrong with a bad one', () => {
    expect(at('2024-03-04T23:15:09')).toBe(at('03/04/2024 11:15 PM'))
    expect(at('2024-03-04 23:15-06:00')).toBe(at('2024-03-04 23:15'))
    expect(parseWallTime('2024-02-30 10:00')).toContain('day 30')
    expect(parseWallTime('2024-03-04T23:15:00Z')).toContain('UTC')
    expect(parseWallTime('13/04/2024 10:00 PM')).toContain('month 13')
    expect(parseWallTime('yesterday')).toContain('is not a date and time')
  })
})

/* Area A: x 0..10 = neighborhoods A1 (x 0..5) and A2 (x 5..10). Area B: x 10..20 = B1. */
const city = plan(
  [area('A', 'North', { type: 'Polygon', coordinates: [rect(0, 0, 10, 10)] }), area('B', 'South', { type: 'Polygon', coordinates: [rect(10, 0, 20, 10)] })],
  [
    neighborhood('A1', 'A', 'West', { type: 'Polygon', coordinates: [rect(0, 0, 5, 10)] }),
    neighborhood('A2', 'A', 'East', { type: 'Polygon', coordinates: [rect(5, 0, 10, 10)] }),
    neighborhood('B1', 'B', 'Harbor', { type: 'Polygon', coordinates: [rect(10, 0, 20, 10)] }),
  ],
)

describe('workload by shift', () => {
  const csv = [
    'Longitude,Latitude,Minutes,Time Received',
    '2,2,60,2024-03-04 14:00', //  A1 Swing Monday (on the boundary)
    '2,3,60,2024-03-04 23:00', //  A1 Nights Monday
    '3,3,60,2024-03-05 03:00', //  A1 Nights Monday (overnight)
    '7,7,30,2024-03-05 06:00', //  A2 Days Tuesday
    '12,2,120,2024-03-05 05:59', // B1 Nights Monday
    '50,50,60,2024-03-05 10:00', // outside: Days Tuesday
  ].join('\n')

  it('buckets calls into each area and neighborhood per shift and day', () => {
    const parsed = parseCfsCsv(csv, { lon: 'Longitude', lat: 'Latitude', minutes: 'Minutes', time: 'Time Received' })
    expect(parsed.errors).toEqual([])
    const w = aggregateByShift(parsed.points, city, DEFAULT_SHIFTS)
    expect(w.byNeighborhood.A1.calls).toEqual([0, 1, 2])
    expect(w.byNeighborhood.A1.byDay[MON]).toEqual([0, 1, 2])
    expect(w.byNeighborhood.A1.byDay[TUE]).toEqual([0, 0, 0])
    expect(w.byNeighborhood.A2.byDay[TUE]).toEqual([1, 0, 0])
    expect(w.byNeighborhood.A2.workload).toEqual([0.5, 0, 0])
    expect(w.byArea.A.calls).toEqual([1, 1, 2])
    expect(w.byArea.B.workload).toEqual([0, 0, 2])
    expect(w.outside.calls).toEqual([1, 0, 0])
    // Replay of one period only: Tuesday from 06:00 on.
    const later = aggregateByShift(parsed.points, city, DEFAULT_SHIFTS, { from: at('2024-03-05 06:00') })
    expect(later.byArea.A.calls).toEqual([1, 0, 0])
    expect(later.byArea.B.calls).toEqual([0, 0, 0])

    // The overall balance's rule per shift: Nights workload A1 2, A2 0, B1 2 -> ideal 4/3, d = +50%, −100%, +50%.
    expect(shiftLoads(['A1', 'A2', 'B1'], (id) => w.byNeighborhood[id], NIGHTS, 0.1).map((l) => [l.id, l.status])).toEqual([
      ['A1', 'over'], ['A2', 'under'], ['B1', 'over'],
    ])
  })

  it('names the line and column of a bad timestamp', () => {
    const parsed = parseCfsCsv(`${csv}\n4,4,30,2024-13-01 10:00\n4,4,30,`, { lon: 'Longitude', lat: 'Latitude', time: 'Time Received' })
    expect(parsed.errors).toEqual([
      { line: 8, column: 'Time Received', message: 'Time "2024-13-01 10:00" has month 13' },
      { line: 9, column: 'Time Received', message: 'The time received is empty' },
    ])
  })
})
