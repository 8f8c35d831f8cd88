/**
 * One formatting run in a process of its own, so that a run of today's quadratic formatter can
 * be stopped at a time limit and every run starts on a fresh heap. Prints one JSON line:
 * {"ms": …, "bytes": …, "sha256": …}, the time of the formatting alone (findings are made first).
 *
 *   npx tsx bench/validate-output/format-child.ts <text|before|json> <count>
 */
import { createHash } from 'node:crypto'
import { DEFAULT_TOLERANCES, type PlanState } from '../../src/shared/domain'
import { summarize } from '../../src/shared/geo/validate'
import { countsOf } from '../../src/main/cli/plan-counts'
import { formatFindings } from '../../src/main/cli/print-findings'
import { formatFindings as formatBefore } from './print-findings-before'
import { generatedFindings } from './generated-findings'

/** The thousands of findings a big plan has are mostly of one kind, the case the old per-group copy made quadratic. */
export const BENCH_KIND = 'officer-outside-area'

/** Only the header line reads the plan, and only its name and counts. */
const plan = { city: { name: 'Bench City' }, areas: new Array(3).fill(null), neighborhoods: new Array(19).fill(null), officers: new Array(63).fill(null) } as unknown as PlanState

const [which, countArg] = process.argv.slice(2)
const count = Number(countArg)
if (!['text', 'before', 'json'].includes(which) || !Number.isInteger(count) || count < 0) {
  console.error('usage: format-child.ts <text|before|json> <count>')
  process.exit(2)
}
const findings = generatedFindings(count, [BENCH_KIND])
const summary = summarize(findings)
const t0 = performance.now()
const out =
  which === 'json'
    ? JSON.stringify({ summary, findings })
    : which === 'before'
      ? formatBefore(plan, findings, summary, DEFAULT_TOLERANCES)
      : formatFindings(countsOf(plan), findings, summary, DEFAULT_TOLERANCES)
const ms = performance.now() - t0
console.log(JSON.stringify({ ms, bytes: Buffer.byteLength(out), sha256: createHash('sha256').update(out).digest('hex') }))
