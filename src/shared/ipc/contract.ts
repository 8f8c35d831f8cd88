import { z } from 'zod'
import type { PlanState } from '../domain'
import type { Channel } from './channels'
import { changeSetSchema } from './change-set-schema'
import { idSchema } from './entity-schemas'
import type { AppInfo, ApplyResult, HistoryEntry, SessionInfo, Settings, ValidationReport } from './outputs'
import type { IpcResult } from './result'

const none = z.undefined()

export const profileSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('admin') }),
  z.strictObject({ role: z.literal('commander'), areaId: idSchema }),
])

export const tolerancesSchema = z.strictObject({
  sliverWidthM: z.number().finite().min(0).max(1000),
  sliverAreaM2: z.number().finite().min(0).max(1_000_000),
  unassignedIsError: z.boolean(),
})

/** The single source of truth for every channel's input. */
export const contract = {
  'app:info': { input: none },
  'plan:load': { input: none },
  'session:get': { input: none },
  'session:setProfile': { input: profileSchema },
  'changes:apply': { input: changeSetSchema },
  'history:undo': { input: none },
  'history:redo': { input: none },
  'history:list': { input: z.strictObject({ limit: z.number().int().min(1).max(1000) }) },
  'validation:run': { input: none },
  'settings:get': { input: none },
  'settings:set': {
    input: z.strictObject({
      tolerances: tolerancesSchema.optional(),
      tileUrl: z.string().url().max(500).regex(/^https?:\/\//, 'tile URL must start with http:// or https://').nullable().optional(),
    }),
  },
} as const satisfies Record<Channel, { input: z.ZodType }>

export interface Outputs {
  'app:info': AppInfo
  'plan:load': PlanState
  'session:get': SessionInfo
  'session:setProfile': SessionInfo
  'changes:apply': ApplyResult
  'history:undo': ApplyResult
  'history:redo': ApplyResult
  'history:list': HistoryEntry[]
  'validation:run': ValidationReport
  'settings:get': Settings
  'settings:set': Settings
}

export type Contract = typeof contract
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
type ArgsOf<C extends Channel> = InputOf<C> extends undefined ? [] : [input: InputOf<C>]

/** window.api as the renderer sees it: one typed function per channel, replies in the envelope. */
export type Api = {
  [C in Channel as (typeof import('./channels').CHANNELS)[C]]: (...args: ArgsOf<C>) => Promise<IpcResult<Outputs[C]>>
}
