import type { Db } from '../db/connection'
import type { PlanState } from '../../shared/domain'
import { safeLine } from '../../shared/text/safe-text'

/** What the first line of `validate`'s text names: the city limit and how many of each there are. The name is safeLine'd: it sits inside that line. */
export interface PlanCounts {
  cityName: string | null
  areas: number
  neighborhoods: number
  officers: number
}

/**
 * Counted by SQLite rather than by loading the plan a second time (the validator has already
 * loaded it once): with 200,000 officers the second load took seconds, longer than printing
 * the findings. The same rows as PlanService.load() reads: one per table row, one city at id 1.
 */
export function countPlan(db: Db): PlanCounts {
  const r = db
    .prepare<[], PlanCounts>(
      `SELECT (SELECT name FROM city WHERE id = 1) AS cityName,
        (SELECT COUNT(*) FROM areas) AS areas,
        (SELECT COUNT(*) FROM neighborhoods) AS neighborhoods,
        (SELECT COUNT(*) FROM officers) AS officers`,
    )
    .get()!
  return { cityName: r.cityName === null ? null : safeLine(r.cityName), areas: r.areas, neighborhoods: r.neighborhoods, officers: r.officers }
}

/** The same counts from a plan already in memory (the app and tests hold one). */
export function countsOf(plan: PlanState): PlanCounts {
  return { cityName: plan.city ? safeLine(plan.city.name) : null, areas: plan.areas.length, neighborhoods: plan.neighborhoods.length, officers: plan.officers.length }
}
