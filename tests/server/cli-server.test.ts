import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { createServices } from '../../src/main/services'
import { planSettingsOf } from '../../src/main/services/plan-settings'
import { CHICAGO, chicagoPresent, spawnCli, tempDir } from '../cli/spawn-cli'
import { SAMPLE_DIR } from '../helpers/services'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { tables } from './desk'

let server: TestServer
let admin: string
let commander: string
const tmp = tempDir('acp-cli-server-')
const dir = tmp.dir

// Each command starts the CLI and a pool on a real server, and Chicago's plan travels whole: on a loaded
// two-core machine this file took 2-4 minutes where an idle one takes 30 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.addLogin('admin_1', 'administration', null)
  commander = await server.addLogin('ne_cmdr', 'commander', 'NE')
})
afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

/** The real CLI with extra environment variables (PGPASSWORD). */
function cliWith(env: Record<string, string>, ...argv: string[]) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return spawnCli(...argv)
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
}

function planTables(file: string) {
  const db = openDatabase(file)
  try {
    const s = createServices({ db, dbPath: file, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 't', appVersion: '0' })
    return { ...tables(s.plans.load()), settings: s.repos.settings.all() }
  } finally {
    db.close()
  }
}

/** --server with the password from PGPASSWORD, as PostgreSQL's tools take it. */
function withoutPassword(url: string): { url: string; env: Record<string, string> } {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  return { url: u.toString(), env: { PGPASSWORD: password } }
}

describe('the command line on a department server (real PostgreSQL 15 + PostGIS)', () => {
  it('init --sample, validate and lookup take --server (password from PGPASSWORD) and answer as they do on a file; a second init is refused; pull writes the same rows', () => {
    const file = join(dir, 'sample.sqlite')
    expect(spawnCli('init', '--db', file, '--sample').code).toBe(0)
    const { url, env } = withoutPassword(admin)
    const init = cliWith(env, 'init', '--server', url, '--sample')
    expect(init.code).toBe(0)
    expect(init.out).toMatch(/with the sample city .*3 Area Commands, 19 neighborhoods, 63 officers/)

    const local = spawnCli('validate', '--db', file, '--json')
    const remote = cliWith(env, 'validate', '--server', url, '--json')
    expect(remote.code).toBe(local.code)
    expect(JSON.parse(remote.out)).toEqual(JSON.parse(local.out))
    const at = ['--lon', '-121.76', '--lat', '37.68']
    expect(cliWith(env, 'lookup', '--server', url, ...at).out).toBe(spawnCli('lookup', '--db', file, ...at).out)

    // init never overwrites a plan, on a server as on a file.
    const refused = spawnCli('init', '--server', commander, '--sample')
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/already holds a plan/)

    const pulled = join(dir, 'pulled.sqlite')
    const pull = spawnCli('server', 'pull', '--server', server.ownerUrl, '--db', pulled)
    expect(pull.code).toBe(0)
    // The same rows and the same plan settings: init --sample stored the sample department on the server too.
    const fromServer = planTables(pulled)
    const fromFile = planTables(file)
    expect(fromServer.settings).toMatchObject({ department: { name: 'Livermore Police Department' } })
    expect({ ...fromServer, settings: planSettingsOf(fromServer.settings) }).toEqual({ ...fromFile, settings: planSettingsOf(fromFile.settings) })
  })

  it.skipIf(!chicagoPresent)('server push of the Chicago plan, validate --server gives the same findings as --db, and pull gives the same tables', async () => {
    const chicago = await startTestServer()
    try {
      const db = join(dir, 'chicago.sqlite')
      expect(spawnCli('init', '--db', db).code).toBe(0)
      expect(spawnCli('settings', '--db', db, '--department-name', 'Chicago Police Department', '--department-phone', '311').code).toBe(0)
      expect(spawnCli('import', '--db', db, '--layer', 'areas', '--file', join(CHICAGO, 'districts.geojson'), '--id-field', 'DIST_NUM', '--name-field', 'DIST_LABEL').code).toBe(0)
      expect(spawnCli('import', '--db', db, '--layer', 'neighborhoods', '--file', join(CHICAGO, 'beats.geojson'), '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT').code).toBe(0)
      const push = spawnCli('server', 'push', '--db', db, '--server', chicago.ownerUrl)
      expect(push.code).toBe(0)
      expect(push.out).toMatch(/Pushed 23 Area Commands, 275 neighborhoods, 0 officers, 0 published versions and \d+ audit entries/)
      expect(spawnCli('server', 'push', '--db', db, '--server', chicago.ownerUrl).err).toMatch(/is not empty/)

      const local = spawnCli('validate', '--db', db, '--json')
      const remote = spawnCli('validate', '--server', chicago.ownerUrl, '--json')
      expect(local.code).toBe(1)
      expect(remote.code).toBe(1)
      expect(JSON.parse(remote.out)).toEqual(JSON.parse(local.out))

      const pulled = join(dir, 'chicago-pulled.sqlite')
      expect(spawnCli('server', 'pull', '--server', chicago.ownerUrl, '--db', pulled).code).toBe(0)
      // The rows and the plan's settings (a desk's own, such as its background map, stay on that desk).
      const fromServer = planTables(pulled)
      expect(fromServer.settings).toMatchObject({ department: { name: 'Chicago Police Department' } })
      expect(fromServer).toEqual({ ...planTables(db), settings: planSettingsOf(planTables(db).settings) })
    } finally {
      await chicago.stop()
    }
  })
})
