import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TOLERANCES, type Finding, type PlanState } from '../../src/shared/domain'
import { summarize } from '../../src/shared/geo/validate'
import { countsOf } from '../../src/main/cli/plan-counts'
import { formatFindings } from '../../src/main/cli/print-findings'
import { formatFindings as formatBefore } from '../../bench/validate-output/print-findings-before'
import { generatedFindings } from '../../bench/validate-output/generated-findings'
import { REPO } from './spawn-cli'

/** Only the header line reads the plan: its city limit's name and how many of each there are. */
function header(city: string | null, officers: number): PlanState {
  return { city: city === null ? null : { name: city }, areas: new Array(3).fill(null), neighborhoods: new Array(19).fill(null), officers: new Array(officers).fill(null) } as unknown as PlanState
}

function bothWays(plan: PlanState, findings: Finding[], summary = summarize(findings)): [string, string] {
  const tol = { ...DEFAULT_TOLERANCES, sliverWidthM: 7.5 }
  return [formatFindings(countsOf(plan), findings, summary, tol), formatBefore(plan, findings, summary, tol)]
}

describe("validate's text (issue 17 item 14)", () => {
  it('is byte for byte what it was before the formatter became linear', () => {
    const mixed = generatedFindings(3000)
    const [ours, before] = bothWays(header('Livermore', 63), mixed)
    expect(ours.split('\n').length).toBeGreaterThan(3000)
    expect(ours).toBe(before)
    expect(bothWays(header(null, 0), [])[0]).toBe(bothWays(header(null, 0), [])[1])
    const withCrumbs = { ...summarize(mixed.slice(0, 40)), ignoredPieces: 12, ignoredM2: 3.25 }
    expect(bothWays(header('A "quoted" city', 1), mixed.slice(0, 40), withCrumbs)[0]).toBe(bothWays(header('A "quoted" city', 1), mixed.slice(0, 40), withCrumbs)[1])
  })

  it('keeps the list it was given in its order', () => {
    const findings = generatedFindings(500)
    const ids = findings.map((f) => f.id)
    bothWays(header('Livermore', 63), findings)
    expect(findings.map((f) => f.id)).toEqual(ids)
  })

  // A process of its own, stopped at the limit: today's formatter copied a group per line and did
  // not finish 200,000 findings of one kind in 10 minutes; the linear one takes a few seconds.
  // The limit is a tripwire against quadratic work, not the speed target (bench/validate-output).
  it('prints 200,000 findings of one kind long before a quadratic formatter would', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench/validate-output/format-child.ts'), 'text', '200000'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    })
    expect(r.signal, 'stopped at the 60 s limit').toBeNull()
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { bytes: number }).bytes).toBeGreaterThan(200_000 * 50)
  }, 90_000)
})
