import { createHash } from 'node:crypto'
import type { ChangeOp, ChangeSet, PlanState } from '../../shared/domain'
import { stableStringify } from '../../shared/domain'
import type { PlanService } from './plan-service'
import type { PlanVersion } from './validation-service'

const MOD = 1n << 256n

function rowHash(entity: ChangeOp['entity'], row: unknown): bigint {
  return BigInt(`0x${createHash('sha256').update(entity).update('\0').update(stableStringify(row)).digest('hex')}`)
}

/**
 * A fingerprint of a whole plan that one change set updates without reading the plan: the sum
 * of one hash per row (modulo 2^256), so a changed row takes its old hash out and its new one
 * in. Two plans with the same rows have the same fingerprint whatever their order. Publish
 * status compares it with the last published version's to say whether the draft changed.
 */
export function fingerprintOf(plan: PlanState): bigint {
  let sum = plan.city ? rowHash('city', plan.city) : 0n
  for (const a of plan.areas) sum += rowHash('area', a)
  for (const n of plan.neighborhoods) sum += rowHash('neighborhood', n)
  for (const o of plan.officers) sum += rowHash('officer', o)
  return sum % MOD
}

export function fingerprintAfter(sum: bigint, cs: ChangeSet): bigint {
  for (const op of cs.ops) {
    if (op.before) sum += MOD - rowHash(op.entity, op.before)
    if (op.after) sum += rowHash(op.entity, op.after)
  }
  return sum % MOD
}

/**
 * The stored plan's fingerprint, kept current by each change the window's writes store. It is
 * read afresh when a step was stored that it did not follow (the newest audit row is not the one
 * it knows) or another connection committed (SQLite's data_version moved).
 */
export class PlanFingerprint {
  private value: bigint | null = null
  private at = { version: 0, seq: -1 }
  constructor(
    private readonly plans: PlanService,
    /** The newest audit row's seq, 0 in an empty log. */
    private readonly headSeq: () => number,
    private readonly planVersion: PlanVersion = () => 0,
  ) {}

  private fresh(): boolean {
    return this.value !== null && this.at.version === this.planVersion() && this.at.seq === this.headSeq()
  }

  current(): bigint {
    if (!this.fresh()) {
      this.value = fingerprintOf(this.plans.load())
      this.at = { version: this.planVersion(), seq: this.headSeq() }
    }
    return this.value!
  }

  /** `cs` was stored as step `seq`, the next after `prevSeq`: followed when the fingerprint was current at `prevSeq`. */
  followed(prevSeq: number, seq: number, cs: ChangeSet): void {
    if (this.value === null || this.at.seq !== prevSeq || this.at.version !== this.planVersion()) return
    this.value = fingerprintAfter(this.value, cs)
    this.at = { version: this.at.version, seq }
  }
}
