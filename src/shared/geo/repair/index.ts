export * from './types'
export { proposeRepair, repairOptions } from './propose'
export { proposeSliverRepairs, combineChangeSets, isRepairableSliver, type SliverScreen } from './slivers'
export { firstNewError } from './new-error'
