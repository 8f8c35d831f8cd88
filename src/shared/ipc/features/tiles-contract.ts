import { z } from 'zod'
import { MAX_TILE_ZOOM } from '../../map/tile-template'

export interface Tile {
  bytes: Uint8Array
  contentType: string
}

const coord = z.number().int().min(0)

export const tilesContract = {
  'tiles:get': {
    input: z
      .strictObject({ z: z.number().int().min(0).max(MAX_TILE_ZOOM), x: coord, y: coord })
      .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'x and y must lie inside the tile grid of zoom z (0 to 2^z - 1)'),
  },
} as const

export interface TilesOutputs {
  'tiles:get': Tile
}
