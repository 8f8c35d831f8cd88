/** The optional background map's tiles, fetched by the main process. */
export const TILES_CHANNELS = {
  'tiles:get': 'getTile',
} as const
