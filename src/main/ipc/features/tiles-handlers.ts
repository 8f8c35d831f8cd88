import type { tilesContract } from '../../../shared/ipc/features/tiles-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'
import { AppError } from '../../services/app-error'

export function tilesHandlers(s: Services): FeatureHandlers<keyof typeof tilesContract> {
  return {
    'tiles:get': ({ z, x, y }) => s.tiles.get(z, x, y),
    'tiles:info': () => s.tiles.info(),
    'tiles:setFile': ({ path }) => {
      if (s.session.current().role !== 'admin') throw new AppError('forbidden', 'Only Administration changes the background map.')
      return s.tiles.setFile(path)
    },
  }
}
