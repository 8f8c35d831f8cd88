/** Channels of the roster, calls for service and staffing balance: channel name -> api method. */
export const STAFFING_CHANNELS = {
  'roster:preview': 'previewRoster',
  'roster:import': 'importRoster',
  'roster:export': 'exportRoster',
  'workload:import': 'importCalls',
  'workload:clear': 'clearCalls',
  'staffing:summary': 'staffingSummary',
  'staffing:setBaseline': 'setStaffingBaseline',
  'staffing:byShift': 'staffingByShift',
  'workload:setShifts': 'setShifts',
  'nesting:check': 'checkNesting',
} as const

/** Largest CSV text accepted over IPC (characters); kept here, free of zod, so the renderer can check a file before sending it. */
export const MAX_ROSTER_CSV_CHARS = 20_000_000
export const MAX_CALLS_CSV_CHARS = 60_000_000
