export * from './types'
export { proposeRepair, repairOptions } from './propose'
export { proposeSliverRepairs, combineChangeSets, isRepairableSliver, type SliverScreen } from './slivers'
export { firstNewError, SAME_GROUND_M2 } from './new-error'
