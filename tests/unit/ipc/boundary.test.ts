import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_LIST, contract } from '../../../src/shared/ipc'
import { createDispatch, type Dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

let s: ReturnType<typeof makeServices>
let dispatch: Dispatch
beforeAll(() => {
  s = makeServices()
  dispatch = createDispatch(createHandlers(s))
})
afterAll(() => s.cleanup())

/** An input no channel accepts: channels without input take only undefined, the others an object of their shape. */
const MALFORMED: unknown[] = [42, 'text', [], { unexpected: true }, null]

describe('every IPC channel at the boundary', () => {
  for (const channel of CHANNEL_LIST) {
    it(`${channel} answers malformed input with {ok:false}, a code and a message, and stores nothing`, async () => {
      const before = dumpTables(s.config.db)
      for (const input of MALFORMED) {
        const r = await dispatch(channel, input)
        expect(r.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false)
        if (!r.ok) {
          expect(r.error.code).toBe('invalid-input')
          expect(r.error.message).toContain(channel)
        }
      }
      expect(dumpTables(s.config.db)).toEqual(before)
    })
  }

  it('refuses a channel that does not exist', async () => {
    const r = await dispatch('fs:readFile', { path: '/etc/passwd' })
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('refuses a prototype-pollution key in a change set and leaves Object.prototype alone', async () => {
    const n = s.plans.load().neighborhoods[0]
    const evil = JSON.parse(`{"label":"x","ops":[{"entity":"neighborhood","id":"${n.id}","before":null,"after":null,"__proto__":{"polluted":true}}]}`)
    const r = await dispatch('changes:apply', evil)
    expect(r.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('answers valid calls with {ok:true}', async () => {
    expect((await dispatch('plan:load', undefined)).ok).toBe(true)
    expect(Object.keys(contract).length).toBe(CHANNEL_LIST.length)
  })

  it('turns a refused edit into {ok:false} with the reason, not an exception', async () => {
    await dispatch('session:setProfile', { role: 'commander', areaId: 'NE' })
    const other = s.plans.load().neighborhoods.find((n) => n.areaId !== 'NE')!
    const before = dumpTables(s.config.db)
    const r = await dispatch('changes:apply', { label: 'Rename', ops: [{ entity: 'neighborhood', id: other.id, before: other, after: { ...other, name: 'Mine now' } }] })
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    if (!r.ok) expect(r.error.message).toContain(other.name)
    expect(dumpTables(s.config.db)).toEqual(before)
    await dispatch('session:setProfile', { role: 'admin' })
  })
})
