import type { coreContract } from '../../../shared/ipc/features/core-contract'
import { SCHEMA_VERSION } from '../../db/migrate'
import { AppError } from '../../services/app-error'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'
import { settingsWrite } from './settings-write'

export function coreHandlers(s: Services): FeatureHandlers<keyof typeof coreContract> {
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
    'session:setProfile': (p) => {
      const info = s.session.setProfile(p)
      const actor = s.session.actor()
      return { ...info, history: s.writes.head(actor), publish: s.publish.status(actor) }
    },
    'changes:apply': (cs) => s.writes.edit(cs, s.session.actor()),
    'history:undo': () => s.writes.undo(s.session.actor()),
    'history:redo': () => s.writes.redo(s.session.actor()),
    'history:list': ({ limit }) =>
      s.repos.audit.history(limit).map((e) => ({ seq: e.seq, at: e.at, osUser: e.osUser, profile: e.profile, action: e.action, label: e.label, state: e.state })),
    'history:head': () => s.writes.head(s.session.actor()),
    'views:hide': ({ view }) => {
      s.writes.views?.hide(view)
      return null
    },
    'validation:run': () => s.writes.report(),
    'settings:get': () => s.settings.get(),
    'settings:set': async (patch) => {
      if (s.session.current().role !== 'admin') throw new AppError('forbidden', 'Only Administration changes the department contact, the units, the plan-check tolerances and the background map.')
      return settingsWrite(s, patch)
    },
  }
}
