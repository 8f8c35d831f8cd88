import type { HostileCase } from './hostile-case'
import { CASES as baseline } from './cases-baseline'
import { CASES as csv } from './cases-csv'
import { CASES as files } from './cases-files'
import { CASES as output } from './cases-output'
import { CASES as text } from './cases-text'

/** Every table of hostile cases; each topic keeps its own file. */
export const HOSTILE_CASES: HostileCase[] = [...files, ...csv, ...text, ...output, ...baseline]
