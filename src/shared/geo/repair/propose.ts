import { EditError, whyNotAllowed, type Finding, type PlanState } from '../../domain'
import { giveAreaGap, settleAreaOverlap } from './area-ground'
import { gapCandidates, giveGap, overlapCandidates, pieceOf, settleOverlap } from './give-ground'
import { clipToArea, moveAreaBoundary } from './outside-area'
import { fmtM } from './proposal'
import { repairShape, shapeRepairAvailable } from './repair-shape'
import { RepairError, type RepairActor, type RepairChoice, type RepairOption, type RepairProposal } from './types'

const RULE_WORDS: Record<RepairChoice['rule'], string> = {
  'longest-border': 'giving it to the neighbor with the longest shared border',
  'to-neighborhood': 'giving it to a chosen neighborhood',
  clip: 'clipping it back to its Area Command',
  'move-area-boundary': 'moving the Area Command boundary',
  'make-valid': 'replacing the shape with its repaired form',
}

const KIND_WORDS: Partial<Record<Finding['kind'], string>> = { 'area-gap': 'ground between Area Commands', 'area-overlap': 'ground two Area Commands share', gap: 'a gap', overlap: 'an overlap', 'outside-area': 'ground outside an Area Command', 'invalid-geometry': 'an invalid shape' }

function unfit(f: Finding, choice: RepairChoice): RepairError {
  return new RepairError(`A finding of ${KIND_WORDS[f.kind] ?? `kind ${f.kind}`} cannot be repaired by ${RULE_WORDS[choice.rule] ?? `rule ${choice.rule}`}`)
}

/** The change set one repair makes; throws RepairError with a message for the user when it cannot be made. */
export function proposeRepair(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  try {
    switch (f.kind) {
      case 'gap':
        if (choice.rule === 'longest-border' || choice.rule === 'to-neighborhood') return giveGap(plan, f, choice)
        break
      case 'overlap':
        if (choice.rule === 'longest-border' || choice.rule === 'to-neighborhood') return settleOverlap(plan, f, choice)
        break
      case 'area-gap':
        if (choice.rule === 'longest-border') return giveAreaGap(plan, f, choice)
        break
      case 'area-overlap':
        if (choice.rule === 'longest-border') return settleAreaOverlap(plan, f, choice)
        break
      case 'outside-area':
        if (choice.rule === 'clip') return clipToArea(plan, f, choice)
        if (choice.rule === 'move-area-boundary') return moveAreaBoundary(plan, f, choice)
        break
      case 'invalid-geometry':
        if (choice.rule === 'make-valid') return repairShape(plan, f, choice)
        break
    }
  } catch (e) {
    // The operations' own refusals (an invalid result) read the same to the user.
    if (e instanceof EditError) throw new RepairError(e.message)
    throw e
  }
  throw unfit(f, choice)
}

function candidateOptions(plan: PlanState, f: Finding, actor: RepairActor): RepairOption[] {
  switch (f.kind) {
    case 'gap': {
      const [best, ...rest] = gapCandidates(plan, pieceOf(f), f.areaIds)
      if (!best) return []
      return [
        { rule: 'longest-border', targetId: best.n.id, label: `Give to ${best.n.name} (longest shared border, ${fmtM(best.borderM)})` },
        ...rest.map((c): RepairOption => ({ rule: 'to-neighborhood', targetId: c.n.id, label: `Give to ${c.n.name} (shared border, ${fmtM(c.borderM)})` })),
      ]
    }
    case 'overlap': {
      const [keep, lose] = overlapCandidates(plan, f)
      return [
        { rule: 'longest-border', targetId: keep.n.id, label: `Keep with ${keep.n.name} (longest shared border, ${fmtM(keep.borderM)}), off ${lose.n.name}` },
        { rule: 'to-neighborhood', targetId: lose.n.id, label: `Keep with ${lose.n.name}, off ${keep.n.name}` },
      ]
    }
    case 'area-gap':
      return actor.role === 'admin' ? [{ rule: 'longest-border', label: 'Give to the Area Command with the longest shared border' }] : []
    case 'area-overlap':
      return actor.role === 'admin' && f.areaIds.length === 2 ? [{ rule: 'longest-border', label: 'Keep with the Area Command with the longest shared border' }] : []
    case 'outside-area': {
      const n = plan.neighborhoods.find((x) => x.id === f.neighborhoodIds[0])
      const area = n && plan.areas.find((a) => a.id === n.areaId)
      if (!n || !area) return []
      const out: RepairOption[] = [{ rule: 'clip', label: `Clip ${n.name} back to ${area.name}` }]
      if (actor.role === 'admin') out.push({ rule: 'move-area-boundary', label: `Move ${area.name}'s boundary to take it in` })
      return out
    }
    case 'invalid-geometry':
      return shapeRepairAvailable(plan, f) ? [{ rule: 'make-valid', label: 'Replace with its repaired shape' }] : []
    default:
      return []
  }
}

/**
 * The repairs `actor` may make on a finding, the analyst's usual choice first. For an Area
 * Commander each is worked out and kept only when the change set stays inside their area
 * (the same permission rule the main process enforces).
 */
export function repairOptions(plan: PlanState, f: Finding, actor: RepairActor): RepairOption[] {
  let opts: RepairOption[]
  try {
    opts = candidateOptions(plan, f, actor)
  } catch (e) {
    if (e instanceof RepairError) return []
    throw e
  }
  if (actor.role === 'admin') return opts
  const ctx = { areas: plan.areas, neighborhoods: plan.neighborhoods }
  return opts.filter((o) => {
    try {
      return whyNotAllowed(actor, proposeRepair(plan, f, o).changeSet, ctx) === null
    } catch (e) {
      if (e instanceof RepairError) return false
      throw e
    }
  })
}
