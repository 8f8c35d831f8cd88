import type { serverContract, ServerStatus } from '../../../shared/ipc/features/server-contract'
import { AppError } from '../../services/app-error'
import type { ServerLink } from '../../server/server-link'
import type { FeatureHandlers } from '../handlers'

const NONE: ServerStatus = { connection: null, state: 'none', why: null, identity: null, queued: 0, conflicts: [], saved: null, restartPending: false }
const noLink = (): never => {
  throw new AppError('no-server', 'This window cannot connect to a department server.')
}

/** The department server's channels; without a link (no place to keep a password) it says there is none. */
export function serverHandlers(link: ServerLink | null): FeatureHandlers<keyof typeof serverContract> {
  return {
    'server:status': () => link?.status() ?? NONE,
    'server:connect': (input) => (link ? link.connect(input) : noLink()),
    'server:disconnect': () => (link ? link.disconnect() : noLink()),
    'server:redoConflict': ({ localSeq }) => (link ? link.redoConflict(localSeq) : noLink()),
    'server:dropConflict': ({ localSeq }) => (link ? link.dropConflict(localSeq) : noLink()),
  }
}
