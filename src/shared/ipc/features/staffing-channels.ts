/** Channels of the roster, calls for service and staffing balance: channel name -> api method. */
export const STAFFING_CHANNELS = {
  'roster:preview': 'previewRoster',
  'roster:import': 'importRoster',
  'roster:export': 'exportRoster',
  'workload:import': 'importCalls',
  'workload:clear': 'clearCalls',
  'staffing:summary': 'staffingSummary',
  'staffing:setBaseline': 'setStaffingBaseline',
} as const
