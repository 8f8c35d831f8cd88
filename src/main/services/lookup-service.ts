import { createLookup, type LookupAnswer } from '../../shared/lookup/point-lookup'
import type { DepartmentContact } from '../../shared/publish/public-dataset'
import { DEFAULT_VACANCY_FALLBACK, type VacancyFallback } from '../../shared/domain/vacancy'
import type { Repos } from '../db/repos'
import { AppError } from './app-error'
import type { PlanService } from './plan-service'

type Lookup = ReturnType<typeof createLookup>

/**
 * "Who is my officer?" on the plan as stored, answered with exactly the public fields the
 * published page shows. The index is rebuilt only after something was written to the database.
 */
export class LookupService {
  private cached: { key: string; lookup: Lookup } | null = null
  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
    private readonly department: () => DepartmentContact,
    /** Who covers a neighborhood without an active officer (the department's setting). */
    private readonly vacancy: () => VacancyFallback = () => DEFAULT_VACANCY_FALLBACK,
  ) {}

  private current(): Lookup {
    const department = this.department()
    const vacancy = this.vacancy()
    const key = `${this.repos.versions.planStamp()}|${JSON.stringify(department)}|${JSON.stringify(vacancy)}`
    if (this.cached?.key !== key) this.cached = { key, lookup: createLookup(this.plans.load(), department, vacancy) }
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

  /** Many points against one state of the plan (bulk checks, benchmarks): one freshness check in all. */
  lookupMany(points: readonly (readonly [number, number])[]): (LookupAnswer | null)[] {
    const lk = this.current()
    return points.map(([lon, lat]) => lk.lookup(lon, lat))
  }
}
