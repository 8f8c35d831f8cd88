import { pointOnFeature } from '@turf/turf'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { createServices } from '../../../src/main/services'
import { makeServices, SAMPLE_DIR } from '../../helpers/services'

let cleanup: (() => void) | null = null
afterEach(() => cleanup?.())

describe('workload by shift on the stored plan', () => {
  it('replays the stored calls (or one quarter of them) per shift, keeps the shift setting, and suggests moves among one shift\'s officers', () => {
    const s = makeServices()
    cleanup = s.cleanup
    const admin = s.session.actor()
    const plan = s.plans.load()
    const at = (area: string) => pointOnFeature(plan.areas.find((a) => a.id === area)!.geometry).geometry.coordinates.map((v) => v.toFixed(6)).join(',')
    // Q1: 6 Nights calls in Northeast (one at Tuesday 03:00), 1 Days call in South; Q2: 2 Swing calls in Northwest.
    const rows = ['Longitude,Latitude,Datetime']
    for (let i = 0; i < 5; i++) rows.push(`${at('NE')},2024-02-0${i + 1} 23:30`)
    rows.push(`${at('NE')},2024-02-06 03:00`, `${at('S')},2024-03-31 06:00`, `${at('NW')},2024-04-01 14:00`, `${at('NW')},2024-05-01 21:59`)
    const r = s.workload.importCalls({ text: rows.join('\n'), fileName: 'cad.csv', defaultMinutes: 30, dryRun: false }, admin)
    expect(r).toMatchObject({ stored: true, accepted: 9, errorCount: 0, mapping: { time: 'Datetime' } })

    const all = s.staffing.byShift(0.1)
    expect(all.quarters).toEqual(['2024-Q1', '2024-Q2'])
    const calls = (o: typeof all, id: string) => o.report!.areas.find((a) => a.id === id)!.calls
    expect(calls(all, 'NE')).toEqual([0, 0, 6])
    expect(calls(all, 'NW')).toEqual([0, 2, 0])
    expect(calls(all, 'S')).toEqual([1, 0, 0])
    expect(all.report!.areas.find((a) => a.id === 'NE')!.status).toEqual(['under', 'under', 'over']) // Days: NE 0 against a mean of 1/3
    const q2 = s.staffing.byShift(0.1, '2024-Q2')
    expect(q2.report!.timed).toBe(2)
    expect(calls(q2, 'NE')).toEqual([0, 0, 0])

    // Moves for Nights: only officers whose roster shift is Night move, towards Northeast.
    const nights = s.staffing.byShift(0.1, null, 'Nights')
    expect(nights.suggestions.length).toBeGreaterThan(0)
    for (const m of nights.suggestions) {
      expect(m.toAreaId).toBe('NE')
      expect(s.repos.officers.get(m.officerId)!.shift).toBe('Night')
    }
    expect(() => s.staffing.byShift(0.1, null, 'Graveyard')).toThrow('There is no shift named "Graveyard"')

    // The setting: refused with the reason, kept in the plan when accepted.
    expect(() => s.workload.setShifts([{ name: 'Day', start: 360, end: 1080 }, { name: 'day', start: 1080, end: 360 }], admin)).toThrow('Two shifts are named "day"')
    expect(() => s.workload.setShifts([{ name: 'Day', start: 360, end: 1080 }], admin)).toThrow('No shift covers 18:00–06:00')
    s.workload.setShifts([{ name: 'Day', start: 360, end: 1080 }, { name: 'Night', start: 1080, end: 360 }], admin)
    const reopened = createServices({ db: openDatabase(s.config.dbPath), dbPath: s.config.dbPath, userDataPath: s.dir, sampleDir: SAMPLE_DIR, osUser: 't', appVersion: 't', parseChild: null })
    expect(reopened.workload.shifts().map((x) => x.name)).toEqual(['Day', 'Night'])
    // 06:00 starts Day; 21:59 and 23:30 are in Night (from 18:00).
    expect(reopened.staffing.byShift(0.1).report!.areas.map((a) => [a.id, a.calls])).toEqual([['NE', [0, 6]], ['NW', [1, 1]], ['S', [1, 0]]])
    reopened.config.db.close()
  })

  it('says nothing per shift when the stored calls have no time', () => {
    const s = makeServices()
    cleanup = s.cleanup
    const p = pointOnFeature(s.plans.load().areas[0].geometry).geometry.coordinates
    s.workload.importCalls({ text: `lon,lat\n${p[0]},${p[1]}\n`, fileName: 'x.csv', defaultMinutes: 30, dryRun: false }, s.session.actor())
    expect(s.staffing.byShift().report).toBeNull()
  })
})
