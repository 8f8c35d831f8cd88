import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { openDatabase } from '../../src/main/db/connection'
import { connectServer } from '../../src/main/server/connect'
import { startDevServer, stopDevServer } from '../../src/main/server/dev-server'
import { planAsAdds } from '../../src/main/server/plan-adds'
import { CHANGE_CHANNEL, listenForChanges, storeChangeSet } from '../../src/main/server/repos/change-log-repo'
import { setLogin } from '../../src/main/server/repos/login-repo'
import { setupSchema } from '../../src/main/server/repos/schema-repo'
import { createServices, type Services } from '../../src/main/services'
import { readSampleCity } from '../../src/main/services/seed-service'
import { invertChangeSet, type ChangeSet, type Officer } from '../../src/shared/domain'
import { freePort } from '../../tests/helpers/pg-server'

/**
 * Department server under several editors (issue 11 acceptance 8). One local PostgreSQL 15 +
 * PostGIS (the dev server) holds the sample city; 2, 5 and 20 simulated editors, each its own
 * login (a commander of NE, NW or S in turn, so row-level security applies) on its own
 * connection, each change one officer of its own area and store one change set a second
 * (random phase) through acp.apply_change_set, as a desk's sync does, while LISTENing on the
 * same connection as a desk does. Measured: change sets stored per second, and the time from
 * the start of one editor's store to another editor's notification (every other editor, every
 * store), p50/p95. Then the same editors storing back to back for a few seconds: the most
 * change sets per second the server takes.
 *
 * Baseline, SQLite alone: the same editors on one plan file (WAL), each its own connection and
 * services, storing the same change sets with ChangeService.apply. SQLite has no push: the other
 * editors learn of a change by polling PRAGMA data_version every POLL_MS and reading the log.
 *
 * BENCH_EDITORS=2,5,20 BENCH_SECONDS=20 POLL_MS=10. Needs /usr/lib/postgresql/15/bin and PostGIS.
 */
const here = path.dirname(fileURLToPath(import.meta.url))
const SAMPLE_DIR = path.resolve(here, '../../resources/geo')
const EDITORS = (process.env.BENCH_EDITORS ?? '2,5,20').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const FLAT_OUT_SECONDS = 3
const POLL_MS = Number(process.env.POLL_MS ?? 10)
const AREAS = ['NE', 'NW', 'S'] as const

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a')

/** Editor i changes the notes of its own officer: the (i / 3)-th active officer of area i % 3. */
function officerFor(officers: Officer[], i: number): Officer {
  const area = AREAS[i % 3]
  const mine = officers.filter((o) => o.areaId === area && o.status === 'active')
  const o = mine[Math.floor(i / 3)]
  if (!o) throw new Error(`the sample city has too few officers in ${area} for ${i + 1} editors`)
  return o
}

function noteChange(o: Officer, k: number, who: string): { cs: ChangeSet; after: Officer } {
  const after: Officer = { ...o, private: { ...o.private, notes: `${who} edit ${k}` } }
  return { cs: { label: `Notes of ${o.displayName} (${who} edit ${k})`, ops: [{ entity: 'officer', id: o.id, before: o, after }] }, after }
}

interface Figures { stored: number; perSecond: number; flatOut: number; latencies: number[]; storeTimes: number[] }

/** Runs `store(i, k)` for each editor once a second (random phase) for SECONDS. */
async function paced(n: number, store: (i: number, k: number) => Promise<void> | void): Promise<{ stored: number; seconds: number }> {
  const end = performance.now() + SECONDS * 1000
  let stored = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: n }, async (_, i) => {
    await sleep(Math.random() * 1000)
    for (let k = 0; performance.now() < end; k++) {
      const next = performance.now() + 1000
      await store(i, k)
      stored++
      await sleep(Math.max(0, next - performance.now()))
    }
  }))
  return { stored, seconds: (performance.now() - t0) / 1000 }
}

async function serverRun(ownerUrl: string, urlFor: (login: string) => string, n: number): Promise<Figures> {
  const owner = await connectServer(ownerUrl)
  const officers = (await owner.query<{ doc: Officer }>('SELECT doc FROM acp.officers ORDER BY id')).rows.map((r) => r.doc)
  await owner.end()
  const editors: { client: pg.Client; login: string; officer: Officer; clientId: string; seq: number }[] = []
  /** Log seq -> when its store started and who stored it. */
  const started = new Map<number, { t0: number; editor: number }>()
  const heard: { seq: number; t1: number; editor: number }[] = []
  const storeTimes: number[] = []
  for (let i = 0; i < n; i++) {
    const login = `editor_${i + 1}`
    const client = await connectServer(urlFor(login))
    await listenForChanges(client)
    client.on('notification', (m) => {
      if (m.channel === CHANGE_CHANNEL) heard.push({ seq: Number(m.payload), t1: performance.now(), editor: i })
    })
    editors.push({ client, login, officer: officerFor(officers, i), clientId: randomUUID(), seq: 0 })
  }
  const storeOne = async (i: number, k: number) => {
    const e = editors[i]
    const { cs, after } = noteChange(e.officer, k, e.login)
    const t0 = performance.now()
    const seq = await storeChangeSet(e.client, { changeSet: cs, inverse: invertChangeSet(cs), action: 'edit', profile: `commander:${AREAS[i % 3]}`, osUser: 'bench', clientId: e.clientId, clientSeq: ++e.seq })
    started.set(seq, { t0, editor: i })
    if (k < 1_000_000) storeTimes.push(performance.now() - t0)
    e.officer = after
  }
  const run = await paced(n, storeOne)
  await sleep(500)
  const latencies = heard.flatMap((h) => {
    const s = started.get(h.seq)
    return s && s.editor !== h.editor ? [h.t1 - s.t0] : []
  })
  // Flat out: every editor stores back to back.
  const flatEnd = performance.now() + FLAT_OUT_SECONDS * 1000
  let flat = 0
  const t0 = performance.now()
  await Promise.all(editors.map(async (_, i) => {
    for (let k = 1_000_000; performance.now() < flatEnd; k++) {
      await storeOne(i, k)
      flat++
    }
  }))
  const flatOut = flat / ((performance.now() - t0) / 1000)
  await Promise.all(editors.map((e) => e.client.end()))
  return { stored: run.stored, perSecond: run.stored / run.seconds, flatOut, latencies, storeTimes }
}

async function sqliteRun(n: number): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'acp-bench-server-sqlite-'))
  const dbPath = path.join(dir, 'plan.sqlite')
  const editors: { services: Services; officer: Officer; seen: number; version: number }[] = []
  try {
    for (let i = 0; i < n; i++) {
      const db = openDatabase(dbPath)
      const services = createServices({ db, dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: `editor_${i + 1}`, appVersion: '0.0.0-bench', locale: 'en-GB' })
      if (i === 0) services.seed.seedIfEmpty({ osUser: 'bench', profile: { role: 'admin' } })
      editors.push({ services, officer: officerFor(services.repos.officers.list(), i), seen: services.repos.audit.history(1)[0]?.seq ?? 0, version: db.pragma('data_version', { simple: true }) as number })
    }
    const started = new Map<number, { t0: number; editor: number }>()
    const latencies: number[] = []
    const storeTimes: number[] = []
    // The others' poll: PRAGMA data_version changes when another connection commits; then read the log's new rows.
    const poll = setInterval(() => {
      for (let i = 0; i < editors.length; i++) {
        const e = editors[i]
        const v = e.services.config.db.pragma('data_version', { simple: true }) as number
        if (v === e.version) continue
        e.version = v
        const t1 = performance.now()
        for (const row of e.services.repos.audit.history(50)) {
          if (row.seq <= e.seen) break
          const s = started.get(row.seq)
          if (s && s.editor !== i) latencies.push(t1 - s.t0)
        }
        e.seen = e.services.repos.audit.history(1)[0]?.seq ?? e.seen
      }
    }, POLL_MS)
    const storeOne = (i: number, k: number) => {
      const e = editors[i]
      const { cs, after } = noteChange(e.officer, k, `editor_${i + 1}`)
      const t0 = performance.now()
      const r = e.services.changes.apply(cs, { osUser: `editor_${i + 1}`, profile: { role: 'commander', areaId: AREAS[i % 3] } })
      started.set(r.seq, { t0, editor: i })
      if (k < 1_000_000) storeTimes.push(performance.now() - t0)
      // Its own write is no news to itself.
      e.seen = r.seq
      e.version = e.services.config.db.pragma('data_version', { simple: true }) as number
      e.officer = after
    }
    const run = await paced(n, storeOne)
    await sleep(200)
    clearInterval(poll)
    let flat = 0
    const t0 = performance.now()
    const flatEnd = t0 + FLAT_OUT_SECONDS * 1000
    for (let k = 1_000_000; performance.now() < flatEnd; k++) for (let i = 0; i < n; i++, flat++) storeOne(i, k)
    const flatOut = flat / ((performance.now() - t0) / 1000)
    return { stored: run.stored, perSecond: run.stored / run.seconds, flatOut, latencies, storeTimes }
  } finally {
    for (const e of editors) e.services.config.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`Load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores); ${SECONDS} s paced per run, ${FLAT_OUT_SECONDS} s flat out`)
  const dir = mkdtempSync(path.join(tmpdir(), 'acp-bench-server-'))
  let server
  try {
    server = startDevServer({ dir, port: await freePort() })
  } catch (e) {
    console.log(`Skipped: no local PostgreSQL 15 with PostGIS to run (${(e as Error).message.split('\n')[0]})`)
    rmSync(dir, { recursive: true, force: true })
    return
  }
  const urlFor = (login: string) => `postgres://${login}:pw-${login}@127.0.0.1:${server.port}/acp`
  try {
    const owner = await connectServer(server.ownerUrl)
    await setupSchema(owner)
    const cs = planAsAdds(readSampleCity(SAMPLE_DIR), 'Load the sample city')
    await storeChangeSet(owner, { changeSet: cs, inverse: invertChangeSet(cs), action: 'import', profile: 'admin', osUser: 'bench', clientId: null, clientSeq: null })
    for (let i = 0; i < Math.max(...EDITORS); i++) await setLogin(owner, `editor_${i + 1}`, 'commander', AREAS[i % 3], `pw-editor_${i + 1}`)
    await owner.end()

    console.log('editors | store             | change sets/s (1/s each) | flat out /s | store p50 / p95     | store -> other editor notified p50 / p95 (n)')
    for (const n of EDITORS) {
      const pgF = await serverRun(server.ownerUrl, urlFor, n)
      const sqF = await sqliteRun(n)
      const line = (name: string, f: Figures) =>
        `${String(n).padStart(7)} | ${name.padEnd(17)} | ${f.perSecond.toFixed(1).padStart(24)} | ${f.flatOut.toFixed(0).padStart(11)} | ${`${ms(pct(f.storeTimes, 50))} / ${ms(pct(f.storeTimes, 95))}`.padEnd(19)} | ${ms(pct(f.latencies, 50))} / ${ms(pct(f.latencies, 95))} (${f.latencies.length})`
      console.log(line('PostgreSQL', pgF))
      console.log(line(`SQLite, poll ${POLL_MS}ms`, sqF))
      if (n === 20) console.log(`        target: p95 under 200 ms with 20 editors -> ${pct(pgF.latencies, 95) < 200 ? 'met' : 'NOT met'} (${ms(pct(pgF.latencies, 95))})`)
    }
  } finally {
    stopDevServer(dir, 'fast')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
