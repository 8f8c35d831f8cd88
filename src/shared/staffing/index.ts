export * from './workload'
export * from './balance'
export { packGeometry, inPolygon, type PackedPolygon } from './point-in-polygon'
