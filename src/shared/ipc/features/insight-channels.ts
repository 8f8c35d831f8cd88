/** Channels of the plan insights (continuity with the last published plan, who is affected): channel name -> api method. */
export const INSIGHT_CHANNELS = {
  'insight:basis': 'continuityBasis',
} as const
