import Database from 'better-sqlite3'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { connectServer } from '../../src/main/server/connect'
import { readServerSettings } from '../../src/main/server/repos/settings-repo'
import type { Actor } from '../../src/main/services/actor'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { makeServices } from '../helpers/services'
import { dumpTables } from '../helpers/table-dump'
import { openDesk, until, type Desk } from './desk'

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** A plan file's published versions, every column as stored but the audit row it points at (numbered per file). */
function versionsOf(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return dumpTables(db).published_versions.map((r) => {
      const { audit_seq: _a, ...rest } = r as Record<string, unknown>
      return rest
    })
  } finally {
    db.close()
  }
}

const admin: Actor = { osUser: 'dana', profile: { role: 'admin' } }
let server: TestServer
const desks: Desk[] = []
const clients: pg.Client[] = []
let local: ReturnType<typeof makeServices>

beforeAll(async () => {
  server = await startTestServer()
  local = makeServices({ osUser: 'dana' })
})
afterAll(async () => {
  for (const d of desks) await d.close()
  await Promise.all(clients.map((c) => c.end().catch(() => {})))
  local?.cleanup()
  await server?.stop()
})

describe('published versions on the department server (real PostgreSQL 15 + PostGIS)', () => {
  it('server push uploads a plan with its published versions, and server pull writes them back byte for byte', async () => {
    await local.publish.publish({ effectiveDate: '2026-01-05', overrideReason: 'sample plan' }, admin)
    const n = local.repos.neighborhoods.list()[0]
    local.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed before v2' } }] }, admin)
    await local.publish.publish({ effectiveDate: '2026-02-01', overrideReason: 'sample plan' }, admin)
    const file = join(local.dir, 'plan.sqlite')
    expect(versionsOf(file)).toHaveLength(2)

    // The file's own background map is this desk's: the plan's settings go up, the desk's stay behind.
    local.settings.set({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tolerances: { sliverWidthM: 7 } })
    const push = await cli(['server', 'push', '--db', file, '--server', server.ownerUrl])
    expect(push).toMatchObject({ code: 0 })
    expect(push.out).toMatch(/2 published versions/)
    const onServer = await readServerSettings(await server.owner())
    expect(onServer).toMatchObject({ tolerances: { sliverWidthM: 7 }, department: { name: 'Livermore Police Department' } })
    expect(onServer).not.toHaveProperty('tileUrl')
    const pulled = join(local.dir, 'pulled.sqlite')
    const pull = await cli(['server', 'pull', '--server', server.ownerUrl, '--db', pulled])
    expect(pull).toMatchObject({ code: 0 })
    expect(pull.out).toMatch(/and 2 published versions/)
    expect(versionsOf(pulled)).toEqual(versionsOf(file))
  })

  it('a desk that joins lists the server versions; one desk publishes and the other lists it with the same number and snapshot', async () => {
    const a = await openDesk(await server.addLogin('admin_a', 'administration', null), 'erin')
    desks.push(a)
    const b = await openDesk(await server.addLogin('admin_b', 'administration', null), 'frank')
    desks.push(b)
    expect(b.publish.versions().map((v) => v.number)).toEqual([2, 1])
    expect(b.publish.planAt(2)).toEqual(local.publish.planAt(2))

    const n = a.repos.neighborhoods.list()[0]
    a.changes.apply({ label: 'Rename for v3', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed for v3' } }] }, a.actor)
    const result = await a.publish.publish({ effectiveDate: '2026-03-01', overrideReason: 'sample plan' }, a.actor)
    expect(result.version.number).toBe(3)
    await until(() => b.publish.versions().length === 3, 'desk b to list version 3')
    expect(b.publish.versions()[0]).toEqual(a.publish.versions()[0])
    expect(b.publish.planAt(3)).toEqual(a.publish.planAt(3))
    expect(b.publish.planAt(3).neighborhoods.find((x) => x.id === n.id)?.name).toBe('Renamed for v3')
    expect(b.publish.files(3)).toEqual(a.publish.files(3))
    // Published from b's desk next, the server gives the next number, and a lists it.
    expect((await b.publish.publish({ effectiveDate: '2026-03-02', overrideReason: 'sample plan' }, b.actor)).version.number).toBe(4)
    await until(() => a.publish.versions().length === 4, 'desk a to list version 4')

    // A desk cannot store a number someone already published: the server refuses it, naming who.
    const [v3] = a.repos.versions.stored().filter((v) => v.number === 3)
    await expect(b.sync.record({ ...v3, osUser: 'frank' }, { label: 'Published version 3 again', action: 'publish' }))
      .rejects.toThrow(/version 3 was already published by admin_a/)
    const owner = await server.owner()
    clients.push(owner)
    const rows = (await owner.query('SELECT number, login FROM acp.published_versions ORDER BY number')).rows
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4])
    expect(rows.slice(2).map((r) => r.login)).toEqual(['admin_a', 'admin_b'])
  })

  it("a commander's login cannot publish: PostgreSQL refuses it, through the app or directly", async () => {
    const url = await server.addLogin('ne_cmdr', 'commander', 'NE')
    const ne = await openDesk(url, 'gail')
    desks.push(ne)
    await until(() => ne.publish.versions().length === 4, 'the commander desk to list the versions')
    const [v4] = ne.repos.versions.stored().filter((v) => v.number === 4)
    await expect(ne.sync.record({ ...v4, number: 5 }, { label: 'Published version 5', action: 'publish' })).rejects.toThrow(/only Administration may publish/)
    const c = await connectServer(url)
    clients.push(c)
    await expect(c.query(`INSERT INTO acp.published_versions (number, effective_date, published_at, os_user, profile, summary, plan_hash,
      plan_snapshot, neighborhoods_geojson, areas_geojson) VALUES (5, '2026-04-01', 'now', 'gail', 'commander:NE', '{}', 'x', '{}', '', '')`))
      .rejects.toThrow(/permission denied/)
    await expect(c.query('DELETE FROM acp.published_versions')).rejects.toThrow(/permission denied/)
    const owner = await server.owner()
    clients.push(owner)
    await expect(owner.query('UPDATE acp.published_versions SET summary = $1', ['{}'])).rejects.toThrow(/immutable/)
    expect((await owner.query('SELECT max(number) AS m FROM acp.published_versions')).rows[0].m).toBe(4)
  })
})
