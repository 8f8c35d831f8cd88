import { describe, expect, it } from 'vitest'
import { fixturePlan } from './fixture'
import { expectSoundPlan } from './plan-checks'

describe('ops fixture', () => {
  it('is itself a sound, noded plan', () => {
    expectSoundPlan(fixturePlan())
    expect(fixturePlan().neighborhoods).toHaveLength(6)
  })
})
