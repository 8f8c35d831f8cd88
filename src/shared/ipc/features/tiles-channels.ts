/** The optional background map's tiles, fetched by the main process. */
export const TILES_CHANNELS = {
  'tiles:get': 'getTile',
  'tiles:info': 'getTileInfo',
  'tiles:setFile': 'setBackgroundFile',
} as const
