/** Channels of publishing, version history, diff and "who is my officer": channel name -> api method. */
export const PUBLISH_CHANNELS = {
  'publish:status': 'publishStatus',
  'publish:run': 'publish',
  'publish:versions': 'listVersions',
  'publish:diff': 'diffVersions',
  'publish:diffCsv': 'diffVersionsCsv',
  'lookup:point': 'lookupPoint',
  'lookup:addresses': 'searchAddresses',
  'lookup:importAddresses': 'importAddresses',
  'lookup:addressCount': 'addressCount',
} as const
