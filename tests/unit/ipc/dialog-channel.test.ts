import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { makeServices } from '../../helpers/services'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

describe('dialog:choosePath', () => {
  it('answers the path the shell’s dialog gave, or null when it was cancelled', async () => {
    s = makeServices({ seed: false })
    const answers: (string | null)[] = ['/srv/www/officers', null]
    const dispatch = createDispatch(createHandlers(s, { choosePath: async () => answers.shift() ?? null }))
    expect(await dispatch('dialog:choosePath', { purpose: 'publish-folder' })).toEqual({ ok: true, value: { path: '/srv/www/officers' } })
    expect(await dispatch('dialog:choosePath', { purpose: 'publish-folder', defaultPath: '/srv' })).toEqual({ ok: true, value: { path: null } })
  })

  it('refuses an unknown purpose, and says to type the path where there is no window to show a dialog in', async () => {
    s = makeServices({ seed: false })
    const dispatch = createDispatch(createHandlers(s))
    const bad = await dispatch('dialog:choosePath', { purpose: 'anything' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const none = await dispatch('dialog:choosePath', { purpose: 'publish-folder' })
    expect(none).toMatchObject({ ok: false, error: { code: 'no-dialog', message: 'There is no window to show a file dialog in; type the path instead.' } })
  })
})
