import type { importContract } from '../../../shared/ipc/features/import-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

/** The import dialog: preview stores nothing; apply is one undoable step for the current profile. */
export function importHandlers(s: Services): FeatureHandlers<keyof typeof importContract> {
  return {
    'import:preview': ({ file, ...mapping }) => s.imports.preview(file, mapping),
    'import:apply': ({ file, mode, ...mapping }) => s.imports.apply(file, { ...mapping, mode }, s.session.actor()),
  }
}
