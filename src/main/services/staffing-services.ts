import type { Repos } from '../db/repos'
import type { ChangeService } from './change-service'
import { NestingService } from './nesting-service'
import { OfficerService } from './officer-service'
import type { PlanService } from './plan-service'
import { StaffingService } from './staffing-service'
import { WorkloadService } from './workload-service'

/** The roster, calls-for-service and staffing services, added to the composition root with one spread. */
export interface StaffingServices {
  officers: OfficerService
  workload: WorkloadService
  staffing: StaffingService
  nesting: NestingService
}

export function createStaffingServices(repos: Repos, plans: PlanService, changes: ChangeService): StaffingServices {
  const workload = new WorkloadService(repos, plans)
  return { officers: new OfficerService(repos, changes), workload, staffing: new StaffingService(repos, plans, workload), nesting: new NestingService(repos, plans) }
}
