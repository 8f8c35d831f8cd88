import type { referenceContract } from '../../../shared/ipc/features/reference-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'
import { AppError } from '../../services/app-error'

/** Adding or removing a reference layer changes what everyone draws and snaps to: Administration's call. */
function adminOnly(s: Services, what: string): void {
  if (s.session.current().role !== 'admin') throw new AppError('forbidden', `Only Administration ${what} reference layers; anyone may show or hide them.`)
}

export function referenceHandlers(s: Services): FeatureHandlers<keyof typeof referenceContract> {
  return {
    'reference:list': () => s.references.list(),
    'reference:shapes': ({ id }) => s.references.shapes(id),
    'reference:import': ({ file, crs, gpkgLayer }) => {
      adminOnly(s, 'adds')
      return s.references.import(file, { crs, gpkgLayer })
    },
    'reference:setVisible': ({ id, visible }) => s.references.setVisible(id, visible),
    'reference:remove': ({ id }) => {
      adminOnly(s, 'removes')
      s.references.remove(id)
      return { removed: id }
    },
  }
}
