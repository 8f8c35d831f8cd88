import { spawn } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { changesSince } from '../../src/main/server/repos/change-log-repo'
import { readPlanRows } from '../../src/main/server/repos/plan-rows-repo'
import { createServices } from '../../src/main/services'
import { REPO, spawnCli, tempDir, type CliRun } from '../cli/spawn-cli'
import { SAMPLE_DIR } from '../helpers/services'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { tables } from './desk'

let server: TestServer
let owner: pg.Client
let admin: string
let commander: string
const tmp = tempDir('acp-cli-server-writes-')
const dir = tmp.dir
const file = join(dir, 'sample.sqlite')

// Each command starts the CLI and a pool on a real server, and Chicago's plan travels whole: on a loaded
// two-core machine this file took 2-4 minutes where an idle one takes 30 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.owner()
  admin = await server.addLogin('admin_1', 'administration', null)
  commander = await server.addLogin('ne_cmdr', 'commander', 'NE')
  expect(spawnCli('init', '--db', file, '--sample').code).toBe(0)
  // The sample plan with its settings (department, tolerances) on the server, as Administration would put it there.
  expect(spawnCli('server', 'push', '--db', file, '--server', server.ownerUrl).code).toBe(0)
})
afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

function planTables(db: string) {
  const h = openDatabase(db)
  try {
    return tables(createServices({ db: h, dbPath: db, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 't', appVersion: '0' }).plans.load())
  } finally {
    h.close()
  }
}

/** The sample's neighborhoods with every name changed: a layer import that updates all 19 rows. */
function renamedLayer(suffix: string): string {
  const fc = JSON.parse(readFileSync(join(SAMPLE_DIR, 'neighborhoods.geojson'), 'utf8')) as { features: { properties: { name: string } }[] }
  for (const f of fc.features) f.properties.name += suffix
  const out = join(dir, `neighborhoods${suffix.replace(/\W/g, '')}.geojson`)
  writeFileSync(out, JSON.stringify(fc))
  return out
}
const importArgs = (layer: string) => ['import', '--layer', 'neighborhoods', '--file', layer, '--id-field', 'id', '--area-field', 'areaId', '--name-field', 'name']
const withoutStep = (out: string) => out.replace(/\(#\d+\)/, '(#n)')

type Ring = number[][]
const sampleLayer = () => JSON.parse(readFileSync(join(SAMPLE_DIR, 'neighborhoods.geojson'), 'utf8')) as { features: { properties: { id: string; areaId: string }; geometry: { coordinates: Ring[] } }[] }
const M_PER_DEG = { lon: 88_000, lat: 111_000 }

/** The sample's neighborhoods with a notch 0.5 m deep in the border two Northwest neighborhoods share: a gap sliver of NW (~60 m²). */
function notchedLayer(): string {
  const fc = sampleLayer()
  const nw = fc.features.filter((f) => f.properties.areaId === 'NW')
  const key = (p: number[], q: number[]) => `${p}|${q}`
  const shared = new Set(nw.flatMap((f) => f.geometry.coordinates[0].slice(1).map((q, i) => key(q, f.geometry.coordinates[0][i]))))
  for (const f of nw) {
    const ring = f.geometry.coordinates[0]
    const i = ring.slice(1).findIndex((q, i) => shared.has(key(ring[i], q)) && Math.hypot((q[0] - ring[i][0]) * M_PER_DEG.lon, (q[1] - ring[i][1]) * M_PER_DEG.lat) < 400)
    if (i < 0) continue
    const [p, q] = [ring[i], ring[i + 1]]
    const [dx, dy] = [(q[0] - p[0]) * M_PER_DEG.lon, (q[1] - p[1]) * M_PER_DEG.lat]
    const l = Math.hypot(dx, dy)
    ring.splice(i + 1, 0, [(p[0] + q[0]) / 2 - (dy / l) * (0.5 / M_PER_DEG.lon), (p[1] + q[1]) / 2 + (dx / l) * (0.5 / M_PER_DEG.lat)])
    break
  }
  const out = join(dir, 'neighborhoods-notched.geojson')
  writeFileSync(out, JSON.stringify(fc))
  return out
}

/** The real CLI in its own process without blocking this one (the test acts on the server meanwhile). */
function cliAsync(...argv: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/main/cli.ts'), ...argv], { cwd: REPO })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal) reject(new Error(`npm run cli -- ${argv.join(' ')} hung: killed`))
      else resolve({ code: code ?? -1, out, err })
    })
  })
}

// Each command is a process of its own (seconds each on a loaded machine).
describe('writing commands on a department server (real PostgreSQL 15 + PostGIS)', { timeout: 240_000 }, () => {
  it('import --server stores what import --db stores, and export --server writes the same files as export --db', async () => {
    const layer = renamedLayer(' 2026')
    const local = join(dir, 'local.sqlite')
    copyFileSync(file, local)
    const onFile = spawnCli(...importArgs(layer), '--db', local)
    const onServer = spawnCli(...importArgs(layer), '--server', admin)
    expect(onFile.code).toBe(0)
    expect(onServer.code).toBe(0)
    expect(onServer.out).toMatch(/^Imported 19 neighborhoods from /)
    // The same report, but for the backup: on a file one is kept; a server's command works on a throw-away copy.
    const fileLines = withoutStep(onFile.out).split('\n')
    expect(fileLines.filter((l) => l.startsWith('Backup taken before the import: '))).toHaveLength(1)
    expect(withoutStep(onServer.out).split('\n')).toEqual(fileLines.filter((l) => !l.startsWith('Backup taken')))
    expect(tables(await readPlanRows(owner)).neighborhoods).toEqual(planTables(local).neighborhoods)

    const a = spawnCli('export', '--db', local, '--out', join(dir, 'file.geojson'), '--date', '2026-01-01')
    const b = spawnCli('export', '--server', admin, '--out', join(dir, 'server.geojson'), '--date', '2026-01-01')
    expect(a.code).toBe(0)
    expect(b.code).toBe(0)
    expect(readFileSync(join(dir, 'server.geojson'), 'utf8')).toBe(readFileSync(join(dir, 'file.geojson'), 'utf8'))
    expect(readFileSync(join(dir, 'server.areas.geojson'), 'utf8')).toBe(readFileSync(join(dir, 'file.areas.geojson'), 'utf8'))
  })

  it('the server going away mid-write: nothing is stored, the command says so and to run it again, and running it again stores it once', async () => {
    const layer = renamedLayer(' v3')
    const label = (await changesSince(owner, 0)).length
    // Administration's import waits for the log's lock (held here), so it is certainly mid-write when its connection is cut.
    const blocker = await server.owner()
    await blocker.query('BEGIN')
    await blocker.query('SELECT pg_advisory_xact_lock(4711)')
    const run = cliAsync(...importArgs(layer), '--server', admin)
    let pid = 0
    for (let i = 0; i < 600 && !pid; i++) {
      const r = await owner.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE usename = 'admin_1' AND query LIKE '%apply_change_set%' AND wait_event_type = 'Lock'`)
      pid = r.rows[0]?.pid ?? 0
      if (!pid) await new Promise((r) => setTimeout(r, 50))
    }
    expect(pid, 'the import reached the server').toBeGreaterThan(0)
    // The server drops the connection and lets no new one in while the command retries.
    await owner.query('ALTER ROLE admin_1 NOLOGIN')
    await owner.query('SELECT pg_terminate_backend($1)', [pid])
    await blocker.query('ROLLBACK')
    const cut = await run
    expect(cut.code).toBe(2)
    expect(cut.err).toMatch(/^"Import 19 neighborhoods from neighborhoodsv3\.geojson \(replace\)" was not stored on postgres:\/\/admin_1:\*\*\*@127\.0\.0\.1:\d+\/acp: .+\. The server holds none of it \(a change is one transaction\); run the same command again to retry\.$/m)
    expect((await changesSince(owner, 0)).length).toBe(label)
    expect((await readPlanRows(owner)).neighborhoods.every((n) => n.name.endsWith(' 2026'))).toBe(true)

    await owner.query('ALTER ROLE admin_1 LOGIN')
    const again = spawnCli(...importArgs(layer), '--server', admin)
    expect(again.code).toBe(0)
    const log = await changesSince(owner, 0)
    expect(log.length).toBe(label + 1)
    expect((await readPlanRows(owner)).neighborhoods.every((n) => n.name.endsWith(' v3'))).toBe(true)
  })

  it("server pull works for a commander's login, and a login that may not read the plan is told so at once", async () => {
    const pulled = join(dir, 'pulled-by-commander.sqlite')
    const pull = spawnCli('server', 'pull', '--server', commander, '--db', pulled)
    expect(pull.code).toBe(0)
    expect(planTables(pulled)).toEqual(tables(await readPlanRows(owner)))

    await owner.query(`CREATE ROLE visitor LOGIN PASSWORD 'pw-visitor'; GRANT CONNECT ON DATABASE acp TO visitor`)
    const refused = spawnCli('server', 'pull', '--server', server.urlFor('visitor', 'pw-visitor'), '--db', join(dir, 'pulled-by-visitor.sqlite'))
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/The login visitor may not read the plan on postgres:\/\/visitor:\*\*\*@.+ \(PostgreSQL: permission denied .+\); the server's owner gives it a role with: npm run cli -- server user --login visitor/)
  })

  it('compare, workload, nesting and print --server print what they print with --db on the same plan (compare sees the versions published on the server)', () => {
    const pulled = join(dir, 'pulled-for-reads.sqlite')
    expect(spawnCli('server', 'pull', '--server', admin, '--db', pulled).code).toBe(0)
    // A call at the mean of each sample neighborhood's corners, at a different hour each.
    const calls = join(dir, 'calls.csv')
    const mean = (r: Ring, k: number) => r.reduce((s, p) => s + p[k], 0) / r.length
    writeFileSync(calls, ['Longitude,Latitude,Datetime', ...sampleLayer().features.map((f, i) => `${mean(f.geometry.coordinates[0], 0)},${mean(f.geometry.coordinates[0], 1)},2026-03-0${1 + (i % 7)} ${String(i).padStart(2, '0')}:30`)].join('\n'))
    const reads: [string[], number][] = [
      [['compare', '--from', 'published', '--to', 'draft', '--json'], 0],
      [['workload', '--calls', calls, '--json'], 0],
      // The Area Commands as CAD beats: each split between its neighborhoods (exit 1).
      [['nesting', '--file', join(SAMPLE_DIR, 'areas.geojson'), '--id-field', 'id', '--json'], 1],
    ]
    for (const [args, code] of reads) {
      const onFile = spawnCli(...args, '--db', pulled)
      const onServer = spawnCli(...args, '--server', commander)
      expect(onFile.err, args[0]).toBe('')
      expect(onFile.code, args[0]).toBe(code)
      expect(onServer.err, args[0]).toBe('')
      expect(onServer.code, args[0]).toBe(code)
      expect(JSON.parse(onServer.out), args[0]).toEqual(JSON.parse(onFile.out))
    }
    expect(JSON.parse(spawnCli('workload', '--calls', calls, '--json', '--server', commander).out).calls.inCity).toBeGreaterThan(0)
    const pdf = (where: string[], name: string) => spawnCli('print', '--area', 'NE', '--out', join(dir, name), ...where)
    const a = pdf(['--db', pulled], 'file.pdf')
    const b = pdf(['--server', commander], 'server.pdf')
    expect([a.code, b.code]).toEqual([0, 0])
    expect(b.out.replace('server.pdf', 'X')).toBe(a.out.replace('file.pdf', 'X'))
    expect(readFileSync(join(dir, 'server.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it("repair and roster --server store their step on the server; a commander's login outside their area is refused with exit 2 and nothing stored", async () => {
    expect(spawnCli(...importArgs(notchedLayer()), '--server', admin).code).toBe(0)
    const slivers = () => (JSON.parse(spawnCli('validate', '--server', commander, '--json').out) as { findings: { kind: string; sliver?: boolean }[] }).findings.filter((f) => f.sliver)
    expect(slivers().map((f) => f.kind)).toEqual(['gap'])
    const roster = join(dir, 'roster-nw.csv')
    writeFileSync(roster, 'Name,Employee ID,Area\nPat Quinn,T-900,NW\n')
    const logged = (await changesSince(owner, 0)).length

    const repairRefused = spawnCli('repair', '--server', commander, '--slivers')
    expect(repairRefused.code).toBe(2)
    expect(repairRefused.err).toMatch(/^Nothing was repaired: none of the 1 sliver can be repaired \(You are acting as the Area Commander of Northeast; .+ belongs to Northwest\. .+\)\. Nothing was stored on postgres:\/\/ne_cmdr:\*\*\*@.+\.$/m)
    const rosterRefused = spawnCli('roster', '--server', commander, '--file', roster)
    expect(rosterRefused.code).toBe(2)
    expect(rosterRefused.err).toMatch(/roster-nw\.csv: You are acting as the Area Commander of Northeast; Pat Quinn is assigned to Northwest\./)
    expect((await changesSince(owner, 0)).length).toBe(logged)
    expect((await readPlanRows(owner)).officers.some((o) => o.private?.employeeId === 'T-900')).toBe(false)

    const repaired = spawnCli('repair', '--server', admin, '--slivers', '--json')
    expect(repaired.code).toBe(0)
    expect((JSON.parse(repaired.out) as { changes: { kind: string }[] }).changes.map((c) => c.kind)).toEqual(['gap'])
    const rostered = spawnCli('roster', '--server', admin, '--file', roster, '--json')
    expect(rostered.code).toBe(0)
    expect(JSON.parse(rostered.out)).toMatchObject({ added: 1, updated: 0 })
    // Both steps are on the server, and another desk (a commander's validate) sees the repaired plan.
    expect((await changesSince(owner, 0)).length).toBe(logged + 2)
    expect((await readPlanRows(owner)).officers.some((o) => o.private?.employeeId === 'T-900')).toBe(true)
    expect(slivers()).toEqual([])
  })
})
