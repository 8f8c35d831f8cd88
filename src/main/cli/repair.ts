import type { FindingSummary } from '../../shared/domain'
import type { RepairProposal, SkippedRepair } from '../../shared/geo/repair'
import { AppError } from '../services/app-error'
import { bool } from './args'
import { EXIT, InputError, UsageError, type CliCommand, type CliIo } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'
import { summaryText } from './print-findings'

interface Outcome {
  dryRun: boolean
  proposals: RepairProposal[]
  skipped: SkippedRepair[]
  summary: FindingSummary
  /** The audit step, when something was stored. */
  seq?: number
  /** Names of neighborhoods by id, for the text. */
  names: Map<string, string>
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

function printText(o: Outcome, io: CliIo): void {
  const n = o.proposals.length
  const head = o.dryRun
    ? `Dry run: would repair ${plural(n, 'sliver')} as one undoable step; nothing was written.`
    : n ? `Repaired ${plural(n, 'sliver')} as one undoable step (#${o.seq}).` : 'Nothing was repaired.'
  const lines = [head]
  for (const p of o.proposals) {
    const who = p.neighborhoods.map((id) => o.names.get(id) ?? id).join(', ') || p.areas.join(', ') || '-'
    lines.push(`  ${p.findingId}  ${p.rule}  ${who}  ${p.m2Moved.toFixed(1)} m²  ${p.label}`)
  }
  if (o.skipped.length) {
    lines.push(`Left as they are: ${plural(o.skipped.length, 'sliver')}.`)
    for (const s of o.skipped) lines.push(`  ${s.findingId}  ${s.why}`)
  }
  lines.push((o.dryRun ? 'After these repairs: ' : 'Plan now: ') + summaryText(o.summary).replace(/^Summary: /, ''))
  io.out(lines.join('\n'))
}

function printJson(o: Outcome, io: CliIo): void {
  const changes = o.proposals.map((p) => ({ findingId: p.findingId, kind: p.kind, rule: p.rule, neighborhoods: p.neighborhoods, areas: p.areas, m2Moved: Math.round(p.m2Moved * 100) / 100 }))
  const { errors, warnings, blocking } = o.summary
  io.out(JSON.stringify({ dryRun: o.dryRun, changes, skipped: o.skipped, summary: { errors, warnings, blocking } }))
}

export const repairCommand: CliCommand = {
  name: 'repair',
  summary: 'Repair every sliver finding at once (gaps and overlaps, of neighborhoods and of Area Commands, by the longest shared border; ground outside an area clipped back, or taken into the area where clipping would widen a gap of the next), as one undoable step.',
  flags: {
    db: TARGET_FLAGS.db,
    server: { ...TARGET_FLAGS.server, help: `${TARGET_FLAGS.server.help}; a commander's login repairs only slivers of their own area` },
    slivers: { type: 'boolean', help: 'repair every sliver finding (required: the only repair the command line makes)' },
    'dry-run': { type: 'boolean', help: 'list what would change and the findings after it; write nothing' },
    json: { type: 'boolean', help: 'print {dryRun, changes: [{findingId, kind, rule, neighborhoods, areas, m2Moved}], skipped: [{findingId, why}], summary} on stdout (areas: the Area Commands whose boundary the repair moves)' },
  },
  usages: ['npm run cli -- repair --db <file> --slivers [--dry-run] [--json]', 'npm run cli -- repair --server <url> --slivers [--dry-run] [--json]'],
  notes: [
    'Each sliver is repaired on the plan as the ones before it left it, and kept only when the edit guard accepts it and it',
    'adds no error finding; the others are listed with the reason. All repairs are one change set, undone in one step in the app.',
    'Exit code: 0 when afterwards (with --dry-run: after the repair it would make) nothing blocks publishing, 1 when something',
    'does, 2 on a usage or input error (the plan unchanged), or when a commander\'s login (--server) may repair none of them.',
  ],
  async run(flags, io) {
    if (!bool(flags, 'slivers')) throw new UsageError('repair: --slivers is required (it is the only repair the command line makes)')
    const dryRun = bool(flags, 'dry-run')
    const plan = await openTarget('repair', flags, dryRun ? { readOnly: true } : { purpose: 'repair slivers in it' })
    try {
      const { repairs, validation } = plan.services
      const names = new Map(plan.services.plans.load().neighborhoods.map((n) => [n.id, n.name]))
      let outcome: Outcome
      if (dryRun) {
        const p = repairs.previewSlivers(plan.actor)
        outcome = { dryRun, proposals: p.proposals, skipped: p.skipped, summary: p.summary, names }
      } else {
        try {
          const r = repairs.repairSlivers(plan.actor)
          // On a server the step counts once the server stored it; refused (another area's rows, a conflict), it is not kept.
          await plan.finish()
          outcome = { dryRun, proposals: r.proposals, skipped: r.skipped, summary: r.summary, seq: r.seq, names }
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'nothing-to-repair')) throw e
          // A commander's login whose every sliver is another area's: refused, as the app refuses the gesture.
          if (plan.actor.profile.role === 'commander' && repairs.previewSlivers({ ...plan.actor, profile: { role: 'admin' } }).proposals.length) {
            throw new InputError(`${e.message} Nothing was stored on ${plan.name}.`)
          }
          outcome = { dryRun, proposals: [], skipped: (e.details as { skipped: SkippedRepair[] }).skipped, summary: validation.summary(), names }
        }
      }
      if (bool(flags, 'json')) printJson(outcome, io)
      else printText(outcome, io)
      return outcome.summary.blocking ? EXIT.blocked : EXIT.ok
    } catch (e) {
      if (e instanceof AppError) throw new InputError(`Nothing was repaired: ${e.message}`)
      throw e
    } finally {
      await plan.closeAll()
    }
  },
}
