import { existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_NESTING_TOLERANCE, type NestedBeat } from '../../shared/geo/nesting'
import { showValue } from '../../shared/text/bounded'
import { safeLine } from '../../shared/text/safe-text'
import { AppError } from '../services/app-error'
import { bool, str } from './args'
import { EXIT, InputError, UsageError, type CliCommand, type CliIo, type FlagValues } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

/** "0.01", "1%" -> 0.01. */
function tolerance(text: string | undefined): number {
  if (text === undefined) return DEFAULT_NESTING_TOLERANCE
  const m = /^(\d+(?:\.\d+)?|\.\d+)(%)?$/.exec(text.trim())
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN
  if (!Number.isFinite(v) || v < 0 || v >= 1) throw new UsageError(`nesting: --tolerance must be a share of a beat's area from 0 to below 1 (0.01) or a percentage (1%), not '${showValue(text, 40)}'`)
  return v
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.001 && x > 0 ? 3 : 1)}%`

function describe(b: NestedBeat, withCalls: boolean): string {
  const parts = b.parts.filter((p) => p.share >= 0.00001 || (p.calls ?? 0) > 0).map((p) => `${p.neighborhoodName} (${p.neighborhoodId}, ${p.areaName}) ${pct(p.share)}${withCalls && p.callShare !== null ? `, ${pct(p.callShare)} of calls` : ''}`)
  if (b.outsideShare > 0.0005) parts.push(`no neighborhood ${pct(b.outsideShare)}`)
  return `${b.split ? 'SPLIT ' : ''}${b.id}: ${parts.join('; ') || 'in no neighborhood'}`
}

function printText(io: CliIo, r: Awaited<ReturnType<typeof run>>): void {
  io.out(safeLine(`CAD beats in ${r.file}: ${r.beats.length}; split between neighborhoods by more than ${pct(r.tolerance)} of their area: ${r.split.length}; between Area Commands: ${r.areaSplit.length}.`))
  for (const n of r.notices) io.out(`notice: ${safeLine(n)}`)
  for (const b of r.beats) io.out(safeLine(describe(b, r.withCalls)))
}

async function run(flags: FlagValues, file: string, idField: string, tol: number) {
  const plan = await openTarget('nesting', flags, { readOnly: true })
  try {
    return await plan.services.nesting.check(file, { idField, tolerance: tol })
  } catch (e) {
    if (e instanceof AppError) throw new InputError(`nesting: ${e.message}`)
    throw e
  } finally {
    await plan.closeAll()
  }
}

export const nestingCommand: CliCommand = {
  name: 'nesting',
  summary: 'Do the dispatch (CAD) beats nest in the neighborhoods? Each CAD beat with its share in each neighborhood; exit 1 when one is split.',
  flags: {
    db: { ...TARGET_FLAGS.db, help: 'the plan database (its draft is checked; or --server)' },
    server: TARGET_FLAGS.server,
    file: { type: 'string', required: true, arg: '<cad beats>', help: 'the CAD beat layer: .geojson/.json, .zip (Shapefile with .prj), .gpkg or .kml' },
    'id-field': { type: 'string', required: true, arg: '<F>', help: "field holding each CAD beat's id" },
    tolerance: { type: 'string', arg: '<share>', help: "how much of a beat's area may lie in other neighborhoods before it counts as split: 0.01 (default) or 1%" },
    csv: { type: 'string', arg: '<out.csv>', help: 'also write the crosswalk (CAD beat → neighborhood → Area Command, with shares) for the CAD administrator' },
    json: { type: 'boolean', help: 'print the result as JSON' },
  },
  notes: [
    'A beat is split when its ground outside its largest neighborhood, inside other neighborhoods, is more than the tolerance of',
    'its area; ground outside every neighborhood is listed but does not split it. With calls for service imported in the plan,',
    'each part also shows its share of the beat\'s calls (on a plan file: calls imported in the app stay on that desk, not on a',
    'department server). Exit 0 when no beat is split, 1 when one is, 2 on a bad file or field.',
  ],
  async run(flags, io) {
    const tol = tolerance(str(flags, 'tolerance'))
    const file = str(flags, 'file')!
    if (!existsSync(file)) throw new InputError(`nesting: there is no CAD beat layer at ${file}`)
    const out = str(flags, 'csv')
    const r = await run(flags, file, str(flags, 'id-field')!, tol)
    if (out) writeFileSync(resolve(out), r.crosswalk)
    if (bool(flags, 'json')) {
      const { crosswalk: _csv, ...rest } = r
      void _csv
      io.out(JSON.stringify(rest, null, 2))
    } else {
      printText(io, r)
      if (out) io.out(safeLine(`Crosswalk written to ${out}`))
    }
    return r.split.length > 0 ? EXIT.blocked : EXIT.ok
  },
}
