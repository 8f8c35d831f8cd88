import { z } from 'zod'
import { tileTemplateProblem } from '../../map/tile-template'
import { UNITS } from '../../units/format'
import { VACANCY_COVERS, type PlanState } from '../../domain'
import { changeSetSchema } from '../change-set-schema'
import { idSchema, printable } from '../entity-schemas'
import type { AppInfo, HistoryEntry, SessionInfo, Settings, ValidationReport } from '../outputs'
import { VIEW_NAMES, type HistoryHead, type WriteResult } from '../write-result'
import type { PublishStatus } from './publish-contract'

export const none = z.undefined()

export const profileSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('admin') }),
  z.strictObject({ role: z.literal('commander'), areaId: idSchema }),
])

export const tolerancesSchema = z.strictObject({
  sliverWidthM: z.number().finite().min(0).max(1000),
  sliverAreaM2: z.number().finite().min(0).max(1_000_000),
  unassignedIsError: z.boolean(),
  minPieceAreaM2: z.number().finite().min(0).max(10_000).optional(),
})

/** The public contact; one line each, since the command line prints them and the public page shows them. */
export const departmentSchema = z.strictObject({
  name: z.string().trim().min(1, 'the department needs a name').max(120, 'the department name is longer than 120 characters').superRefine(printable('the department name')),
  address: z.string().trim().max(200, 'the address is longer than 200 characters').superRefine(printable('the address')),
  nonEmergencyPhone: z.string().trim().min(1, 'the public needs a non-emergency number').max(40, 'the non-emergency phone is longer than 40 characters').superRefine(printable('the non-emergency phone')),
  emergency: z.string().trim().min(1, 'the emergency number must not be empty').max(20, 'the emergency number is longer than 20 characters').superRefine(printable('the emergency number')),
})

/** Who covers a neighborhood with no active officer; checked against the roster by the settings service. */
export const vacancyFallbackSchema = z.strictObject({
  cover: z.enum(VACANCY_COVERS, { message: 'who covers a vacant neighborhood must be "commander" (the Area Commander) or "sergeant" (a sergeant named per area)' }),
  sergeants: z.record(idSchema, idSchema, { message: 'the sergeants must be a table of Area Command id to officer id' }),
})

export const coreContract = {
  'app:info': { input: none },
  'plan:load': { input: none },
  'session:get': { input: none },
  'session:setProfile': { input: profileSchema },
  'changes:apply': { input: changeSetSchema },
  'history:undo': { input: none },
  'history:redo': { input: none },
  'history:list': { input: z.strictObject({ limit: z.number().int().min(1).max(1000) }) },
  'history:head': { input: none },
  /** The window closed a view it was shown (staffing tab, workload by shift, a finding's fixes): writes stop working it out. */
  'views:hide': { input: z.strictObject({ view: z.enum(VIEW_NAMES) }) },
  'validation:run': { input: none },
  'settings:get': { input: none },
  'settings:set': {
    input: z.strictObject({
      tolerances: tolerancesSchema.optional(),
      units: z.enum(UNITS, { message: `units must be one of ${UNITS.join(', ')}` }).optional(),
      department: departmentSchema.optional(),
      vacancyFallback: vacancyFallbackSchema.optional(),
      tileUrl: z
        .string()
        .trim()
        .superRefine((t, ctx) => {
          const problem = tileTemplateProblem(t)
          if (problem) ctx.addIssue({ code: 'custom', message: problem })
        })
        .nullable()
        .optional(),
      tileAttribution: z.string().trim().max(200, 'the attribution is longer than 200 characters').nullable().optional(),
    }),
  },
} as const

export interface CoreOutputs {
  'app:info': AppInfo
  'plan:load': PlanState
  'session:get': SessionInfo
  /** The profile now in use, with what the window shows per profile: its undo history's head and whether it may publish. */
  'session:setProfile': SessionInfo & { history: HistoryHead; publish: PublishStatus }
  'changes:apply': WriteResult
  'history:undo': WriteResult
  'history:redo': WriteResult
  'history:list': HistoryEntry[]
  /** Whether the current profile can undo and redo, and the newest step: what the window shows before its first write. */
  'history:head': HistoryHead
  'views:hide': null
  'validation:run': ValidationReport
  'settings:get': Settings
  /** The settings in use, and the write that stored them (null when nothing differed from what was in use). */
  'settings:set': { settings: Settings; write: WriteResult | null }
}
