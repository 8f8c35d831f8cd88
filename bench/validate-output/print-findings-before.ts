/**
 * The "before" peer for bench/validate-output: `src/main/cli/print-findings.ts` as it was at
 * commit 2cf02be, byte for byte below this comment apart from the import path, so the bench
 * and the equivalence test compare the new formatter with what users got until then. Each
 * finding was appended to its kind's group by copying the whole group (an array spread per
 * finding), which made the text output quadratic in the findings.
 */
import { FINDING_KINDS, type Finding, type FindingKind, type FindingSummary, type PlanState, type Tolerances } from '../../src/shared/domain'

const fmtM2 = (m2: number): string => (m2 >= 100 ? Math.round(m2).toLocaleString('en-US') : m2 >= 1 ? m2.toFixed(1) : m2.toFixed(2))

function detail(f: Finding): string {
  const bits: string[] = []
  if (f.areaM2 > 0) bits.push(`${fmtM2(f.areaM2)} m²`)
  if (f.widthM !== undefined) bits.push(`${f.widthM < 1 ? f.widthM.toFixed(2) : f.widthM.toFixed(1)} m wide`)
  if (f.sliver) bits.push('sliver')
  if (f.location) bits.push(`at ${f.location[0].toFixed(6)}, ${f.location[1].toFixed(6)}`)
  bits.push(f.id)
  return bits.join(', ')
}

function counts(fs: Finding[]): string {
  const e = fs.filter((f) => f.severity === 'error').length
  const w = fs.length - e
  return [e ? `${e} error${e === 1 ? '' : 's'}` : '', w ? `${w} warning${w === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')
}

/**
 * Findings for people: one group per kind (in the rule order of domain.md), errors first and
 * the largest ground first inside a group, then one summary line that says whether anything
 * blocks publishing.
 */
export function formatFindings(plan: PlanState, findings: Finding[], summary: FindingSummary, tol: Tolerances): string {
  const lines: string[] = []
  lines.push(
    `Plan: ${plan.city ? `city limit ${plan.city.name}` : 'no city limit'}, ${plan.areas.length} Area Commands, ${plan.neighborhoods.length} neighborhoods, ${plan.officers.length} officers`,
  )
  lines.push(`Slivers: pieces thinner than ${tol.sliverWidthM} m or smaller than ${tol.sliverAreaM2} m² (warnings, not errors)`)
  const byKind = new Map<FindingKind, Finding[]>()
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f])
  for (const kind of FINDING_KINDS) {
    const group = byKind.get(kind)
    if (!group) continue
    group.sort((a, b) => (a.severity === b.severity ? b.areaM2 - a.areaM2 || (a.id < b.id ? -1 : 1) : a.severity === 'error' ? -1 : 1))
    lines.push('', `${kind} (${counts(group)})`)
    for (const f of group) lines.push(`  ${f.severity.padEnd(7)}  ${f.message}${f.reason && !f.message.includes(f.reason) ? `: ${f.reason}` : ''}  [${detail(f)}]`)
  }
  lines.push('', summaryText(summary))
  return lines.join('\n')
}

export function summaryText(s: FindingSummary): string {
  const total = s.errors + s.warnings
  // Sub-square-metre crumbs are counted, not listed: say so, so nobody thinks they were missed.
  const ignored = s.ignoredPieces ? ` ${s.ignoredPieces} piece${s.ignoredPieces === 1 ? '' : 's'} under the minimum piece area (${(s.ignoredM2 ?? 0).toFixed(1)} m² in all) are counted but not listed.` : ''
  if (total === 0) return `Summary: no findings; nothing blocks publishing.${ignored}`
  const kinds = FINDING_KINDS.filter((k) => s.byKind[k]).map((k) => `${k} ${s.byKind[k]}`).join(', ')
  const head = `Summary: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (${kinds})`
  return `${head}; ${s.blocking ? 'publishing is blocked' : 'nothing blocks publishing'}.${ignored}`
}
