/** Channels of the layer import dialog: channel name -> api method. */
export const IMPORT_CHANNELS = {
  'import:preview': 'previewImport',
  'import:apply': 'applyImport',
  /** Stops the previews and imports still reading their file; progress comes on the push event import:progress. */
  'import:cancel': 'cancelImport',
} as const
