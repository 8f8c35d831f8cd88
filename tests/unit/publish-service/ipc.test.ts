import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dumpTables } from '../../helpers/table-dump'
import { makeServices } from '../../helpers/services'
import type { TestServices } from './helpers'

let s: TestServices
let dispatch: ReturnType<typeof createDispatch>
beforeEach(() => {
  s = makeServices()
  dispatch = createDispatch(createHandlers(s))
})
afterEach(() => s.cleanup())

const MALFORMED: [string, unknown][] = [
  ['publish:run', undefined],
  ['publish:run', { effectiveDate: '2025-02-30' }],
  ['publish:run', { effectiveDate: '2025-7-1' }],
  ['publish:run', { effectiveDate: '2025-07-01', outDir: 'x'.repeat(1001) }],
  ['publish:run', { effectiveDate: '2025-07-01', outDir: '/tmp/a\0b' }],
  ['publish:run', { effectiveDate: '2025-07-01', overrideReason: 42 }],
  ['publish:run', { effectiveDate: '2025-07-01', overrideReason: '   ' }],
  ['publish:run', { effectiveDate: '2025-07-01', publicPage: 'yes' }],
  ['publish:run', { effectiveDate: '2025-07-01', extra: 1 }],
  ['publish:diff', { from: 'draft' }],
  ['publish:diff', { from: 'v1', to: 'draft' }],
  ['publish:diff', { from: 0, to: 'draft' }],
  ['publish:diffCsv', { from: 1.5, to: 'draft' }],
  ['publish:status', { any: 1 }],
  ['lookup:point', { lon: 200, lat: 0 }],
  ['lookup:point', { lon: '-121.7', lat: 37.6 }],
  ['lookup:point', { lon: Number.NaN, lat: 37.6 }],
  ['lookup:addresses', { query: 'x'.repeat(201) }],
  ['lookup:importAddresses', { fileName: 'a.csv', text: 5 }],
  ['lookup:importAddresses', { fileName: '', text: 'address,lon,lat\n' }],
]

describe('publish and lookup channels', () => {
  it.each(MALFORMED)('refuse malformed input to %s (%j) and change nothing stored', async (channel, input) => {
    const before = dumpTables(s.repos.db)
    const r = (await dispatch(channel, input)) as { ok: boolean; error?: { code: string } }
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe('invalid-input')
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('publish over the boundary, then list and compare versions', async () => {
    const r = (await dispatch('publish:run', { effectiveDate: '2025-07-01' })) as { ok: true; value: { version: { number: number } } }
    expect(r.ok).toBe(true)
    expect(r.value.version.number).toBe(1)
    expect(await dispatch('publish:versions', undefined)).toMatchObject({ ok: true, value: [{ number: 1, effectiveDate: '2025-07-01' }] })
    expect(await dispatch('publish:status', undefined)).toMatchObject({ ok: true, value: { draftChanged: false, nextVersion: 2 } })
    expect(await dispatch('publish:diff', { from: 1, to: 'draft' })).toMatchObject({ ok: true, value: { officers: [] } })
    expect(await dispatch('publish:diff', { from: 4, to: 'draft' })).toMatchObject({ ok: false, error: { code: 'unknown-version' } })
  })

  it('refuses a commander over the boundary with a reason a person can read', async () => {
    await s.session.setProfile({ role: 'commander', areaId: 'S' })
    const before = dumpTables(s.repos.db)
    expect(await dispatch('publish:run', { effectiveDate: '2025-07-01', overrideReason: 'please' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dumpTables(s.repos.db)).toEqual(before)
  })
})
