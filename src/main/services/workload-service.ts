import Papa from 'papaparse'
import type { CallsImportOut } from '../../shared/ipc/features/staffing-outputs'
import { aggregateWorkload, createPointIndex, type WorkloadResult } from '../../shared/staffing/workload'
import type { Repos } from '../db/repos'
import { guessCfsMapping, parseCfsCsv, type CfsMapping } from '../workload/cfs-csv'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { PlanService } from './plan-service'

const MAX_ERRORS = 1000

export interface CallsImportInput {
  text: string
  fileName: string
  mapping?: CfsMapping
  defaultMinutes: number
  dryRun: boolean
}

function headerRow(text: string): string[] {
  const r = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: [',', ';', '\t', '|'] })
  return (r.data[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
}

/**
 * Calls for service: imported once, stored as points, aggregated against the current plan on
 * every request so workload follows boundary edits. Aggregation is cached per plan state.
 */
export class WorkloadService {
  private cache: { key: string; result: WorkloadResult } | null = null

  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
  ) {}

  importCalls(input: CallsImportInput, actor: Actor): CallsImportOut {
    if (!input.dryRun) adminOnly(actor, 'import calls for service')
    const mapping: Partial<CfsMapping> = input.mapping ?? guessCfsMapping(headerRow(input.text))
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
    return { ...out, stored: true }
  }

  clear(actor: Actor): { cleared: number } {
    adminOnly(actor, 'clear the calls for service')
    const n = this.repos.calls.count()
    this.repos.calls.clear()
    this.cache = null
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
