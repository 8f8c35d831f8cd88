import type { Settings } from '../../shared/ipc/outputs'
import { VACANCY_COVERS, type AreaCommand, type Officer, type VacancyCoverChoice } from '../../shared/domain'
import { AppError } from '../services/app-error'
import { departmentSchema } from '../../shared/ipc/features/core-contract'
import { missingDepartmentFields } from '../../shared/publish/public-dataset'
import { safeLine } from '../../shared/text/safe-text'
import { formatLength, formatSquareMetres, toleranceToInput, UNITS, type Units } from '../../shared/units/format'
import type { SettingsPatch } from '../services/settings-service'
import { parseShiftSpec, shiftText, type Shift } from '../../shared/staffing/shifts'
import { str } from './args'
import { EXIT, InputError, type CliIo, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

const NOT_SET = '(not set)'

/** A flag's value checked by the same schema as the app's settings form, so both refuse the same text. */
function departmentField(flag: string, field: 'name' | 'nonEmergencyPhone', value: string): string {
  const r = departmentSchema.shape[field].safeParse(value)
  if (!r.success) throw new InputError(`settings: --${flag}: ${r.error.issues[0]?.message ?? 'not accepted'}; nothing was changed`)
  return r.data
}

/** "NE=off-004,NW=off-027": each Area Command id with the officer id of the sergeant covering its vacancies. */
function sergeantsFlag(value: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(part)
    if (!m) throw new InputError(`settings: --vacancy-sergeant: "${safeLine(part).slice(0, 80)}" is not AREA=OFFICER (for example NE=off-004); nothing was changed`)
    out[m[1].trim()] = m[2].trim()
  }
  return out
}

/** Who covers a vacancy, in words: "the Area Commander", or each area's sergeant by name. */
function vacancyLine(s: Settings, areas: AreaCommand[], officers: Map<string, Officer>): string {
  const v = s.vacancyFallback
  if (v.cover === 'commander') return 'vacancy cover: the Area Commander'
  const each = areas.map((a) => {
    const o = officers.get(v.sergeants[a.id] ?? '')
    return `${safeLine(a.name)}: ${o ? safeLine(`${o.rank} ${o.displayName}`) : 'the Area Commander (no sergeant chosen)'}`
  })
  return `vacancy cover: the area's sergeant (${each.join('; ')})`
}

function print(s: Settings, io: CliIo, vacancy: string, shifts: Shift[]): void {
  const d = s.department
  const shown = (v: string) => (v.trim() ? safeLine(v) : NOT_SET)
  const t = s.tolerances
  // Tolerances are stored in metres; US units show them in feet with the stored figure beside.
  const both = (m: string, us: string) => (s.units === 'us' ? `${us} (stored as ${m})` : m)
  io.out(
    [
      `units: ${s.units}${s.unitsFromLocale ? ' (not set: from the system locale; set with --units)' : ''}`,
      `department name: ${shown(d.name)}`,
      `department non-emergency phone: ${shown(d.nonEmergencyPhone)}`,
      `department address: ${shown(d.address)}`,
      `emergency number: ${shown(d.emergency)}`,
      `sliver width tolerance: ${both(formatLength(t.sliverWidthM, 'metric'), formatLength(t.sliverWidthM, 'us'))}`,
      `sliver area tolerance: ${both(formatSquareMetres(t.sliverAreaM2), `${toleranceToInput(t.sliverAreaM2, 'area', 'us').toLocaleString('en-US')} sq ft`)}`,
      `unassigned neighborhood blocks publishing: ${t.unassignedIsError ? 'yes' : 'no'}`,
      vacancy,
      `shifts: ${shifts.map(shiftText).join(', ')}`,
    ].join('\n'),
  )
  const missing = missingDepartmentFields(d)
  if (missing.length) io.out(`Publishing is refused until ${missing.map((f) => `${f.flag}`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} set.`)
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "Print the plan's settings, or set the units, the department's public name and non-emergency phone, and who covers a neighborhood with no active officer.",
  flags: {
    db: TARGET_FLAGS.db,
    server: { ...TARGET_FLAGS.server, help: `${TARGET_FLAGS.server.help}; the plan's settings are stored there for every desk (Administration only)` },
    units: { type: 'string', values: UNITS, help: 'how the app shows areas, widths and tolerances (stored values stay in meters)' },
    'department-name': { type: 'string', arg: '<text>', help: 'the department as residents see it on the public map (at most 120 characters)' },
    'department-phone': { type: 'string', arg: '<text>', help: 'its non-emergency phone, shown where an area has no commander (at most 40 characters)' },
    'vacancy-cover': { type: 'string', values: VACANCY_COVERS, help: "who residents are given for a neighborhood with no active officer: the Area Commander, or each area's sergeant (--vacancy-sergeant)" },
    shifts: { type: 'string', arg: '"Days=06-14,Swing=14-22,Nights=22-06"', help: 'the department\'s shifts (workload by shift): names unique, together covering every hour once, overnight allowed' },
    'vacancy-sergeant': { type: 'string', arg: '<AREA=OFFICER,...>', help: "the sergeant covering each Area Command's vacancies, by ids (NE=off-004,NW=off-027); an active officer of that area" },
  },
  notes: [
    'With no flag, prints the settings. A new plan has no department name or phone: export refuses until both are set.',
    'Without --units the app follows the system locale (US customary for en-US and es-US, metric elsewhere).',
  ],
  async run(flags, io) {
    const name = str(flags, 'department-name')
    const phone = str(flags, 'department-phone')
    const units = str(flags, 'units') as Units | undefined
    const cover = str(flags, 'vacancy-cover') as VacancyCoverChoice | undefined
    const sergeantsText = str(flags, 'vacancy-sergeant')
    const sergeants = sergeantsText === undefined ? undefined : sergeantsFlag(sergeantsText)
    const shiftsText = str(flags, 'shifts')
    let shifts: Shift[] | undefined
    if (shiftsText !== undefined) {
      try {
        shifts = parseShiftSpec(shiftsText)
      } catch (e) {
        throw new InputError(`settings: --shifts: ${(e as Error).message}; nothing was changed`)
      }
    }
    // Checked before the plan is opened: a refused value changes nothing.
    const checkedName = name === undefined ? undefined : departmentField('department-name', 'name', name)
    const checkedPhone = phone === undefined ? undefined : departmentField('department-phone', 'nonEmergencyPhone', phone)
    const writes = units !== undefined || name !== undefined || phone !== undefined || cover !== undefined || sergeants !== undefined || shifts !== undefined
    const plan = await openTarget('settings', flags, writes ? { purpose: 'change its settings' } : { readOnly: true })
    try {
      const { settings } = plan.services
      if (writes) {
        const patch: SettingsPatch = {}
        if (units) patch.units = units
        if (checkedName !== undefined || checkedPhone !== undefined) {
          const d = settings.get().department
          patch.department = { ...d, ...(checkedName !== undefined ? { name: checkedName } : {}), ...(checkedPhone !== undefined ? { nonEmergencyPhone: checkedPhone } : {}) }
        }
        if (cover !== undefined || sergeants !== undefined) {
          const v = settings.get().vacancyFallback
          patch.vacancyFallback = { cover: cover ?? v.cover, sergeants: { ...v.sergeants, ...sergeants } }
        }
        try {
          // One change, one transaction with its audit row; on a server, stored there first (or refused, changing nothing).
          if (shifts) patch.shifts = plan.services.workload.checkShifts(shifts, plan.actor)
          await settings.change(patch, plan.actor)
        } catch (e) {
          // The roster check names the area and the officer; nothing was stored.
          if (e instanceof AppError) throw new InputError(`settings: ${e.message}`)
          throw e
        }
        const what = [units && 'units', checkedName !== undefined && 'department name', checkedPhone !== undefined && 'non-emergency phone', patch.vacancyFallback && 'vacancy cover', shifts && 'shifts']
          .filter(Boolean)
          .join(', ')
        io.out(`Saved the ${what}.`)
      }
      const { repos } = plan.services
      print(settings.get(), io, vacancyLine(settings.get(), repos.areas.list(), new Map(repos.officers.list().map((o) => [o.id, o]))), plan.services.workload.shifts())
      return EXIT.ok
    } finally {
      await plan.closeAll()
    }
  },
}
