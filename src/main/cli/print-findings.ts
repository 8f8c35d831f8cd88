import { FINDING_KINDS, type Finding, type FindingKind, type FindingSummary, type Tolerances } from '../../shared/domain'
import type { PlanCounts } from './plan-counts'

// One formatter for every line: toLocaleString('en-US') builds the same formatter per call,
// which costs more than the rest of a finding's line when a plan has tens of thousands.
const GROUPED = new Intl.NumberFormat('en-US')
const fmtM2 = (m2: number): string => (m2 >= 100 ? GROUPED.format(Math.round(m2)) : m2 >= 1 ? m2.toFixed(1) : m2.toFixed(2))

function detail(f: Finding): string {
  let s = ''
  if (f.areaM2 > 0) s += `${fmtM2(f.areaM2)} m², `
  if (f.widthM !== undefined) s += `${f.widthM < 1 ? f.widthM.toFixed(2) : f.widthM.toFixed(1)} m wide, `
  if (f.sliver) s += 'sliver, '
  if (f.location) s += `at ${f.location[0].toFixed(6)}, ${f.location[1].toFixed(6)}, `
  return s + f.id
}

function line(f: Finding): string {
  return `  ${f.severity.padEnd(7)}  ${f.message}${f.reason && !f.message.includes(f.reason) ? `: ${f.reason}` : ''}  [${detail(f)}]`
}

function counts(fs: Finding[]): string {
  let e = 0
  for (const f of fs) if (f.severity === 'error') e++
  const w = fs.length - e
  return [e ? `${e} error${e === 1 ? '' : 's'}` : '', w ? `${w} warning${w === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')
}

/**
 * Errors first, then the largest ground, then the id. The keys are copied into typed arrays and
 * the positions sorted, because reading them from findings of several shapes in every
 * comparison took longer than writing the lines. Same comparisons in the same order as sorting
 * the findings themselves, so the same order, ties included.
 */
function sortedGroup(group: Finding[]): Finding[] {
  const n = group.length
  const error = new Uint8Array(n)
  const area = new Float64Array(n)
  const ids = new Array<string>(n)
  const at = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const f = group[i]
    error[i] = f.severity === 'error' ? 1 : 0
    area[i] = f.areaM2
    ids[i] = f.id
    at[i] = i
  }
  at.sort((i, j) => (error[i] === error[j] ? area[j] - area[i] || (ids[i] < ids[j] ? -1 : 1) : error[i] ? -1 : 1))
  return at.map((i) => group[i])
}

/**
 * Findings for people: one group per kind (in the rule order of domain.md), errors first and
 * the largest ground first inside a group, then one summary line that says whether anything
 * blocks publishing. Linear in the findings apart from the sort: a plan can have hundreds of
 * thousands, and the text must cost about what `--json` does.
 */
export function formatFindings(plan: PlanCounts, findings: Finding[], summary: FindingSummary, tol: Tolerances): string {
  const lines: string[] = []
  lines.push(
    `Plan: ${plan.cityName !== null ? `city limit ${plan.cityName}` : 'no city limit'}, ${plan.areas} Area Commands, ${plan.neighborhoods} neighborhoods, ${plan.officers} officers`,
  )
  lines.push(`Slivers: pieces thinner than ${tol.sliverWidthM} m or smaller than ${tol.sliverAreaM2} m² (warnings, not errors)`)
  const byKind = new Map<FindingKind, Finding[]>()
  for (const f of findings) {
    const group = byKind.get(f.kind)
    if (group) group.push(f)
    else byKind.set(f.kind, [f])
  }
  for (const kind of FINDING_KINDS) {
    const found = byKind.get(kind)
    if (!found) continue
    const group = sortedGroup(found)
    lines.push('', `${kind} (${counts(group)})`)
    for (const f of group) lines.push(line(f))
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
