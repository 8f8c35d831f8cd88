/** Channels of the layer import dialog: channel name -> api method. */
export const IMPORT_CHANNELS = {
  'import:preview': 'previewImport',
  'import:apply': 'applyImport',
} as const
