import type { ChangeOp, Finding, FindingSummary, PlanState, Tolerances } from '../../domain'
import { assemble, ignoredOf, newGeoState } from './run-checks'
import { withDefaults } from './tolerances'

export { geometryProblems } from './validity'
export { createValidator, type PlanValidator } from './incremental'

/** Every rule of the plan, as findings sorted by severity, kind, id. */
export function validatePlan(plan: PlanState, tol?: Tolerances): Finding[] {
  const t = withDefaults(tol)
  return assemble(plan, newGeoState(plan, t), t)
}

/** Counts per severity and kind; for lists from `validatePlan`/a validator, also the pieces left out below the floor. */
export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, blocking: false, byKind: {} }
  for (const f of findings) {
    if (f.severity === 'error') s.errors++
    else s.warnings++
    s.byKind[f.kind] = (s.byKind[f.kind] ?? 0) + 1
  }
  s.blocking = s.errors > 0
  const ignored = ignoredOf.get(findings)
  if (ignored?.pieces) {
    s.ignoredPieces = ignored.pieces
    s.ignoredM2 = ignored.m2
  }
  return s
}

export type { ChangeOp }
