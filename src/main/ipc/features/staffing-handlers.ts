import type { staffingContract } from '../../../shared/ipc/features/staffing-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'
import { settingsWrite } from './settings-write'

export function staffingHandlers(s: Services): FeatureHandlers<keyof typeof staffingContract> {
  return {
    'roster:preview': ({ text, mapping }) => s.officers.preview(text, mapping),
    'roster:import': async ({ text, mapping, skipErrorRows }) => {
      const actor = s.session.actor()
      const { value, write } = await s.writes.write(actor, () => s.officers.import(text, mapping, skipErrorRows, actor), (r) => r.applied)
      return { ...value, applied: write }
    },
    'roster:export': () => s.officers.exportCsv(),
    'workload:import': (input) => s.workload.importCalls(input, s.session.actor()),
    'workload:clear': () => s.workload.clear(s.session.actor()),
    'staffing:summary': ({ tolerance }) => {
      s.writes.views?.showStaffing(tolerance)
      return s.staffing.summary(tolerance)
    },
    'staffing:setBaseline': () => s.staffing.setBaseline(),
    'staffing:byShift': ({ tolerance, quarter, shift }) => {
      const out = s.staffing.byShift(tolerance, quarter ?? null, shift ?? null)
      s.writes.views?.showByShift(tolerance, quarter ?? null, shift ?? null)
      return out
    },
    'workload:setShifts': async ({ shifts }) => {
      const { write } = await settingsWrite(s, { shifts: s.workload.checkShifts(shifts, s.session.actor()) })
      return { shifts: s.workload.shifts(), write }
    },
    'nesting:check': ({ file, idField, tolerance }) => s.nesting.check({ name: file.name, bytes: file.bytes }, { idField, tolerance }),
  }
}
