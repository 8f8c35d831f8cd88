import type { PlanState } from '../../shared/domain'
import type { Repos } from '../db/repos'

export class PlanService {
  constructor(private readonly repos: Repos) {}

  load(): PlanState {
    return {
      city: this.repos.city.get(),
      areas: this.repos.areas.list(),
      neighborhoods: this.repos.neighborhoods.list(),
      officers: this.repos.officers.list(),
    }
  }

  isEmpty(): boolean {
    return this.repos.areas.list().length === 0 && this.repos.city.get() === null
  }
}
