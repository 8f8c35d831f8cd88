import type { importContract } from '../../../shared/ipc/features/import-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

/** The import dialog: preview stores nothing; apply is one undoable step for the current profile. */
export function importHandlers(s: Services): FeatureHandlers<keyof typeof importContract> {
  return {
    'import:preview': ({ file, ...mapping }) => s.imports.preview(file, mapping),
    'import:apply': async ({ file, mode, ...mapping }) => {
      const actor = s.session.actor()
      const { value, write } = await s.writes.write(actor, () => s.imports.apply(file, { ...mapping, mode }, actor), (r) => s.writes.stepOf(r.seq))
      return { ...value, write: write! }
    },
    'import:cancel': () => s.imports.cancel(),
  }
}
