import type { ChangeOp, Finding, FindingSummary, PlanState, Tolerances } from '../../domain'
import { DEFAULT_TOLERANCES } from '../../domain'
import { sortFindings } from './finding-build'
import { runChecks } from './run-checks'

export { geometryProblems } from './validity'
export { createValidator, type PlanValidator } from './incremental'

/** Every rule of the plan, as findings sorted by severity, kind, id. */
export function validatePlan(plan: PlanState, tol?: Tolerances): Finding[] {
  return sortFindings(runChecks(plan, { ...DEFAULT_TOLERANCES, ...tol }))
}

export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, blocking: false, byKind: {} }
  for (const f of findings) {
    if (f.severity === 'error') s.errors++
    else s.warnings++
    s.byKind[f.kind] = (s.byKind[f.kind] ?? 0) + 1
  }
  s.blocking = s.errors > 0
  return s
}

export type { ChangeOp }
