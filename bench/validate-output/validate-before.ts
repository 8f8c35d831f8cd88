/**
 * `validate --db <file>` (text) as it ran before issue 17 item 14, for the end-to-end "before"
 * figure: the same services and steps as src/main/cli/validate.ts had then (findings, summary,
 * the plan loaded a second time for the header line, the old formatter), written to stdout the
 * way src/main/cli.ts writes a command's text.
 *
 *   npx tsx bench/validate-output/validate-before.ts <plan.sqlite>
 */
import { openPlan } from '../../src/main/cli/open-plan'
import { summarize } from '../../src/shared/geo/validate'
import { formatFindings } from './print-findings-before'

async function main(dbFile: string): Promise<number> {
  const plan = await openPlan(dbFile)
  try {
    const { validation, plans, settings } = plan.services
    const findings = validation.findings()
    const summary = summarize(findings)
    const text = formatFindings(plans.load(), findings, summary, settings.get().tolerances)
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    return summary.blocking ? 1 : 0
  } finally {
    plan.close()
  }
}

void main(process.argv[2]).then((code) => {
  process.exitCode = code
})
