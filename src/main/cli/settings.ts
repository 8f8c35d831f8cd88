import type { Settings } from '../../shared/ipc/outputs'
import { departmentSchema } from '../../shared/ipc/features/core-contract'
import { missingDepartmentFields } from '../../shared/publish/public-dataset'
import { safeLine } from '../../shared/text/safe-text'
import { formatLength, formatSquareMetres, toleranceToInput, UNITS, type Units } from '../../shared/units/format'
import type { SettingsPatch } from '../services/settings-service'
import { str } from './args'
import { EXIT, InputError, type CliIo, type CliCommand } from './command'
import { openPlan } from './open-plan'

const NOT_SET = '(not set)'

/** A flag's value checked by the same schema as the app's settings form, so both refuse the same text. */
function departmentField(flag: string, field: 'name' | 'nonEmergencyPhone', value: string): string {
  const r = departmentSchema.shape[field].safeParse(value)
  if (!r.success) throw new InputError(`settings: --${flag}: ${r.error.issues[0]?.message ?? 'not accepted'}; nothing was changed`)
  return r.data
}

function print(s: Settings, io: CliIo): void {
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
    ].join('\n'),
  )
  const missing = missingDepartmentFields(d)
  if (missing.length) io.out(`Publishing is refused until ${missing.map((f) => `${f.flag}`).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} set.`)
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "Print the plan's settings, or set the units and the department's public name and non-emergency phone.",
  flags: {
    db: { type: 'string', required: true, arg: '<file>', help: 'the plan database' },
    units: { type: 'string', values: UNITS, help: 'how the app shows areas, widths and tolerances (stored values stay in metres)' },
    'department-name': { type: 'string', arg: '<text>', help: 'the department as residents see it on the public map (at most 120 characters)' },
    'department-phone': { type: 'string', arg: '<text>', help: 'its non-emergency phone, shown where an area has no commander (at most 40 characters)' },
  },
  notes: [
    'With no flag, prints the settings. A new plan has no department name or phone: export refuses until both are set.',
    'Without --units the app follows the system locale (US customary for en-US and es-US, metric elsewhere).',
  ],
  async run(flags, io) {
    const name = str(flags, 'department-name')
    const phone = str(flags, 'department-phone')
    const units = str(flags, 'units') as Units | undefined
    // Checked before the plan is opened: a refused value changes nothing.
    const checkedName = name === undefined ? undefined : departmentField('department-name', 'name', name)
    const checkedPhone = phone === undefined ? undefined : departmentField('department-phone', 'nonEmergencyPhone', phone)
    const writes = units !== undefined || name !== undefined || phone !== undefined
    const plan = await openPlan(str(flags, 'db')!, writes ? { purpose: 'change its settings' } : { readOnly: true })
    try {
      const { settings } = plan.services
      if (writes) {
        const patch: SettingsPatch = {}
        if (units) patch.units = units
        if (checkedName !== undefined || checkedPhone !== undefined) {
          const d = settings.get().department
          patch.department = { ...d, ...(checkedName !== undefined ? { name: checkedName } : {}), ...(checkedPhone !== undefined ? { nonEmergencyPhone: checkedPhone } : {}) }
        }
        settings.set(patch)
        const what = [units && 'units', checkedName !== undefined && 'department name', checkedPhone !== undefined && 'non-emergency phone'].filter(Boolean).join(', ')
        io.out(`Saved the ${what}.`)
      }
      print(settings.get(), io)
      return EXIT.ok
    } finally {
      plan.close()
    }
  },
}
