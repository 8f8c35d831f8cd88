import { invertChangeSet, whyNotAllowed, type AreaGeometry, type ChangeSet, type Finding, type FindingSummary, type PlanState } from '../../shared/domain'
import { newEdgeLengthM, ROUNDING_BAND_M } from '../../shared/geo/ops/new-edges'
import { combineChangeSets, firstNewError, SAME_GROUND_M2, isRepairableSliver, proposeRepair, proposeSliverRepairs, repairOptions, RepairError, type RepairChoice, type RepairOption, type RepairProposal, type SkippedRepair } from '../../shared/geo/repair'
import { applyChangeSet } from '../../shared/domain'
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

/** Further passes for slivers that repairs leave behind or make repairable; a pass that repairs nothing ends the batch, so this is a bound, not a budget. */
const MAX_PASSES = 4

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
   * finding anywhere; otherwise undone there and skipped with the reason. A repair can leave a
   * sliver of its own (ground clipped off one area that no neighborhood of the next covers is
   * a gap there), so the slivers found afterwards, and those skipped, get further passes.
   */
  private sliverPlan(actor: Actor): { preview: SliverPreview; changeSet: ChangeSet } {
    let working = this.plans.load()
    const scratch = createValidator(working, this.settings.get().tolerances)
    // New errors are judged against the plan before the batch, so small moves of a gap's ground that repairs one after another make cannot add up.
    const original = this.validation.findings()
    let findings = this.validation.findings()
    // The ground of the slivers between Area Commands repaired so far, this one's included: flagged before the batch,
    // and no neighborhood covered it, so a gap may take it in. Ground a neighborhood covered is another matter: a clip
    // that leaves it to a gap leaves residents without an officer.
    const flagged: AreaGeometry[] = []
    const screen = (p: RepairProposal, at: PlanState): string | null => {
      const f = findings.find((x) => x.id === p.findingId)
      const ground = f && AREA_LEVEL.has(f.kind) ? f.geometry : undefined
      const why = this.forbidden(at, p.changeSet, actor) ?? tryOn(scratch, p.changeSet, original, ground ? [...flagged, ground] : flagged)
      if (!why && ground) flagged.push(ground)
      return why
    }
    const proposals: RepairProposal[] = []
    const skipped = new Map<string, SkippedRepair>()
    const repaired = new Set<string>()
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      // A finding is the same one only when its id and its ground are the same (a repair can leave a crumb under the same id):
      // one repaired is not tried again; one skipped is, as the repairs of the pass before may have given it a neighbor to go to.
      const key = (f: Finding) => `${f.id}|${f.areaM2.toFixed(2)}`
      const todo = findings.filter((f) => isRepairableSliver(f) && !repaired.has(key(f))).sort(sliverOrder)
      if (!todo.length) break
      const r = proposeSliverRepairs(working, todo, screen)
      for (const k of r.skipped) skipped.set(k.findingId, k)
      for (const p of r.proposals) {
        repaired.add(key(todo.find((f) => f.id === p.findingId)!))
        skipped.delete(p.findingId)
      }
      if (!r.proposals.length) break
      proposals.push(...r.proposals)
      working = applyChangeSet(working, r.changeSet)
      findings = scratch.findings()
    }
    // A sliver skipped in one pass may be gone after a later one (a neighbour's repair took it along).
    const left = new Set(scratch.findings().map((f) => f.id))
    const n = proposals.length
    const changeSet = combineChangeSets(`Repair ${n} sliver${n === 1 ? '' : 's'}`, proposals.map((p) => p.changeSet))
    return { preview: { proposals, skipped: [...skipped.values()].filter((k) => left.has(k.findingId)), summary: summarize(scratch.findings()) }, changeSet }
  }
}

/**
 * Neighborhood slivers first, then those between Area Commands: an area's sliver repaired
 * first hands its ground to the area, where it would join a neighborhood gap beside it that
 * its own repair would have closed; after it, a neighborhood borders that ground and takes it.
 */
const AREA_LEVEL = new Set<Finding['kind']>(['area-gap', 'area-overlap'])
const sliverOrder = (a: Finding, b: Finding): number => Number(AREA_LEVEL.has(a.kind)) - Number(AREA_LEVEL.has(b.kind))

/**
 * Applies `cs` to the validator when the guard accepts it and it leaves no error that `original`
 * did not have beyond the repaired slivers' own `ground`; otherwise leaves the validator as it
 * was and says why.
 */
function tryOn(v: PlanValidator, cs: ChangeSet, original: Finding[], ground: AreaGeometry[]): string | null {
  const ids = touched(cs)
  const before = v.findingsFor(ids)
  const latest = v.findings()
  v.apply(cs.ops)
  const refused = guardRefusal(cs, before, v.findingsFor(ids))
  const added = refused ? null : firstNewError(original, v.findings(), SAME_GROUND_M2 + ROUNDING_BAND_M * newEdgeLengthM(cs), latest, ground)
  if (!refused && !added) return null
  v.apply(invertChangeSet(cs).ops)
  if (refused) return refused.message
  return original.some((f) => f.id === added!.id) ? `It would make an error larger: ${added!.message}` : `It would leave a new error: ${added!.message}`
}
