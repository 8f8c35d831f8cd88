import type { tilesContract } from '../../../shared/ipc/features/tiles-contract'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'

export function tilesHandlers(s: Services): FeatureHandlers<keyof typeof tilesContract> {
  return {
    'tiles:get': ({ z, x, y }) => s.tiles.get(z, x, y),
    'tiles:info': () => s.tiles.info(),
    'tiles:setFile': ({ path }) => s.tiles.setFile(path),
  }
}
