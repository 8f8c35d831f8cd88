/** The system's own file and folder dialogs, shown by the main process. */
export const DIALOG_CHANNELS = {
  'dialog:choosePath': 'choosePath',
} as const
