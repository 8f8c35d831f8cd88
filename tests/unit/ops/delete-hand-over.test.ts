import { describe, expect, it } from 'vitest'
import { deleteNeighborhood } from '../../../src/shared/geo/ops'
import { fixturePlan } from './fixture'
import { applyChecked } from './plan-checks'

describe("deleting a neighborhood with its officers", () => {
  it('hands its officers to the neighbour that takes the ground, in the same change set, when asked', () => {
    const plan = fixturePlan()
    const cs = deleteNeighborhood(plan, { id: 'p', giveTo: 'm', handOverOfficers: true })
    expect(cs.label).toBe('Delete Park, giving its ground and its 1 officer to Midtown')
    const after = applyChecked(plan, cs)
    expect(after.officers.find((o) => o.id === 'o3')!.neighborhoodId).toBe('m')
    // Nobody else moves.
    expect(after.officers.filter((o) => o.id !== 'o3')).toEqual(plan.officers.filter((o) => o.id !== 'o3'))
  })

  it('leaves them without a neighborhood when not asked, or when no neighbour takes the ground', () => {
    const plan = fixturePlan()
    const given = applyChecked(plan, deleteNeighborhood(plan, { id: 'p', giveTo: 'm' }))
    expect(given.officers.find((o) => o.id === 'o3')!.neighborhoodId).toBeNull()
    const gap = applyChecked(plan, deleteNeighborhood(plan, { id: 'p', handOverOfficers: true }))
    expect(gap.officers.find((o) => o.id === 'o3')!.neighborhoodId).toBeNull()
  })
})
