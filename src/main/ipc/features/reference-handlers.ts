import type { referenceContract } from '../../../shared/ipc/features/reference-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

export function referenceHandlers(s: Services): FeatureHandlers<keyof typeof referenceContract> {
  return {
    'reference:list': () => s.references.list(),
    'reference:shapes': ({ id }) => s.references.shapes(id),
    'reference:import': ({ file, crs, gpkgLayer }) => s.references.import(file, { crs, gpkgLayer }),
    'reference:setVisible': ({ id, visible }) => s.references.setVisible(id, visible),
    'reference:remove': ({ id }) => {
      s.references.remove(id)
      return { removed: id }
    },
  }
}
