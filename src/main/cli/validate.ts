import { summarize } from '../../shared/geo/validate'
import { bool } from './args'
import { EXIT, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'
import { countPlan } from './plan-counts'
import { formatFindings } from './print-findings'

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check the plan against every rule (gaps, overlaps, outside-area, invalid geometry, slivers, staffing).',
  flags: {
    db: TARGET_FLAGS.db,
    json: { type: 'boolean', help: 'print exactly the JSON object {summary, findings} on stdout' },
    server: TARGET_FLAGS.server,
  },
  notes: ['Exit code: 0 when nothing blocks publishing, 1 when something does, 2 on a usage or input error.', 'Tolerances are the plan\'s settings (set in the app).'],
  async run(flags, io) {
    const plan = await openTarget('validate', flags, { readOnly: true })
    try {
      const { validation, settings } = plan.services
      const findings = validation.findings()
      const summary = summarize(findings)
      if (bool(flags, 'json')) io.out(JSON.stringify({ summary, findings }))
      else io.out(formatFindings(countPlan(plan.db), findings, summary, settings.get().tolerances))
      return summary.blocking ? EXIT.blocked : EXIT.ok
    } finally {
      await plan.closeAll()
    }
  },
}
