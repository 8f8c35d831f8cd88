import { z } from 'zod'
import { MAX_TILE_ZOOM } from '../../map/tile-template'
import type { Settings } from '../outputs'
import { pathSchema } from './publish-contract'

export interface Tile {
  /** Empty where a background map file has no tile (outside what it covers): nothing to draw there. */
  bytes: Uint8Array
  contentType: string
}

/** A background map read from a PMTiles or MBTiles file on this computer. */
export interface TileFileInfo {
  /** The full path, as stored in the settings. */
  file: string
  /** The file's name, for messages and the settings form. */
  name: string
  format: 'pmtiles' | 'mbtiles'
  /** Images, or Mapbox vector tiles the window draws itself. */
  kind: 'raster' | 'vector'
  contentType: string
  minZoom: number
  maxZoom: number
  /** West, south, east, north in degrees, when the file says. */
  bounds: [number, number, number, number] | null
  attribution: string | null
}

const coord = z.number().int().min(0)

export const tilesContract = {
  'tiles:get': {
    input: z
      .strictObject({ z: z.number().int().min(0).max(MAX_TILE_ZOOM), x: coord, y: coord })
      .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'x and y must lie inside the tile grid of zoom z (0 to 2^z - 1)'),
  },
  'tiles:info': { input: z.undefined() },
  /** A PMTiles or MBTiles file as the background (null: back to the tile URL, if any); checked before it is stored. */
  'tiles:setFile': { input: z.strictObject({ path: pathSchema.nullable() }) },
} as const

export interface TilesOutputs {
  'tiles:get': Tile
  /** The background map file's description, or null when the background comes from a tile URL or there is none. */
  'tiles:info': TileFileInfo | null
  'tiles:setFile': { settings: Settings; info: TileFileInfo | null }
}
