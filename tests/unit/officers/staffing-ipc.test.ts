import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { MAX_ROSTER_CSV_CHARS } from '../../../src/shared/ipc/features/staffing-contract'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

let s: ReturnType<typeof makeServices>
let dispatch: Dispatch
beforeEach(() => {
  s = makeServices()
  dispatch = createDispatch(createHandlers(s))
})
afterEach(() => s.cleanup())

const CSV = 'Name,Area\nPat Doe,Northeast\n'
const CALLS = 'lon,lat\n-121.76,37.68\n'

const malformed: [string, unknown][] = [
  ['roster:preview', undefined],
  ['roster:preview', { text: 42 }],
  ['roster:preview', { text: CSV, extra: true }],
  ['roster:preview', { text: CSV, mapping: { favouriteColour: 'Name' } }],
  ['roster:preview', { text: CSV, mapping: { displayName: 'x'.repeat(201) } }],
  ['roster:import', { text: CSV, mapping: { displayName: 'Name' } }],
  ['roster:import', { text: CSV, mapping: { displayName: 'Name' }, skipErrorRows: 'yes' }],
  ['roster:import', { text: 'x'.repeat(MAX_ROSTER_CSV_CHARS + 1), mapping: { displayName: 'Name' }, skipErrorRows: false }],
  ['roster:import', { text: CSV, mapping: null, skipErrorRows: false }],
  ['roster:export', { please: true }],
  ['workload:import', { text: CALLS, fileName: 'c.csv', defaultMinutes: 30 }],
  ['workload:import', { text: CALLS, fileName: 'c.csv', defaultMinutes: -5, dryRun: false }],
  ['workload:import', { text: CALLS, fileName: 'c.csv', defaultMinutes: Number.NaN, dryRun: false }],
  ['workload:import', { text: CALLS, fileName: '', defaultMinutes: 30, dryRun: false }],
  ['workload:import', { text: CALLS, fileName: 'c.csv', defaultMinutes: 30, dryRun: false, mapping: { lon: 'lon' } }],
  ['workload:import', { text: CALLS, fileName: 'c.csv', defaultMinutes: 30, dryRun: false, mapping: { lon: 'lon', lat: 'lat', x: 'y' } }],
  ['workload:clear', 'all'],
  ['staffing:summary', { tolerance: 5 }],
  ['staffing:summary', { tolerance: '0.1' }],
  ['staffing:summary', []],
  ['staffing:setBaseline', { at: 'now' }],
]

describe('staffing channels refuse malformed input', () => {
  it.each(malformed)('%s with %j answers {ok:false} and stores nothing', async (channel, input) => {
    const before = dumpTables(s.repos.db)
    const r = (await dispatch(channel, input)) as { ok: boolean; error?: { code: string; message: string } }
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe('invalid-input')
    expect(r.error?.message).toContain(channel)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('a roster with errors sent without "skip" is refused with its first error and stores nothing', async () => {
    const before = dumpTables(s.repos.db)
    const r = await dispatch('roster:import', { text: 'Name,Email\nPat,bad\n', mapping: { displayName: 'Name', email: 'Email' }, skipErrorRows: false })
    expect(r).toMatchObject({ ok: false, error: { code: 'roster-has-errors', message: expect.stringContaining('line 2, column "Email"') } })
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('well-formed requests answer, and the export is the roster as CSV', async () => {
    const r = (await dispatch('roster:export', undefined)) as { ok: true; value: { csv: string; officers: number } }
    expect(r.ok).toBe(true)
    expect(r.value.csv.split('\r\n')[0]).toMatch(/^Name,Rank,Email,Desk phone,Employee ID/)
    expect(r.value.officers).toBe(s.repos.officers.list().length)
    const sum = (await dispatch('staffing:summary', {})) as { ok: true; value: { areas: unknown[]; tolerance: number } }
    expect(sum.value).toMatchObject({ tolerance: 0.1 })
    expect(sum.value.areas).toHaveLength(3)
  })
})
