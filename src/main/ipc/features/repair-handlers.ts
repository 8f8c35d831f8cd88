import type { repairContract } from '../../../shared/ipc/features/repair-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

/** Repairs act for the profile in use: a commander repairs only what a hand edit of theirs could change. */
export function repairHandlers(s: Services): FeatureHandlers<keyof typeof repairContract> {
  return {
    'repair:options': ({ findingId }) => {
      s.writes.views?.showRepairOptions(findingId)
      return s.repairs.options(findingId, s.session.actor())
    },
    'repair:preview': ({ findingId, rule, targetId }) => s.repairs.preview(findingId, { rule, targetId }, s.session.actor()),
    'repair:apply': async ({ findingId, rule, targetId }) => {
      const actor = s.session.actor()
      const { value, write } = await s.writes.write(actor, () => s.repairs.apply(findingId, { rule, targetId }, actor), (r) => r)
      return { ...write!, proposal: value.proposal }
    },
    'repair:previewSlivers': () => s.repairs.previewSlivers(s.session.actor()),
    'repair:slivers': async () => {
      const actor = s.session.actor()
      const { value, write } = await s.writes.write(actor, () => s.repairs.repairSlivers(actor), (r) => r)
      return { ...write!, proposals: value.proposals, skipped: value.skipped }
    },
  }
}
