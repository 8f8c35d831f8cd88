import { applyChangeSet, areaCoverage, invertChangeSet, type ChangeSet, type Finding, type FindingKind, type PlanState } from '../../shared/domain'
import { newEdgeLengthM, ROUNDING_BAND_M } from '../../shared/geo/ops/new-edges'
import { createValidator, summarize, type PlanValidator } from '../../shared/geo/validate'
import type { ValidationReport } from '../../shared/ipc/outputs'
import { AppError } from './app-error'
import type { ChangeGuard } from './change-service'
import type { PlanService } from './plan-service'
import type { SettingsService } from './settings-service'

/** Kinds an edit must never make worse: these are what the topological editor promises. */
const GUARDED: FindingKind[] = ['overlap', 'outside-area', 'area-overlap', 'area-gap']
const BLOCK_WHEN_NEW: FindingKind[] = ['invalid-geometry', 'coverage-unchecked']
/** Rounding to the coordinate grid and clipping move areas by a fraction of a square metre. */
const SLACK_M2 = 0.5

function touchedIds(cs: ChangeSet): string[] {
  return cs.ops.filter((o) => o.entity === 'neighborhood' || o.entity === 'area').map((o) => o.id)
}

function guardedArea(fs: Finding[]): number {
  return fs.filter((f) => GUARDED.includes(f.kind)).reduce((s, f) => s + f.areaM2, 0)
}

/**
 * The edit guard's rule, given the findings of what a change touched before and after it:
 * why it must not be stored, or null. Also used to screen repairs on a scratch validator.
 * Errors may not grow by more than rounding: half a square metre, and a hairline along the
 * edges the change draws.
 */
export function guardRefusal(cs: ChangeSet, before: Finding[], after: Finding[]): AppError | null {
  const label = cs.label
  const grown = guardedArea(after) - guardedArea(before)
  // A shape made invalid, or a plan that can no longer be checked for gaps and overlaps at all,
  // blocks whatever its area: neither carries square metres to weigh.
  const newInvalid = after.filter((f) => BLOCK_WHEN_NEW.includes(f.kind) && !before.some((b) => b.id === f.id))
  // The band's length walks every edge of every touched row: measured only when the slack alone does not cover the growth.
  if (newInvalid.length === 0 && (grown <= SLACK_M2 || grown <= SLACK_M2 + ROUNDING_BAND_M * newEdgeLengthM(cs))) return null
  // Name what the change made worse, not the largest error near it.
  const had = new Map(before.map((f) => [f.id, f.areaM2]))
  const growth = (f: Finding) => f.areaM2 - (had.get(f.id) ?? 0)
  const worst = newInvalid[0] ?? after.filter((f) => GUARDED.includes(f.kind)).sort((a, b) => growth(b) - growth(a))[0]
  return new AppError('edit-refused', `"${label}" was not stored: ${worst?.message ?? 'it would make the plan invalid'}`, { findings: after })
}

/**
 * A number that changes whenever another connection commits to the plan file (SQLite's
 * `PRAGMA data_version`): the command line, or a second window, writing while the app is open.
 * Commits on this connection leave it as it is; they reach the live validator as change sets.
 */
export type PlanVersion = () => number

/**
 * Keeps one live validator for the open plan, updated by each change set instead of
 * re-validating the city, and uses it to refuse edits that would open overlaps or push
 * ground out of its area. Imported plans may start dirty: an edit may leave them as bad as
 * before, or better, never worse.
 */
export class ValidationService implements ChangeGuard {
  private validator: PlanValidator | null = null
  /** The plan version the live validator was built at; another connection's commit moves it on. */
  private builtAt = 0
  constructor(
    private readonly plans: PlanService,
    private readonly settings: SettingsService,
    private readonly planVersion: PlanVersion = () => 0,
  ) {
    settings.onChange(() => (this.validator = null))
  }

  /** The live validator, or null when there is none or another connection changed the plan since it was built. */
  private current(): PlanValidator | null {
    if (this.validator && this.planVersion() !== this.builtAt) this.validator = null
    return this.validator
  }

  private build(plan: PlanState): PlanValidator {
    this.builtAt = this.planVersion()
    this.validator = createValidator(plan, this.settings.checkSettings())
    return this.validator
  }

  private live(): PlanValidator {
    return this.current() ?? this.build(this.plans.load())
  }

  prepare(): void {
    this.live()
  }

  findings(): Finding[] {
    return this.live().findings()
  }

  report(): ValidationReport {
    const findings = this.findings()
    return { summary: summarize(findings), findings, coverage: areaCoverage(this.plans.load(), findings) }
  }

  summary() {
    return summarize(this.findings())
  }

  check(cs: ChangeSet): Finding[] {
    // Called after the change's writes: a validator to be built now must start from the plan without them.
    const v = this.current() ?? this.build(applyChangeSet(this.plans.load(), invertChangeSet(cs)))
    const ids = touchedIds(cs)
    const before = v.findingsFor(ids)
    v.apply(cs.ops)
    const after = v.findingsFor(ids)
    const refused = guardRefusal(cs, before, after)
    if (refused) throw refused
    return after
  }

  followed(cs: ChangeSet): void {
    // Nothing to follow until the first check builds the live validator from the stored plan, nor
    // when another connection changed the plan since: the next use builds it from the database.
    this.current()?.apply(cs.ops)
  }

  rolledBack(): void {
    // The validator already took the ops; rebuilding from the database is the simple, certain way back.
    this.validator = null
  }

  /** After imports and restores, which change too much to patch incrementally. */
  reset(): void {
    this.validator = null
  }
}
