import type { insightContract } from '../../../shared/ipc/features/insight-contract'
import type { Services } from '../../services'
import { continuityBasis } from '../../services/continuity-basis'
import type { FeatureHandlers } from '../handlers'

export function insightHandlers(s: Services): FeatureHandlers<keyof typeof insightContract> {
  return {
    'insight:basis': () => continuityBasis(s.repos),
  }
}
