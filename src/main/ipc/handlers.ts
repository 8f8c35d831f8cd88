import type { Channel, Outputs, ParsedInputOf } from '../../shared/ipc'
import type { Services } from '../services'
import { backupHandlers } from './features/backup-handlers'
import { coreHandlers } from './features/core-handlers'
import { dialogHandlers, NO_DESKTOP, type DesktopHooks } from './features/dialog-handlers'
import { importHandlers } from './features/import-handlers'
import { insightHandlers } from './features/insight-handlers'
import { printHandlers } from './features/print-handlers'
import { publishHandlers } from './features/publish-handlers'
import { referenceHandlers } from './features/reference-handlers'
import { repairHandlers } from './features/repair-handlers'
import { serverHandlers } from './features/server-handlers'
import type { ServerLink } from '../server/server-link'
import { staffingHandlers } from './features/staffing-handlers'
import { tilesHandlers } from './features/tiles-handlers'

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Outputs[C] | Promise<Outputs[C]>
export type Handlers = { [C in Channel]: Handler<C> }
/** What a feature's handler file returns: exactly the channels it names. */
export type FeatureHandlers<K extends Channel> = { [C in K]: Handler<C> }

/**
 * One entry per channel; the Handlers type makes a missing handler a compile error.
 * `desktop`: what only a shell with windows can do (the system's file dialogs); `server`: the
 * department server link (null where there is no safe place for its password).
 */
export function createHandlers(s: Services, desktop: DesktopHooks = NO_DESKTOP, server: ServerLink | null = null): Handlers {
  return {
    ...coreHandlers(s),
    ...backupHandlers(s),
    ...importHandlers(s),
    ...publishHandlers(s),
    ...staffingHandlers(s),
    ...tilesHandlers(s),
    ...printHandlers(s),
    ...dialogHandlers(desktop),
    ...repairHandlers(s),
    ...insightHandlers(s),
    ...referenceHandlers(s),
    ...serverHandlers(server),
  }
}
