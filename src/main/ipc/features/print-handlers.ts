import type { printContract } from '../../../shared/ipc/features/print-contract'
import { rollCallPdf } from '../../print/roll-call'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

/**
 * The roll-call PDF is made by the same builder as `npm run cli -- print`, so the app and the
 * command line print the same page; the renderer saves the bytes where the user chooses.
 */
export function printHandlers(s: Services): FeatureHandlers<keyof typeof printContract> {
  return {
    'print:rollCall': ({ areaId, paper }) => rollCallPdf(s, areaId, paper),
  }
}
