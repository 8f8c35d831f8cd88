import { existsSync, statSync } from 'node:fs'
import type { PlanRef } from '../../shared/ipc/features/publish-contract'
import type { AddressPoints } from '../../shared/insight/affected'
import { comparePlans } from '../../shared/insight/compare-plans'
import type { ContinuityFigures } from '../../shared/insight/continuity'
import { showValue } from '../../shared/text/bounded'
import { safeLine } from '../../shared/text/safe-text'
import type { Services } from '../services'
import { readAddressColumns } from '../services/address-csv'
import { AppError } from '../services/app-error'
import { storedAddresses, storedCalls } from '../services/continuity-basis'
import { bool, str } from './args'
import { EXIT, InputError, UsageError, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'
import { readTextFile } from './read-text'

/** Same limit as the address import over IPC would take, in characters. */
const MAX_ADDRESS_CSV_CHARS = 200_000_000
/** Affected addresses printed in the text output; --json lists them all. */
const SHOWN = 20

function planRef(flag: 'from' | 'to', value: string): PlanRef | 'published' {
  if (value === 'draft' || value === 'published') return value
  if (/^[1-9]\d{0,8}$/.test(value)) return Number(value)
  throw new UsageError(`compare: --${flag} must be a version number, 'published' (the last published version) or 'draft', not '${showValue(value, 60)}'`)
}

function resolveRef(services: Services, ref: PlanRef | 'published'): PlanRef {
  if (ref !== 'published') return ref
  const last = services.repos.versions.latest()
  if (!last) throw new InputError('compare: no version of this plan has been published yet, so there is no published plan to compare with')
  return last.number
}

/** Address points from the file, refused whole (naming the file, line and column) when any row is bad. */
function readAddresses(file: string): AddressPoints {
  if (!existsSync(file)) throw new InputError(`There is no address file at ${file}`)
  const st = statSync(file)
  if (st.isDirectory()) throw new InputError(`${file} is a folder, not an address CSV file`)
  if (st.size > MAX_ADDRESS_CSV_CHARS * 4) throw new InputError(`${file} is larger than ${MAX_ADDRESS_CSV_CHARS / 1e6} MB; split it or remove unused columns`)
  let parsed: ReturnType<typeof readAddressColumns>
  try {
    parsed = readAddressColumns(readTextFile(file), file)
  } catch (e) {
    throw new InputError((e as Error).message)
  }
  // A mailing that silently leaves out a household is worse than no mailing: any bad row refuses the file.
  if (parsed.skipped.length) {
    const more = parsed.skipped.length - 1
    throw new InputError(`${parsed.skipped[0].message}${more ? ` (and ${more} more row${more === 1 ? '' : 's'} with problems)` : ''}; nothing was compared`)
  }
  if (parsed.points.address.length === 0) throw new InputError(`${file}: no address rows after the header; nothing was compared`)
  return parsed.points
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`)
const figures = (f: ContinuityFigures) => `neighborhoods ${pct(f.neighborhoods)}, workload ${pct(f.workload)}, residents ${pct(f.residents)}`
const label = (r: PlanRef) => (r === 'draft' ? 'the draft' : `version ${r}`)

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'Continuity between two plans (neighborhoods, workload and residents keeping their officer, per Area Command) and the addresses whose neighborhood, area or officers change.',
  flags: {
    db: TARGET_FLAGS.db,
    server: { ...TARGET_FLAGS.server, help: `${TARGET_FLAGS.server.help}; its published versions are the server's` },
    from: { type: 'string', required: true, arg: '<version|published>', help: "the earlier plan: a published version's number or 'published' (the last one)" },
    to: { type: 'string', required: true, arg: '<version|draft>', help: "the later plan: a published version's number or 'draft' (the plan as it is now)" },
    addresses: { type: 'string', arg: '<csv>', help: 'address points (address, lon, lat columns); without it, the address points imported into the plan, if any' },
    json: { type: 'boolean', help: 'print {"continuity": {...}, "affected": [...]} as JSON' },
  },
  notes: [
    'Shares are from 0 to 1 (JSON) or percentages (text); workload is null without imported calls for service, residents null without address points.',
    'Exit 0 when compared; 2 on a bad flag, an unknown version or a bad address file (the message names the file, line and column).',
    'On a department server (--server) the published versions compared are the ones the server holds. Calls for service and',
    'address points imported in the app stay on that desk, not on the server: give --addresses for the affected addresses.',
  ],
  async run(flags, io) {
    const fromRef = planRef('from', str(flags, 'from')!)
    const toRef = planRef('to', str(flags, 'to')!)
    const file = str(flags, 'addresses')
    const fileAddresses = file ? readAddresses(file) : null
    const plan = await openTarget('compare', flags, { readOnly: true })
    try {
      const { services } = plan
      const from = resolveRef(services, fromRef)
      const to = resolveRef(services, toRef)
      let fromPlan, toPlan
      try {
        fromPlan = services.publish.planAt(from)
        toPlan = services.publish.planAt(to)
      } catch (e) {
        if (e instanceof AppError) throw new InputError(`compare: ${e.message}`)
        throw e
      }
      const stored = fileAddresses ? null : storedAddresses(services.repos)
      const addresses = fileAddresses ?? (stored!.address.length ? stored : null)
      const calls = storedCalls(services.repos)
      const r = comparePlans(fromPlan, toPlan, { addresses, calls: calls.lon.length ? calls : null })
      if (bool(flags, 'json')) {
        // The affected list's entries are made here, as they are written (AffectedList.toJSON).
        io.out(JSON.stringify({ continuity: r.continuity, affected: r.affected }, null, 2))
        return EXIT.ok
      }
      io.out(`Continuity from ${label(from)} to ${label(to)} (share keeping their officer):`)
      io.out(`  City: ${figures(r.continuity)}`)
      for (const [id, a] of Object.entries(r.continuity.byArea)) io.out(`  ${safeLine(a.name)} (${safeLine(id)}): ${figures(a)}`)
      if (!addresses) {
        io.out('No address points: give --addresses <csv> to list the addresses affected.')
        return EXIT.ok
      }
      io.out(`Addresses affected: ${r.affected.length.toLocaleString('en-US')} of ${addresses.address.length.toLocaleString('en-US')}${r.affected.length > SHOWN ? ` (the first ${SHOWN}; --json lists all)` : ''}`)
      for (let k = 0; k < Math.min(SHOWN, r.affected.length); k++) {
        const p = r.affected.at(k)!
        const side = (s: typeof p.from) => `${s.neighborhood === null ? 'no neighborhood' : safeLine(s.neighborhood)} / ${s.area === null ? 'no area' : safeLine(s.area)} / ${s.officers.length ? s.officers.map(safeLine).join('; ') : 'no officer'}`
        io.out(`  ${safeLine(p.address)}: ${side(p.from)} -> ${side(p.to)}`)
      }
      return EXIT.ok
    } finally {
      await plan.closeAll()
    }
  },
}
