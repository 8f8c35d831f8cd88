import { showList, showValue } from '../../shared/text/bounded'
import type { Repos } from '../db/repos'
import { AppError } from '../services/app-error'
import type { PlanService } from '../services/plan-service'
import { planHash } from '../services/publish-service'
import type { SettingsService } from '../services/settings-service'
import { renderRollCall } from './roll-call-pdf'
import { rollCallSheet, type Paper } from './roll-call-sheet'

export interface RollCallSources {
  repos: Repos
  plans: PlanService
  settings: SettingsService
}

/** Local calendar date, YYYY-MM-DD: what a roll-call sheet is dated with. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** A file name for the sheet: the area id and date, with anything a file system dislikes replaced. */
export function rollCallFileName(areaId: string, date: string): string {
  return `roll-call-${areaId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'area'}-${date}.pdf`
}

/**
 * The one roll-call builder, used by the command line (`print`) and the app (over IPC), so the
 * two print the same page: the draft plan's area, its neighborhoods and their adopting officers,
 * stamped with the latest published version when the draft still equals it.
 */
export async function rollCallPdf(src: RollCallSources, areaId: string, paper: Paper, now = new Date()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const plan = src.plans.load()
  const area = plan.areas.find((a) => a.id === areaId)
  if (!area) {
    const ids = plan.areas.map((a) => a.id).sort()
    throw new AppError('unknown-area', `There is no Area Command with id '${showValue(areaId, 60)}'; ${ids.length ? `the plan's areas are: ${showList(ids)}` : 'the plan has no Area Commands yet'}.`)
  }
  const last = src.repos.versions.latest()
  const settings = src.settings.get()
  const today = localDate(now)
  const sheet = rollCallSheet(plan, area, {
    published: last ? { number: last.number, effectiveDate: last.effectiveDate } : null,
    draftChanged: !last || last.planHash !== planHash(plan),
    today,
    department: settings.department.name,
    units: settings.units,
  })
  return { bytes: await renderRollCall(sheet, paper), fileName: rollCallFileName(area.id, today) }
}
