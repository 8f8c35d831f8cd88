import type { Channel, Outputs, ParsedInputOf } from '../../shared/ipc'
import type { Services } from '../services'
import { SCHEMA_VERSION } from '../db/migrate'

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Outputs[C] | Promise<Outputs[C]> }

/** One entry per channel; the type makes a missing handler a compile error. */
export function createHandlers(s: Services): Handlers {
  return {
    'app:info': () => ({
      appVersion: s.config.appVersion,
      schemaVersion: SCHEMA_VERSION,
      dbPath: s.config.dbPath,
      userDataPath: s.config.userDataPath,
      osUser: s.config.osUser,
      sampleData: s.repos.city.get()?.sample ?? false,
    }),
    'plan:load': () => s.plans.load(),
    'session:get': () => s.session.info(),
    'session:setProfile': (p) => s.session.setProfile(p),
    'changes:apply': (cs) => s.changes.apply(cs, s.session.actor()),
    'history:undo': () => s.changes.undo(s.session.actor()),
    'history:redo': () => s.changes.redo(s.session.actor()),
    'history:list': ({ limit }) =>
      s.repos.audit.recent(limit).map((e) => ({ seq: e.seq, at: e.at, osUser: e.osUser, profile: e.profile, action: e.action, label: e.label, state: e.state })),
    'validation:run': () => s.validation.report(),
    'settings:get': () => s.settings.get(),
    'settings:set': (patch) => s.settings.set(patch),
  }
}
