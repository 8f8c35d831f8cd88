import type { z } from 'zod'
import type { Channel, CHANNELS } from './channels'
import { backupContract, type BackupOutputs } from './features/backup-contract'
import { coreContract, type CoreOutputs } from './features/core-contract'
import { dialogContract, type DialogOutputs } from './features/dialog-contract'
import { importContract, type ImportOutputs } from './features/import-contract'
import { insightContract, type InsightOutputs } from './features/insight-contract'
import { printContract, type PrintOutputs } from './features/print-contract'
import { publishContract, type PublishOutputs } from './features/publish-contract'
import { referenceContract, type ReferenceOutputs } from './features/reference-contract'
import { repairContract, type RepairOutputs } from './features/repair-contract'
import { serverContract, type ServerOutputs } from './features/server-contract'
import { staffingContract, type StaffingOutputs } from './features/staffing-contract'
import { tilesContract, type TilesOutputs } from './features/tiles-contract'
import type { IpcResult } from './result'
import type { PushApi } from './events'

export { profileSchema, tolerancesSchema } from './features/core-contract'

/**
 * The single source of truth for every channel's input schema. A feature adds a
 * *-contract.ts file (schemas + outputs) and one spread here; `satisfies` makes a
 * channel without a schema a compile error.
 */
export const contract = {
  ...coreContract,
  ...backupContract,
  ...importContract,
  ...publishContract,
  ...staffingContract,
  ...tilesContract,
  ...printContract,
  ...dialogContract,
  ...repairContract,
  ...referenceContract,
  ...serverContract,
  ...insightContract,
} as const satisfies Record<Channel, { input: z.ZodType }>

/** Every channel's reply type. */
export interface Outputs extends CoreOutputs, BackupOutputs, ImportOutputs, StaffingOutputs, PublishOutputs, TilesOutputs, PrintOutputs, DialogOutputs, RepairOutputs, ReferenceOutputs, ServerOutputs, InsightOutputs {}

export type Contract = typeof contract
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
type ArgsOf<C extends Channel> = InputOf<C> extends undefined ? [] : [input: InputOf<C>]

/** window.api as the renderer sees it: one typed function per channel, replies in the envelope. */
export type Api = {
  [C in Channel as (typeof CHANNELS)[C]]: (...args: ArgsOf<C>) => Promise<IpcResult<Outputs[C]>>
}

/** The other kind of channel: push events main → window (events.ts: the menu's commands, an import's progress), which the window only listens to. */
export { PUSH_EVENTS, type PushApi, type PushEvent, type PushPayloads, type PushSink } from './events'

/** window.api as the preload gives it: one function per invoke channel, plus one listener per push event. */
export type WindowApi = Api & PushApi
