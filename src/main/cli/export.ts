import { safeLine } from '../../shared/text/safe-text'
import { AppError } from '../services/app-error'
import { bool, str } from './args'
import { EXIT, InputError, UsageError, type CliCommand } from './command'
import { summaryLine } from './import'
import { openTarget, TARGET_FLAGS } from './open-target'
import { resolve } from 'node:path'
import { isoDateSchema } from '../../shared/ipc/features/publish-contract'
import { missingDepartmentFields } from '../../shared/publish/public-dataset'

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Publish the plan as a new version: the public neighborhoods and Area Commands as GeoJSON, GeoPackage, zipped Shapefile or KML.',
  flags: {
    db: TARGET_FLAGS.db,
    out: { type: 'string', required: true, arg: '<file>', help: 'its ending picks the format: .geojson (the neighborhoods; the areas go to <name>.areas.geojson beside it), .gpkg, .shp.zip or .kml' },
    force: { type: 'boolean', help: 'publish even though blocking findings exist (recorded as an override in the audit log)' },
    reason: { type: 'string', arg: '<text>', help: 'the override reason recorded with --force (default: "forced from the command line")' },
    date: { type: 'string', arg: '<YYYY-MM-DD>', help: 'effective date of the version (default: today)' },
    server: TARGET_FLAGS.server,
  },
  notes: [
    'Only public fields leave the building (domain.md). Files are written under a temporary name and renamed.',
    'Exit 1 when blocking findings exist and --force is not given (the findings summary goes to stderr).',
    "Exit 2 while the department's name or non-emergency phone is not set (see the settings command); --force does not override that.",
  ],
  async run(flags, io) {
    const date = str(flags, 'date') ?? today()
    if (!isoDateSchema.safeParse(date).success) throw new UsageError(`export: --date must be a calendar date YYYY-MM-DD, not '${date}'`)
    if (str(flags, 'reason') && !bool(flags, 'force')) throw new UsageError('export: --reason applies with --force only')
    const plan = await openTarget('export', flags, { purpose: 'publish a version of it' })
    try {
      const { publish, validation, settings } = plan.services
      // First, and --force does not lift it: without these the public map has no department to call.
      const missing = missingDepartmentFields(settings.get().department)
      if (missing.length) {
        const db = str(flags, 'db') ? str(flags, 'db')! : `<file>`
        throw new InputError(
          `export: not published: ${missing.map((f) => f.label).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set (--force does not override this); set ${missing.length === 1 ? 'it' : 'them'} with: npm run cli -- settings --db ${db} ${missing.map((f) => `${f.flag} <text>`).join(' ')}`,
        )
      }
      const summary = validation.summary()
      if (summary.blocking && !bool(flags, 'force')) {
        const kinds = Object.entries(summary.byKind).map(([k, n]) => `${n} ${k}`).join(', ')
        io.err(`export: not published: ${summaryLine(summary)} (${kinds}). Run validate for the findings, or add --force to publish anyway.`)
        return EXIT.blocked
      }
      const reason = summary.blocking ? (str(flags, 'reason') ?? 'forced from the command line (--force)') : undefined
      const r = await publish.publish({ effectiveDate: date, outFile: resolve(str(flags, 'out')!), overrideReason: reason }, plan.actor)
      // The reason and the paths are the user's text: safeLine keeps each on its own line.
      io.out(`Published version ${r.version.number} (effective ${r.version.effectiveDate})${r.version.overrideReason ? ` over blocking findings; override recorded: ${safeLine(r.version.overrideReason)}` : ''}.`)
      for (const f of r.written) io.out(`wrote ${safeLine(f)}`)
      // On a server the backup would be of the command's throw-away working copy, gone when it ends.
      if (r.backupFile && !str(flags, 'server')) io.out(`Backup taken before publishing: ${safeLine(r.backupFile)}`)
      return EXIT.ok
    } catch (e) {
      if (e instanceof AppError) throw new InputError(e.message)
      throw e
    } finally {
      await plan.closeAll()
    }
  },
}
