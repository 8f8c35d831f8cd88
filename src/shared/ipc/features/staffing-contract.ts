import { z } from 'zod'
import { MAX_CALLS_CSV_CHARS, MAX_ROSTER_CSV_CHARS } from './staffing-channels'
import type { CallsImportOut, NestingOut, RosterImportOut, RosterPreviewOut, ShiftLoadOut, StaffingSummaryOut } from './staffing-outputs'
import type { Shift } from '../../staffing/shifts'
import { importFileSchema } from './import-contract'
import type { WriteResult } from '../write-result'

export type * from './staffing-outputs'

/** Roster fields a column can be mapped to (the order of the export). Kept in step with src/main/roster by a test. */
export const ROSTER_MAPPING_FIELDS = [
  'displayName', 'rank', 'email', 'deskPhone', 'employeeId', 'badge', 'personalPhone', 'personalEmail', 'homeAddress', 'notes',
  'shift', 'status', 'area', 'neighborhood',
] as const

export { MAX_CALLS_CSV_CHARS, MAX_ROSTER_CSV_CHARS }

const header = z.string().max(200, 'a column name is longer than 200 characters')
const csvText = (max: number, what: string) =>
  z.string().max(max, `${what} is larger than ${Math.round(max / 1_000_000)} MB; split it or remove unused columns`)

const rosterMapping = z.strictObject(Object.fromEntries(ROSTER_MAPPING_FIELDS.map((f) => [f, header.optional()])) as Record<
  (typeof ROSTER_MAPPING_FIELDS)[number],
  z.ZodOptional<typeof header>
>)

const cfsMapping = z.strictObject({
  lon: header,
  lat: header,
  type: header.optional(),
  minutes: header.optional(),
  units: header.optional(),
  time: header.optional(),
})

export const staffingContract = {
  'roster:preview': { input: z.strictObject({ text: csvText(MAX_ROSTER_CSV_CHARS, 'The roster file'), mapping: rosterMapping.optional() }) },
  'roster:import': {
    input: z.strictObject({
      text: csvText(MAX_ROSTER_CSV_CHARS, 'The roster file'),
      mapping: rosterMapping,
      /** Must be true to import a file with errors: only then are the rows with errors left out. */
      skipErrorRows: z.boolean(),
    }),
  },
  'roster:export': { input: z.undefined() },
  'workload:import': {
    input: z.strictObject({
      text: csvText(MAX_CALLS_CSV_CHARS, 'The calls-for-service file'),
      fileName: z.string().trim().min(1).max(260),
      /** Absent: guessed from the header. */
      mapping: cfsMapping.optional(),
      defaultMinutes: z.number().finite().min(0).max(24 * 60),
      /** True: read and report only; nothing is stored. */
      dryRun: z.boolean(),
    }),
  },
  'workload:clear': { input: z.undefined() },
  'staffing:summary': { input: z.strictObject({ tolerance: z.number().finite().min(0).max(1).optional() }) },
  'staffing:setBaseline': { input: z.undefined() },
  'staffing:byShift': {
    input: z.strictObject({
      tolerance: z.number().finite().min(0).max(1).optional(),
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter is written 2024-Q1').nullable().optional(),
      /** Name of the shift the suggested moves are for. */
      shift: z.string().max(40).nullable().optional(),
    }),
  },
  'workload:setShifts': {
    input: z.strictObject({
      shifts: z
        .array(z.strictObject({ name: z.string().max(200), start: z.number().int().min(0).max(1439), end: z.number().int().min(0).max(1439) }))
        .min(1, 'at least one shift is needed')
        .max(12, 'at most 12 shifts'),
    }),
  },
  'nesting:check': {
    input: z.strictObject({
      file: importFileSchema,
      idField: z.string().trim().min(1, 'choose the field holding each CAD beat\'s id').max(200),
      tolerance: z.number().finite().min(0).max(0.99).optional(),
    }),
  },
} as const

export interface StaffingOutputs {
  'roster:preview': RosterPreviewOut
  'roster:import': Omit<RosterImportOut, 'applied'> & { applied: WriteResult | null }
  'roster:export': { csv: string; fileName: string; officers: number }
  'workload:import': CallsImportOut
  'workload:clear': { cleared: number }
  'staffing:summary': StaffingSummaryOut
  'staffing:setBaseline': { baselineAt: string }
  'staffing:byShift': ShiftLoadOut
  /** The shifts in use, and the settings write that stored them (null when they were already these). */
  'workload:setShifts': { shifts: Shift[]; write: WriteResult | null }
  'nesting:check': NestingOut
}
