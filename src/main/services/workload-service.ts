import type { CallsImportOut } from '../../shared/ipc/features/staffing-outputs'
import { aggregateWorkload, createPointIndex, type WorkloadResult } from '../../shared/staffing/workload'
import { aggregateByShift, shiftReport, type ShiftReport } from '../../shared/staffing/shift-workload'
import { DEFAULT_SHIFTS, quarterOf, quarterRange, shiftProblems, type Shift } from '../../shared/staffing/shifts'
import type { Repos } from '../db/repos'
import { csvHeaders, guessCfsMapping, parseCfsCsv, type CfsMapping } from '../workload/cfs-csv'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { PlanService } from './plan-service'

const MAX_ERRORS = 1000
const SHIFTS_KEY = 'shifts'

export interface CallsImportInput {
  text: string
  fileName: string
  mapping?: CfsMapping
  defaultMinutes: number
  dryRun: boolean
}

/**
 * Calls for service: imported once, stored as points, aggregated against the current plan on
 * every request so workload follows boundary edits. Aggregation is cached per plan state.
 */
export class WorkloadService {
  private cache: { key: string; result: WorkloadResult } | null = null
  private shiftCache: { key: string; result: ShiftReport } | null = null

  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
  ) {}

  importCalls(input: CallsImportInput, actor: Actor): CallsImportOut {
    if (!input.dryRun) adminOnly(actor, 'import calls for service')
    const mapping: Partial<CfsMapping> = input.mapping ?? guessCfsMapping(csvHeaders(input.text))
    const parsed = parseCfsCsv(input.text, { lon: mapping.lon ?? '', lat: mapping.lat ?? '', ...stripEmpty(mapping) }, { defaultMinutes: input.defaultMinutes })
    const plan = this.plans.load()
    const agg = aggregateWorkload(parsed.points, plan)
    const badLines = new Set(parsed.errors.filter((e) => e.line > 1).map((e) => e.line))
    const out: CallsImportOut = {
      stored: false,
      headers: parsed.headers,
      mapping: { ...mapping },
      rowsRead: parsed.points.length + badLines.size,
      accepted: parsed.points.length,
      errors: parsed.errors.slice(0, MAX_ERRORS),
      errorCount: parsed.errors.length,
      outside: agg.outside.calls,
      outsideSample: agg.outside.sample,
      inCity: parsed.points.length - agg.outside.calls,
    }
    if (input.dryRun) return out
    if (parsed.points.length === 0) {
      const first = parsed.errors[0]
      throw new AppError(
        'calls-unreadable',
        `No call was stored from ${input.fileName}: ${first ? `line ${first.line}${first.column ? `, column "${first.column}"` : ''}: ${first.message}` : 'the file has no rows'}.`,
      )
    }
    this.repos.calls.replaceAll(parsed.points, {
      fileName: input.fileName,
      importedAt: new Date().toISOString(),
      osUser: actor.osUser,
      rowsRead: out.rowsRead,
      rowsSkipped: badLines.size,
      defaultMinutes: input.defaultMinutes,
      mapping: { ...mapping },
    })
    this.cache = null
    this.shiftCache = null
    return { ...out, stored: true }
  }

  clear(actor: Actor): { cleared: number } {
    adminOnly(actor, 'clear the calls for service')
    const n = this.repos.calls.count()
    this.repos.calls.clear()
    this.cache = null
    this.shiftCache = null
    return { cleared: n }
  }

  /** Workload of the stored calls against the plan as stored now. */
  workload(): WorkloadResult {
    const plan = this.plans.load()
    // Geometry and the set of calls decide the result; officers do not.
    const key = `${this.repos.calls.count()}|${this.repos.calls.meta()?.importedAt ?? ''}|${geometryKey(plan)}`
    if (this.cache?.key === key) return this.cache.result
    const result = aggregateWorkload(this.repos.calls.list(), plan, createPointIndex(plan))
    this.cache = { key, result }
    return result
  }

  /** The department's shifts (a setting); Days 06–14, Swing 14–22, Nights 22–06 until one is saved. */
  shifts(): Shift[] {
    const saved = this.repos.settings.get<Shift[]>(SHIFTS_KEY)
    return saved && shiftProblems(saved).length === 0 ? saved : DEFAULT_SHIFTS
  }

  /** The shifts as they would be saved (names trimmed); refused for a commander or when they do not cover the day once. */
  checkShifts(shifts: Shift[], actor: Actor): Shift[] {
    adminOnly(actor, 'change the shifts')
    const clean = shifts.map((s) => ({ name: s.name.trim(), start: s.start, end: s.end }))
    const problems = shiftProblems(clean)
    if (problems.length) throw new AppError('invalid-shifts', `The shifts were not saved: ${problems.join('; ')}.`, { problems })
    return clean
  }

  /** Saves the shifts in this file (the command line's `settings --shifts`); the window saves them as a settings write. */
  setShifts(shifts: Shift[], actor: Actor): Shift[] {
    const clean = this.checkShifts(shifts, actor)
    this.repos.settings.set(SHIFTS_KEY, clean)
    this.shiftCache = null
    return clean
  }

  /** Quarters ("2024-Q1") the timed calls fall in, oldest first. */
  quarters(): string[] {
    const span = this.repos.calls.timeSpan()
    if (!span) return []
    const out: string[] = []
    for (let q = quarterOf(span[0]); ; ) {
      out.push(q)
      if (q === quarterOf(span[1]) || out.length > 400) break
      q = quarterOf(quarterRange(q)![1])
    }
    return out
  }

  /**
   * The stored calls replayed onto the plan as stored now (the draft), per shift: each area's
   * and neighborhood's load with the tolerance rule of the overall balance. `quarter` keeps
   * only that quarter's calls. Null when no stored call has a time.
   */
  byShift(tolerance: number, quarter: string | null = null): ShiftReport | null {
    if (this.repos.calls.timedCount() === 0) return null
    const plan = this.plans.load()
    const shifts = this.shifts()
    const range = quarter ? quarterRange(quarter) : null
    if (quarter && !range) throw new AppError('invalid-quarter', `"${quarter}" is not a quarter; write it as 2024-Q1`)
    const key = `${this.repos.calls.count()}|${this.repos.calls.meta()?.importedAt ?? ''}|${geometryKey(plan)}|${JSON.stringify(shifts)}|${tolerance}|${quarter}|${plan.areas.map((a) => a.name).join(',')}|${plan.neighborhoods.map((n) => n.name).join(',')}`
    if (this.shiftCache?.key === key) return this.shiftCache.result
    const w = aggregateByShift(this.repos.calls.list(), plan, shifts, range ? { from: range[0], to: range[1] } : {})
    const result = shiftReport(plan, w, tolerance)
    this.shiftCache = { key, result }
    return result
  }
}

/** Calls for service are city-wide data that Administration balances staffing with. */
function adminOnly(actor: Actor, what: string): void {
  if (actor.profile.role !== 'admin') throw new AppError('forbidden', `You are acting as an Area Commander; only Administration can ${what}.`)
}

function stripEmpty(m: Partial<CfsMapping>): Partial<CfsMapping> {
  const out: Partial<CfsMapping> = {}
  for (const [k, v] of Object.entries(m) as [keyof CfsMapping, string | undefined][]) if (v) out[k] = v
  return out
}

/** Cheap fingerprint of every boundary: ids, areas and coordinate counts plus a sum of coordinates. */
function geometryKey(plan: ReturnType<PlanService['load']>): string {
  let sum = 0
  let n = 0
  const parts: string[] = []
  for (const g of [...plan.areas, ...plan.neighborhoods]) {
    const polys = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates
    for (const poly of polys)
      for (const ring of poly)
        for (const p of ring) {
          sum += p[0] * 1.000003 + p[1]
          n++
        }
    parts.push('areaId' in g ? `${g.id}@${g.areaId}` : g.id)
  }
  return `${parts.join(',')}|${n}|${sum}`
}
