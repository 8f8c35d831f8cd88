import { describe, expectTypeOf, it } from 'vitest'
import type { Api, Channel, Outputs } from '../../../src/shared/ipc'
import { CHANNEL_LIST, CHANNELS, contract } from '../../../src/shared/ipc'
import type { Handlers } from '../../../src/main/ipc/handlers'
import { expect } from 'vitest'

// These checks run in `npm run typecheck` (tsc compiles this file) and in vitest.
describe('the IPC contract', () => {
  it('has a schema, an output type, a handler and an api method for every channel', () => {
    expectTypeOf<keyof typeof contract>().toEqualTypeOf<Channel>()
    expectTypeOf<keyof Outputs>().toEqualTypeOf<Channel>()
    expectTypeOf<keyof Handlers>().toEqualTypeOf<Channel>()
    expectTypeOf<keyof Api>().toEqualTypeOf<(typeof CHANNELS)[Channel]>()
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_LIST].sort())
  })

  it('names channels domain:verb and gives each its own api method', () => {
    for (const c of CHANNEL_LIST) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/)
    const methods = Object.values(CHANNELS)
    expect(new Set(methods).size).toBe(methods.length)
  })
})
