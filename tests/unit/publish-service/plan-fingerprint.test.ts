import { describe, expect, it } from 'vitest'
import { applyChangeSet, invertChangeSet, type ChangeSet } from '../../../src/shared/domain'
import { fingerprintAfter, fingerprintOf } from '../../../src/main/services/plan-fingerprint'
import { makeServices } from '../../helpers/services'

describe('the plan fingerprint publish status compares', () => {
  it('follows a change set to the fingerprint of the plan after it, and back with its inverse', () => {
    const s = makeServices()
    try {
      const plan = s.plans.load()
      const n = plan.neighborhoods[0]
      const cs: ChangeSet = { label: 'rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: `${n.name} North` } }] }
      const before = fingerprintOf(plan)
      const after = fingerprintAfter(before, cs)
      expect(after).not.toBe(before)
      expect(after).toBe(fingerprintOf(applyChangeSet(plan, cs)))
      expect(fingerprintAfter(after, invertChangeSet(cs))).toBe(before)
      // The same rows in another order are the same plan.
      expect(fingerprintOf({ ...plan, officers: [...plan.officers].reverse() })).toBe(before)
    } finally {
      s.cleanup()
    }
  })
})
