/** Channels of the repairs the findings panel offers: channel name -> api method. */
export const REPAIR_CHANNELS = {
  'repair:options': 'repairOptions',
  'repair:preview': 'previewRepair',
  'repair:apply': 'applyRepair',
  'repair:previewSlivers': 'previewSliverRepairs',
  'repair:slivers': 'repairSlivers',
} as const
