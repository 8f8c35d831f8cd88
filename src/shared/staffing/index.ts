export * from './workload'
export * from './balance'
