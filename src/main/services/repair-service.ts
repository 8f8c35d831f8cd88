import { invertChangeSet, whyNotAllowed, type ChangeSet, type Finding, type FindingSummary, type PlanState } from '../../shared/domain'
import { proposeRepair, proposeSliverRepairs, repairOptions, RepairError, type RepairChoice, type RepairOption, type RepairProposal, type SkippedRepair } from '../../shared/geo/repair'
import { createValidator, summarize, type PlanValidator } from '../../shared/geo/validate'
import type { ApplyResult } from '../../shared/ipc/outputs'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { ChangeService } from './change-service'
import type { PlanService } from './plan-service'
import type { SettingsService } from './settings-service'
import { guardRefusal, type ValidationService } from './validation-service'

export interface SliverPreview {
  proposals: RepairProposal[]
  skipped: SkippedRepair[]
  /** The plan's findings summary as it would be after these repairs. */
  summary: FindingSummary
}

const GONE = 'That finding is no longer in the plan (it was fixed or changed); check the plan again.'

const touched = (cs: ChangeSet): string[] => cs.ops.filter((o) => o.entity === 'neighborhood' || o.entity === 'area').map((o) => o.id)

/**
 * Repairs of the live findings. Each is one change set applied through ChangeService, so it
 * passes the same edit guard and permission rule as a hand edit, is one transaction and one
 * audit row, and one undo. "Repair all slivers" first tries each repair on a scratch copy of
 * the plan check, so one repair the guard would refuse is left out instead of refusing all.
 */
export class RepairService {
  constructor(
    private readonly plans: PlanService,
    private readonly validation: ValidationService,
    private readonly changes: ChangeService,
    private readonly settings: SettingsService,
  ) {}

  options(findingId: string, actor: Actor): RepairOption[] {
    return repairOptions(this.plans.load(), this.finding(findingId), actor.profile)
  }

  preview(findingId: string, choice: RepairChoice, actor: Actor): RepairProposal {
    const plan = this.plans.load()
    const proposal = this.propose(plan, this.finding(findingId), choice)
    const why = this.forbidden(plan, proposal.changeSet, actor)
    if (why) throw new AppError('forbidden', why)
    return proposal
  }

  apply(findingId: string, choice: RepairChoice, actor: Actor): ApplyResult & { proposal: RepairProposal } {
    const proposal = this.propose(this.plans.load(), this.finding(findingId), choice)
    return { ...this.changes.apply(proposal.changeSet, actor), proposal }
  }

  previewSlivers(actor: Actor): SliverPreview {
    return this.sliverPlan(actor).preview
  }

  /** Every sliver repair the guard accepts, as ONE change set. Throws AppError 'nothing-to-repair' (details: skipped) when none is left. */
  repairSlivers(actor: Actor): ApplyResult & { proposals: RepairProposal[]; skipped: SkippedRepair[] } {
    const { preview, changeSet } = this.sliverPlan(actor)
    const { proposals, skipped } = preview
    if (!proposals.length) {
      const why = skipped.length ? `none of the ${skipped.length} sliver${skipped.length === 1 ? '' : 's'} can be repaired (${skipped[0].why})` : 'the plan has no sliver to repair'
      throw new AppError('nothing-to-repair', `Nothing was repaired: ${why}.`, { skipped })
    }
    return { ...this.changes.apply(changeSet, actor), proposals, skipped }
  }

  private finding(id: string): Finding {
    const f = this.validation.findings().find((x) => x.id === id)
    if (!f) throw new AppError('finding-gone', GONE, { findingId: id })
    return f
  }

  private propose(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
    try {
      return proposeRepair(plan, f, choice)
    } catch (e) {
      if (e instanceof RepairError) throw new AppError('repair-impossible', e.message, { findingId: f.id })
      throw e
    }
  }

  private forbidden(plan: PlanState, cs: ChangeSet, actor: Actor): string | null {
    return whyNotAllowed(actor.profile, cs, { areas: plan.areas, neighborhoods: plan.neighborhoods })
  }

  /**
   * Each sliver repair is tried on a scratch validator of the plan as the repairs before it
   * left it: kept when the actor may make it, the edit guard accepts it and it adds no error
   * finding anywhere (a clipped sliver must not open a gap next door); otherwise undone there
   * and skipped with the reason.
   */
  private sliverPlan(actor: Actor): { preview: SliverPreview; changeSet: ChangeSet } {
    const plan = this.plans.load()
    const findings = this.validation.findings()
    const scratch = createValidator(plan, this.settings.get().tolerances)
    const screen = (p: RepairProposal, working: PlanState): string | null => {
      const why = this.forbidden(working, p.changeSet, actor)
      return why ?? tryOn(scratch, p.changeSet)
    }
    const result = proposeSliverRepairs(plan, findings, screen)
    return { preview: { proposals: result.proposals, skipped: result.skipped, summary: summarize(scratch.findings()) }, changeSet: result.changeSet }
  }
}

/** Applies `cs` to the validator when the guard accepts it and it adds no error; otherwise leaves the validator as it was and says why. */
function tryOn(v: PlanValidator, cs: ChangeSet): string | null {
  const ids = touched(cs)
  const before = v.findingsFor(ids)
  const errorsBefore = new Set(v.findings().filter((f) => f.severity === 'error').map((f) => f.id))
  v.apply(cs.ops)
  const refused = guardRefusal(cs.label, before, v.findingsFor(ids))
  const added = v.findings().find((f) => f.severity === 'error' && !errorsBefore.has(f.id))
  if (!refused && !added) return null
  v.apply(invertChangeSet(cs).ops)
  return refused ? refused.message : `It would leave a new error: ${added!.message}`
}
