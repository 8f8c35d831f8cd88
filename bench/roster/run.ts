import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../src/main/db/connection'
import { createServices, type Services } from '../../src/main/services'
import { AppError } from '../../src/main/services/app-error'
import type { PlanValidator } from '../../src/shared/geo/validate/incremental'
import { MAX_ROSTER_CSV_CHARS } from '../../src/shared/ipc/features/staffing-channels'
import { createOldValidator, oldDuplicateMessages } from './peer-validator'

/**
 * Roster import at scale (issue 17 item 13): generated rosters of 50,000, 100,000 and 1,000,000
 * rows, each previewed and imported through the officer service into a fresh copy of the sample
 * city in SQLite, beside the peer (the same services with the validator's old findIndex-per-op
 * applyOps, up to 100,000 rows: 1,000,000 does not finish). BENCH_SIZES=50000,100000 picks sizes.
 */
const here = path.dirname(fileURLToPath(import.meta.url))
const SAMPLE_DIR = path.resolve(here, '../../resources/geo')
const SIZES = (process.env.BENCH_SIZES ?? '50000,100000,1000000').split(',').map(Number)
const PEER_MAX = 100_000
const SURNAMES = ['Kim', 'Lee', 'Diaz', 'Ortiz', 'Nguyen', 'Park', 'Reyes', 'Ono', 'Young', 'Shah']

/**
 * The narrowest realistic roster, name and employee id, so 1,000,000 rows fit the 20 MB limit
 * of the import contract (the full 14-column export is ~150 bytes a row).
 */
function roster(n: number): string {
  const lines = ['Name,Employee ID']
  for (let i = 0; i < n; i++) lines.push(`${SURNAMES[i % SURNAMES.length]} ${String.fromCharCode(65 + (i % 26))},${1_000_000 + i}`)
  const text = lines.join('\n') + '\n'
  if (text.length > MAX_ROSTER_CSV_CHARS) throw new Error(`a roster of ${n} rows is ${text.length} characters, over the ${MAX_ROSTER_CSV_CHARS} limit`)
  return text
}

function freshPlan(): { services: Services; close(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'acp-bench-roster-'))
  const dbPath = path.join(dir, 'plan.sqlite')
  const db = openDatabase(dbPath)
  const services = createServices({ db, dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 'bench', appVersion: '0.0.0-bench' })
  services.seed.seedIfEmpty(services.session.actor())
  return {
    services,
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The peer: the live validator is swapped for the pre-fix copy (bench/roster/peer-validator.ts); everything else is shared. */
function usePeerValidator(s: Services): void {
  let v: PlanValidator | null = null
  const live = () => (v ??= createOldValidator(s.plans.load(), s.settings.get().tolerances))
  Object.assign(s.validation, { live })
}

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`
/** This process's CPU time in ms: on a shared machine wall time also counts waiting for a core (it counts V8's GC threads too). */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

interface Timing {
  preview: number
  importMs: number
  /** CPU time of preview + import. */
  cpu: number
  refused?: string
  /** Ours only: undoing the import, the one step it is (wall, CPU). */
  undo?: { wall: number; cpu: number }
}

function run(n: number, text: string, peer: boolean): Timing {
  const plan = freshPlan()
  try {
    const { officers, session } = plan.services
    if (peer) usePeerValidator(plan.services)
    const c0 = cpuMs()
    const t0 = performance.now()
    const p = officers.preview(text)
    const t1 = performance.now()
    let r
    try {
      r = officers.import(text, p.mapping, false, session.actor())
    } catch (e) {
      // Over SQLite's size for one audit row the import is refused; report the time it took to say so.
      if (e instanceof AppError && e.code === 'too-large') return { preview: t1 - t0, importMs: performance.now() - t1, cpu: cpuMs() - c0, refused: e.message }
      throw e
    }
    const t2 = performance.now()
    if (p.errorCount !== 0 || r.added !== n) throw new Error(`expected ${n} officers added, got ${r.added} (${p.errorCount} errors)`)
    const cpu = cpuMs() - c0
    if (peer) return { preview: t1 - t0, importMs: t2 - t1, cpu }
    const c3 = cpuMs()
    const t3 = performance.now()
    const undone = plan.services.changes.undo(session.actor())
    const undo = { wall: performance.now() - t3, cpu: cpuMs() - c3 }
    if (undone.changeSet.ops.length !== n) throw new Error(`expected the undo to remove ${n} officers, it has ${undone.changeSet.ops.length} ops`)
    return { preview: t1 - t0, importMs: t2 - t1, cpu, undo }
  } finally {
    plan.close()
  }
}

console.log(`Load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`)
for (const n of SIZES) {
  const text = roster(n)
  // The 1-minute load average as this size starts: on the shared machine it says how much wall time is waiting for a core.
  const load = loadavg()[0]
  const ours = run(n, text, false)
  const refused = ours.refused ? ` (import refused: ${ours.refused})` : ours.undo ? `, undo ${ms(ours.undo.wall)} (CPU ${ms(ours.undo.cpu)})` : ''
  const head = `${n.toLocaleString('en-US')} rows (${(text.length / 1e6).toFixed(1)} MB, load ${load.toFixed(1)}): ours preview ${ms(ours.preview)} + import ${ms(ours.importMs)} = ${ms(ours.preview + ours.importMs)} (CPU ${ms(ours.cpu)})${refused}`
  if (n > PEER_MAX) {
    console.log(`${head}; peer not run (over ${PEER_MAX.toLocaleString('en-US')} rows it does not finish in minutes)`)
    continue
  }
  const old = run(n, text, true)
  const ratio = (old.preview + old.importMs) / (ours.preview + ours.importMs)
  console.log(`${head}; peer (findIndex per op) preview ${ms(old.preview)} + import ${ms(old.importMs)} = ${ms(old.preview + old.importMs)} (CPU ${ms(old.cpu)}; ${ratio.toFixed(1)}x ours)`)
}

// 20,000 rows sharing one employee id: ours lists 20 lines per message; the peer copied the line list per row and listed every line.
const DUP = 20_000
const dupText = ['Name,Employee ID', ...Array.from({ length: DUP }, (_, i) => `Officer ${i},SAME-1`)].join('\n')
const dupPlan = freshPlan()
try {
  const t0 = performance.now()
  const p = dupPlan.services.officers.preview(dupText)
  const ours = performance.now() - t0
  const longest = Math.max(...p.errors.map((e) => e.message.length))
  const rows = Array.from({ length: DUP }, (_, i) => ({ line: i + 2, emp: 'SAME-1' }))
  const t1 = performance.now()
  const peer = oldDuplicateMessages(rows, 100)
  const peerMs = performance.now() - t1
  const total = (peer.chars / 100) * DUP
  console.log(
    `${DUP.toLocaleString('en-US')} rows sharing one employee id: ours whole preview ${ms(ours)}, longest message ${longest} characters; ` +
      `peer grouping + 100 of its messages ${ms(peerMs)}, ${Math.round(peer.chars / 100).toLocaleString('en-US')} characters a message, ` +
      `~${(total / 1e9).toFixed(1)} G characters for all ${DUP.toLocaleString('en-US')} (out of memory)`,
  )
} finally {
  dupPlan.close()
}
