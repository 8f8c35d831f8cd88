import type { ChoosePathRequest, dialogContract } from '../../../shared/ipc/features/dialog-contract'
import { AppError } from '../../services/app-error'
import type { FeatureHandlers } from '../handlers'

/**
 * Shows the system's file or folder dialog and answers the chosen path, or null when cancelled.
 * Given by the shell that has windows (Electron's dialog module; a stand-in in browser tests),
 * so this boundary stays free of Electron.
 */
export type ChoosePath = (request: ChoosePathRequest) => Promise<string | null>

/** What only a desktop shell can do for the handlers. */
export interface DesktopHooks {
  choosePath: ChoosePath
}

/** Without a window there is no dialog to show: say so, and how to go on. */
export const NO_DESKTOP: DesktopHooks = {
  choosePath: async () => {
    throw new AppError('no-dialog', 'There is no window to show a file dialog in; type the path instead.')
  },
}

export function dialogHandlers(desktop: DesktopHooks): FeatureHandlers<keyof typeof dialogContract> {
  return {
    'dialog:choosePath': async (req) => ({ path: await desktop.choosePath(req) }),
  }
}
