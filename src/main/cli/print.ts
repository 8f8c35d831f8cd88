import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { safeLine } from '../../shared/text/safe-text'
import { rollCallPdf } from '../print/roll-call'
import { PAPERS, type Paper } from '../print/roll-call-sheet'
import { AppError } from '../services/app-error'
import { checkOutputPaths } from '../services/output-guard'
import { writeFilesTogether } from '../services/publication-files'
import { str } from './args'
import { EXIT, InputError, UsageError, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

/** The output guard and the atomic writer speak of publishing; a printed sheet is a file written. */
const asPrint = (m: string): string => m.replace(/Cannot publish/g, 'Cannot write').replace(/Nothing was published/g, 'Nothing was written')

export const printCommand: CliCommand = {
  name: 'print',
  summary: "Print an Area Command's roll-call map to a one-page PDF: its neighborhoods labelled, their adopting officers, the commander, plan version and date.",
  flags: {
    db: { ...TARGET_FLAGS.db, help: 'the plan database (only read; or --server)' },
    server: TARGET_FLAGS.server,
    area: { type: 'string', required: true, arg: '<id>', help: 'the Area Command id, as in the plan (e.g. NE)' },
    out: { type: 'string', required: true, arg: '<file.pdf>', help: 'the PDF to write (replaced whole, never half-written)' },
    paper: { type: 'string', values: PAPERS, help: 'landscape US Letter or A4 (default letter)' },
  },
  notes: ['The page shows the draft plan; it is stamped with the latest published version when the draft has not changed since.'],
  async run(flags, io) {
    const out = resolve(str(flags, 'out')!)
    if (!/\.pdf$/i.test(out)) throw new UsageError(`print: --out must name a .pdf file, not '${str(flags, 'out')}'`)
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new InputError(`print: the folder ${dirname(out)} does not exist`)
    const paper = (str(flags, 'paper') ?? 'letter') as Paper
    const plan = await openTarget('print', flags, { readOnly: true })
    try {
      checkOutputPaths([out], { dbPath: plan.dbPath, backupDir: plan.services.backups.backupDir })
      const { bytes } = await rollCallPdf(plan.services, str(flags, 'area')!, paper)
      writeFilesTogether([{ path: out, data: bytes }])
      io.out(`wrote ${safeLine(out)} (${paper === 'a4' ? 'A4' : 'US Letter'} landscape, 1 page)`)
      return EXIT.ok
    } catch (e) {
      if (e instanceof AppError) throw new InputError(`print: ${asPrint(e.message)}`)
      throw e
    } finally {
      await plan.closeAll()
    }
  },
}
