export const PRINT_CHANNELS = {
  'print:rollCall': 'printRollCall',
} as const
