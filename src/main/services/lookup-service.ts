import { createLookup, type LookupAnswer } from '../../shared/lookup/point-lookup'
import { DEFAULT_DEPARTMENT } from '../../shared/publish/public-dataset'
import type { Repos } from '../db/repos'
import { AppError } from './app-error'
import type { PlanService } from './plan-service'

type Lookup = ReturnType<typeof createLookup>

/**
 * "Who is my officer?" on the plan as stored, answered with exactly the public fields the
 * published page shows. The index is rebuilt only after the plan changed (new audit row).
 */
export class LookupService {
  private cached: { key: string; lookup: Lookup } | null = null
  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
  ) {}

  private current(): Lookup {
    const key = `${this.repos.audit.recent(1)[0]?.seq ?? 0}`
    if (this.cached?.key !== key) this.cached = { key, lookup: createLookup(this.plans.load(), DEFAULT_DEPARTMENT) }
    return this.cached.lookup
  }

  /** Drops the index, e.g. after a restore replaced the database under the same audit sequence. */
  reset(): void {
    this.cached = null
  }

  /** null: the point is outside every Area Command. */
  lookup(lon: number, lat: number): LookupAnswer | null {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new AppError('bad-coordinates', `Longitude must be between -180 and 180 and latitude between -90 and 90 (got ${lon}, ${lat}).`)
    }
    return this.current().lookup(lon, lat)
  }
}
