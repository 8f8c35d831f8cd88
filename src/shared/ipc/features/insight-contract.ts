import { z } from 'zod'
import type { PlanState } from '../../domain'

/**
 * What the window measures the draft's continuity against, asked once (and again after a
 * publication or an import of addresses or calls): the last published plan and the points
 * placed in both plans. Every edit after that is measured in the window from the change it
 * already receives (plan.took), without asking the main process again.
 */
export interface ContinuityBasis {
  /** The last published version; null when nothing is published yet (then plan is null too). */
  version: { number: number; effectiveDate: string } | null
  plan: PlanState | null
  /** Imported address points (residents), in address order. */
  addresses: { address: string[]; lon: number[]; lat: number[] }
  /** Imported calls for service with their workload in unit-hours (hours x units). */
  calls: { lon: number[]; lat: number[]; weight: number[] }
}

export const insightContract = {
  'insight:basis': { input: z.undefined() },
} as const

export interface InsightOutputs {
  'insight:basis': ContinuityBasis
}
