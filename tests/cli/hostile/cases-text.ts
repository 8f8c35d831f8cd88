import type { HostileCase } from './hostile-case'

export const CASES: HostileCase[] = []
