import { z } from 'zod'
import { REPAIR_RULES, type RepairOption, type RepairProposal, type RepairRule, type SkippedRepair } from '../../geo/repair/types'
import type { FindingSummary } from '../../domain'
import type { WriteResult } from '../write-result'

/** Finding ids are `kind:hash`; anything much longer did not come from the validator. */
const findingId = z.string().min(1, 'the finding id must not be empty').max(200, 'the finding id is longer than 200 characters')
const choice = z.strictObject({
  findingId,
  rule: z.enum(REPAIR_RULES as readonly [RepairRule, ...RepairRule[]], { message: `rule must be one of ${REPAIR_RULES.join(', ')}` }),
  /** The neighborhood that takes the ground, for the rule to-neighborhood. */
  targetId: z.string().trim().min(1, 'targetId must not be empty').max(100, 'targetId is longer than 100 characters').optional(),
})

export const repairContract = {
  'repair:options': { input: z.strictObject({ findingId }) },
  'repair:preview': { input: choice },
  'repair:apply': { input: choice },
  'repair:previewSlivers': { input: z.undefined() },
  'repair:slivers': { input: z.undefined() },
} as const

export interface SliverRepairs {
  proposals: RepairProposal[]
  skipped: SkippedRepair[]
}

export interface RepairOutputs {
  'repair:options': RepairOption[]
  'repair:preview': RepairProposal
  /** Stored like a hand edit: one change set, one undo step. */
  'repair:apply': WriteResult & { proposal: RepairProposal }
  /** With the plan's findings summary as it would be after these repairs. */
  'repair:previewSlivers': SliverRepairs & { summary: FindingSummary }
  'repair:slivers': WriteResult & SliverRepairs
}
