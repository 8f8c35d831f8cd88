import { describe, expect, it } from 'vitest'
import type { ChangeOp, Officer, PlanState } from '../../../src/shared/domain'
import { applyChangeSet as applyOps } from '../../../src/shared/domain'
import { oldApplyOps } from '../../../bench/roster/peer-validator'
import { officer } from '../staffing/fixtures'

/** Issue 17 item 13: applying a roster import's ops to the validator's plan is linear, with the old result. */
const empty: PlanState = { city: null, areas: [], neighborhoods: [], officers: [] }

function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 48271) % 2147483647) / 2147483647)
}

describe('applyChangeSet at roster scale', () => {
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

  /**
   * n new officers added to a plan of n, with every officer's id behind a counting getter: a
   * search per op (the old findIndex) reads ids n²/2 times or more, a map keyed by id a few times per officer.
   */
  function countIdReads(apply: (plan: PlanState, ops: ChangeOp[]) => PlanState, n: number): { reads: number; next: PlanState } {
    let reads = 0
    const counted = (id: string): Officer => {
      const o = officer(id, null, null)
      Object.defineProperty(o, 'id', { enumerable: true, get: () => (reads++, id) })
      return o
    }
    const start: PlanState = { ...empty, officers: Array.from({ length: n }, (_, i) => counted(`old-${i}`)) }
    const ops: ChangeOp[] = Array.from({ length: n }, (_, i) => ({ entity: 'officer', id: `new-${i}`, before: null, after: counted(`new-${i}`) }))
    reads = 0
    const next = apply(start, ops)
    return { reads, next }
  }

  it('reads each officer id a bounded number of times when adding 20,000 officers to 20,000', () => {
    const n = 20_000
    const { reads, next } = countIdReads(applyOps, n)
    expect(reads).toBeLessThan(10 * n)
    expect(next.officers).toHaveLength(2 * n)
    expect(next.officers[2 * n - 1].id).toBe(`new-${n - 1}`)
  })

  it('the count catches a search per op: the old findIndex version reads ids quadratically often', () => {
    const n = 2_000
    expect(countIdReads(oldApplyOps, n).reads).toBeGreaterThan(n * n)
  })
})
