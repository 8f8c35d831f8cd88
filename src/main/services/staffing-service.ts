import { area as turfArea } from '@turf/area'
import { transferChangeSet, type Officer, type PlanState } from '../../shared/domain'
import type { AreaStaffing, ContinuityOut, ShiftLoadOut, StaffingSummaryOut, SuggestionOut } from '../../shared/ipc/features/staffing-outputs'
import { worksShift } from '../../shared/staffing/shifts'
import { AppError } from './app-error'
import { computeBalance, continuity, countActiveOfficers } from '../../shared/staffing/balance'
import { suggestMoves, type SuggestedMove } from '../../shared/staffing/suggest-moves'
import type { Repos } from '../db/repos'
import type { PlanService } from './plan-service'
import type { WorkloadService } from './workload-service'

const BASELINE_KEY = 'staffing:baseline'
export const DEFAULT_MOVE_TOLERANCE = 0.1

interface Baseline {
  at: string
  /** officer id -> adopted neighborhood id (null: none) */
  adoptions: Record<string, string | null>
}

function asPlan(adoptions: Record<string, string | null>): PlanState {
  return {
    city: null,
    areas: [],
    neighborhoods: [],
    officers: Object.entries(adoptions).map(([id, neighborhoodId]) => ({ id, neighborhoodId }) as Officer),
  }
}

function cont(c: { officersKeepingNeighborhood: number; share: number }, considered: number): ContinuityOut {
  return { share: c.share, kept: c.officersKeepingNeighborhood, considered }
}

/** Administration's staffing view: headcount, workload, balance figures and suggested transfers. */
export class StaffingService {
  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
    private readonly workload: WorkloadService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  summary(tolerance = DEFAULT_MOVE_TOLERANCE): StaffingSummaryOut {
    const plan = this.plans.load()
    const w = this.workload.workload()
    const active = countActiveOfficers(plan)
    const officerById = new Map(plan.officers.map((o) => [o.id, o]))
    const adopted = new Set(plan.officers.filter((o) => o.neighborhoodId && o.status === 'active').map((o) => o.neighborhoodId!))

    const areas: AreaStaffing[] = plan.areas.map((a) => {
      const mine = plan.officers.filter((o) => o.areaId === a.id)
      const activeByShift: Record<string, number> = {}
      for (const o of mine) if (o.status === 'active') activeByShift[o.shift.trim()] = (activeByShift[o.shift.trim()] ?? 0) + 1
      const nbs = plan.neighborhoods.filter((n) => n.areaId === a.id)
      const commander = a.commanderId ? officerById.get(a.commanderId) : undefined
      return {
        areaId: a.id,
        name: a.name,
        color: a.color,
        commanderName: commander ? `${commander.rank} ${commander.displayName}`.trim() : null,
        officers: {
          active: mine.filter((o) => o.status === 'active').length,
          leave: mine.filter((o) => o.status === 'leave').length,
          vacant: mine.filter((o) => o.status === 'vacant').length,
        },
        activeByShift,
        neighborhoods: nbs.length,
        unassignedNeighborhoods: nbs.filter((n) => !adopted.has(n.id)).map((n) => ({ id: n.id, name: n.name })),
        officersWithoutNeighborhood: mine.filter((o) => o.status === 'active' && o.neighborhoodId === null).length,
        areaKm2: turfArea(a.geometry) / 1e6,
        calls: w.byArea[a.id]?.calls ?? 0,
        workload: w.byArea[a.id]?.workload ?? 0,
      }
    })
    const workloadByArea = Object.fromEntries(areas.map((a) => [a.areaId, a.workload]))
    const balance = computeBalance(areas.map((a) => ({ areaId: a.areaId, officers: active[a.areaId] ?? 0, workload: a.workload })))
    const moves = suggestMoves(plan, workloadByArea, { tolerance })
    const suggestions = moves.map((m) => this.suggestion(m, plan))

    const current = Object.fromEntries(plan.officers.map((o) => [o.id, o.neighborhoodId]))
    const after = { ...current }
    for (const m of moves) after[m.officerId] = null
    const adopting = plan.officers.filter((o) => o.neighborhoodId !== null).length
    const baseline = this.baseline(current)
    const baselineAdopting = Object.entries(baseline.adoptions).filter(([id, nb]) => nb !== null && id in current).length

    const meta = this.repos.calls.meta()
    const unassignedInArea = Object.values(w.unassignedInArea).reduce((s, t) => s + t.calls, 0)
    const inCity = Object.values(w.byArea).reduce((s, t) => s + t.calls, 0)
    return {
      areas,
      balance,
      calls: {
        total: inCity + w.outside.calls,
        inCity,
        outside: w.outside.calls,
        outsideWorkload: w.outside.workload,
        outsideSample: w.outside.sample,
        unassignedInArea,
        import: meta && {
          fileName: meta.fileName, importedAt: meta.importedAt, osUser: meta.osUser,
          rowsRead: meta.rowsRead, rowsSkipped: meta.rowsSkipped, defaultMinutes: meta.defaultMinutes,
        },
      },
      tolerance,
      suggestions,
      continuityIfApplied: cont(continuity(asPlan(current), asPlan(after)), adopting),
      continuitySinceBaseline: { ...cont(continuity(asPlan(baseline.adoptions), asPlan(current)), baselineAdopting), baselineAt: baseline.at },
    }
  }

  /**
   * Workload by shift on the draft (every stored call, or one quarter's), and with `shift` the
   * transfers that balance that shift: its workload per area, only officers working it (roster
   * shift text matching the shift's name, ignoring case and a plural s), the same tolerance.
   */
  byShift(tolerance = DEFAULT_MOVE_TOLERANCE, quarter: string | null = null, shift: string | null = null): ShiftLoadOut {
    const shifts = this.workload.shifts()
    const report = this.workload.byShift(tolerance, quarter)
    const i = shift === null ? -1 : shifts.findIndex((s) => s.name === shift)
    if (shift !== null && i < 0) throw new AppError('unknown-shift', `There is no shift named "${shift}"; the shifts are ${shifts.map((s) => s.name).join(', ')}`)
    const plan = this.plans.load()
    const shiftOfficers: Record<string, number> = {}
    if (i >= 0) for (const a of plan.areas) shiftOfficers[a.id] = plan.officers.filter((o) => o.areaId === a.id && o.status === 'active' && worksShift(o.shift, shifts[i].name)).length
    const suggestions =
      i >= 0 && report
        ? suggestMoves(plan, Object.fromEntries(report.areas.map((a) => [a.id, a.workload[i]])), {
            tolerance,
            shift: { name: shifts[i].name, works: (o) => worksShift(o.shift, shifts[i].name) },
          }).map((m) => this.suggestion(m, plan))
        : []
    return { shifts, quarters: this.workload.quarters(), quarter, report, shift: i >= 0 ? shifts[i].name : null, suggestions, shiftOfficers }
  }

  /** Continuity is measured from now on. */
  setBaseline(): { baselineAt: string } {
    const plan = this.plans.load()
    const b: Baseline = { at: this.now().toISOString(), adoptions: Object.fromEntries(plan.officers.map((o) => [o.id, o.neighborhoodId])) }
    this.repos.settings.set(BASELINE_KEY, b)
    return { baselineAt: b.at }
  }

  private baseline(current: Record<string, string | null>): Baseline {
    const saved = this.repos.settings.get<Baseline>(BASELINE_KEY)
    if (saved) return saved
    // First look at staffing: today's plan is what later moves are compared with.
    const b: Baseline = { at: this.now().toISOString(), adoptions: current }
    this.repos.settings.set(BASELINE_KEY, b)
    return b
  }

  private suggestion(m: SuggestedMove, plan: PlanState): SuggestionOut {
    const o = plan.officers.find((x) => x.id === m.officerId)!
    const name = (id: string) => plan.areas.find((a) => a.id === id)?.name ?? id
    return {
      officerId: o.id,
      officerName: `${o.rank} ${o.displayName}`.trim(),
      fromAreaId: m.fromAreaId,
      fromName: name(m.fromAreaId),
      toAreaId: m.toAreaId,
      toName: name(m.toAreaId),
      reason: m.reason,
      changeSet: transferChangeSet(o, m.toAreaId, { from: name(m.fromAreaId), to: name(m.toAreaId) }),
    }
  }
}
