import { describe, expect, it } from 'vitest'
import type { ChangeOp, Officer, PlanState } from '../../../src/shared/domain'
import { applyOps } from '../../../src/shared/geo/validate/incremental'
import { oldApplyOps } from '../../../bench/roster/peer-validator'
import { officer } from '../staffing/fixtures'

/** Issue 17 item 13: applying a roster import's ops to the validator's plan is linear, with the old result. */
const empty: PlanState = { city: null, areas: [], neighborhoods: [], officers: [] }

function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 48271) % 2147483647) / 2147483647)
}

describe('applyOps at roster scale', () => {
  it('gives the same plan as the findIndex-per-op version for random adds, updates, deletions and re-adds', () => {
    const r = rng(17)
    for (let round = 0; round < 20; round++) {
      const start: PlanState = { ...empty, officers: Array.from({ length: 30 }, (_, i) => officer(`o${i}`, null, null)) }
      const live = new Map(start.officers.map((o) => [o.id, o]))
      const ops: ChangeOp[] = []
      for (let k = 0; k < 80; k++) {
        const id = `o${Math.floor(r() * 45)}`
        const before = live.get(id) ?? null
        const after: Officer | null = before && r() < 0.4 ? null : officer(id, null, null, { shift: `s${k}` })
        ops.push({ entity: 'officer', id, before, after })
        if (after) live.set(id, after)
        else live.delete(id)
      }
      expect(applyOps(start, ops)).toEqual(oldApplyOps(start, ops))
    }
  })

  it('adds 200,000 officers in well under the time the quadratic search took (minutes)', () => {
    const ops: ChangeOp[] = Array.from({ length: 200_000 }, (_, i) => ({ entity: 'officer', id: `off-${i}`, before: null, after: officer(`off-${i}`, null, null) }))
    const t0 = performance.now()
    const next = applyOps({ ...empty, officers: [officer('off-x', null, null)] }, ops)
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(next.officers).toHaveLength(200_001)
    expect(next.officers[200_000].id).toBe('off-199999')
  })
})
