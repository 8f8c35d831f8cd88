import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { connectServer } from '../../src/main/server/connect'
import { geometryTypes } from '../../src/main/server/repos/plan-rows-repo'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { storeSampleCity } from './fixtures'

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
}

let server: TestServer
let owner: pg.Client
const open: pg.Client[] = []
async function as(url: string) {
  const c = await connectServer(url)
  open.push(c)
  return c
}

beforeAll(async () => {
  // The CLI's own setup runs on a server without a schema; the helper's setup is skipped for that.
  server = await startTestServer({ setup: false })
  owner = await server.owner()
})
afterAll(async () => {
  await Promise.all(open.map((c) => c.end().catch(() => {})))
  await server?.stop()
})

describe('server setup and server user (real PostgreSQL 15 + PostGIS)', () => {
  it('creates the schema once, leaves a current one alone, and refuses a newer one', async () => {
    const first = await cli(['server', 'setup', '--server', server.ownerUrl])
    expect(first).toMatchObject({ code: 0 })
    expect(first.out).toMatch(/Created the plan schema \(version 4\)/)
    expect(first.out).not.toContain(new URL(server.ownerUrl).password)
    const again = await cli(['server', 'setup', '--server', server.ownerUrl])
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/is current \(version 4\)/)

    // A version 1 server (logins could not read its version, no published versions, settings not shared) is upgraded in place;
    // a desk's own settings an earlier server push copied there are dropped.
    await owner.query(`REVOKE SELECT ON acp.schema_info FROM acp_commander, acp_administration; DROP FUNCTION acp.publish_version(jsonb, jsonb, bytea, bytea);
      DROP TABLE acp.published_versions; DROP FUNCTION acp.versions_immutable(); DROP FUNCTION acp.store_settings(jsonb, jsonb);
      ALTER TABLE acp.settings DROP CONSTRAINT plan_settings_only; INSERT INTO acp.settings VALUES ('tileUrl', '"https://t/{z}/{x}/{y}.png"'), ('units', '"us"');
      UPDATE acp.schema_info SET version = 1`)
    const upgrade = await cli(['server', 'setup', '--server', server.ownerUrl])
    expect(upgrade.out).toMatch(/from version 1 to 4/)
    expect((await owner.query('SELECT key FROM acp.settings ORDER BY key')).rows).toEqual([{ key: 'units' }])
    await owner.query('DELETE FROM acp.settings')
    const grants = await owner.query(`SELECT has_table_privilege('acp_commander', 'acp.schema_info', 'SELECT') AS c, has_table_privilege('acp_administration', 'acp.schema_info', 'SELECT') AS a`)
    expect(grants.rows[0]).toEqual({ c: true, a: true })
    expect((await owner.query(`SELECT to_regclass('acp.published_versions')::text AS t`)).rows[0].t).toBe('acp.published_versions')

    await owner.query('UPDATE acp.schema_info SET version = 99')
    const newer = await cli(['server', 'setup', '--server', server.ownerUrl])
    expect(newer.code).toBe(2)
    expect(newer.err).toMatch(/version 99, newer than this app's 4/)
    await owner.query('UPDATE acp.schema_info SET version = 4')
  })

  it('stores geometry as PostGIS EPSG:4326 with spatial indexes', async () => {
    await storeSampleCity(owner)
    const types = await geometryTypes(owner, 'neighborhoods')
    expect(types).toHaveLength(19)
    expect(new Set(types.map((t) => `${t.type} ${t.srid}`))).toEqual(new Set(['POLYGON 4326']))
    const idx = await owner.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'acp' AND indexdef ILIKE '%USING gist%' ORDER BY 1`)
    expect(idx.rows.map((r) => r.indexname)).toEqual(['areas_geom', 'city_geom', 'neighborhoods_geom'])
  })

  it('a commander login writes only its own area; PostgreSQL refuses the rest; Administration may', async () => {
    expect((await cli(['server', 'user', '--server', server.ownerUrl, '--login', 'ne_cmdr', '--role', 'commander', '--area', 'NE', '--password-env', 'PW'], { PW: 'ne-secret' })).code).toBe(0)
    expect((await cli(['server', 'user', '--server', server.ownerUrl, '--login', 'admin_1', '--role', 'administration', '--password-env', 'PW'], { PW: 'adm-secret' })).code).toBe(0)
    const ne = await as(server.urlFor('ne_cmdr', 'ne-secret'))
    const adm = await as(server.urlFor('admin_1', 'adm-secret'))

    // Own area: allowed.
    const own = await ne.query(`UPDATE acp.neighborhoods SET doc = jsonb_set(doc, '{name}', '"Springtown East"') WHERE id = 'NE-springtown'`)
    expect(own.rowCount).toBe(1)

    // Another area's rows: UPDATE, INSERT and DELETE refused.
    await expect(ne.query(`UPDATE acp.neighborhoods SET doc = jsonb_set(doc, '{name}', '"Taken"') WHERE id = 'NW-airway'`)).rejects.toThrow(/may not change neighborhood NW-airway, which belongs to NW/)
    await expect(ne.query(`UPDATE acp.neighborhoods SET doc = jsonb_set(doc, '{areaId}', '"NE"') WHERE id = 'NW-airway'`)).rejects.toThrow(/may not change neighborhood NW-airway/)
    await expect(ne.query(`INSERT INTO acp.neighborhoods (id, doc) SELECT 'NW-new', jsonb_set(doc, '{id}', '"NW-new"') FROM acp.neighborhoods WHERE id = 'NW-airway'`)).rejects.toThrow(/may not put neighborhood NW-new in NW/)
    await expect(ne.query(`UPDATE acp.areas SET doc = jsonb_set(doc, '{name}', '"Mine"') WHERE id = 'NW'`)).rejects.toThrow(/only Administration can/)
    const del = await ne.query(`DELETE FROM acp.neighborhoods WHERE id = 'NW-airway'`)
    expect(del.rowCount).toBe(0)
    // Through the app's own function the refusal is an error, not a silent no-op.
    const removeAirway = { changeSet: { label: 'Remove Airway', ops: [{ entity: 'neighborhood', id: 'NW-airway', before: (await owner.query(`SELECT doc FROM acp.neighborhoods WHERE id = 'NW-airway'`)).rows[0].doc, after: null }] }, inverse: { label: 'x', ops: [] }, action: 'edit', profile: 'commander:NE' }
    await expect(ne.query('SELECT acp.apply_change_set($1::jsonb)', [JSON.stringify(removeAirway)])).rejects.toThrow(/may not remove neighborhood NW-airway/)
    expect((await owner.query(`SELECT doc->>'name' AS name FROM acp.neighborhoods WHERE id = 'NW-airway'`)).rows).toEqual([{ name: 'Airway' }])
    // An officer of another area cannot be moved into one's own.
    await expect(ne.query(`UPDATE acp.officers SET doc = jsonb_set(doc, '{areaId}', '"NE"') WHERE id = 'off-002'`)).rejects.toThrow(/may not change officer off-002, which belongs to NW/)

    // The neutral case: a neighbour's boundary gains a corner on its own straight edge.
    const airway = (await owner.query(`SELECT doc FROM acp.neighborhoods WHERE id = 'NW-airway'`)).rows[0].doc
    const ring: number[][] = airway.geometry.coordinates[0]
    const mid = [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[1][1]) / 2]
    const onEdge = { ...airway, geometry: { type: 'Polygon', coordinates: [[ring[0], mid, ...ring.slice(1)]] } }
    const corner = await ne.query('UPDATE acp.neighborhoods SET doc = $1 WHERE id = $2', [onEdge, 'NW-airway'])
    expect(corner.rowCount).toBe(1)
    // ...but not one that moves its ground.
    const moved = { ...airway, geometry: { type: 'Polygon', coordinates: [[ring[0], [mid[0] + 0.001, mid[1] + 0.001], ...ring.slice(1)]] } }
    await expect(ne.query('UPDATE acp.neighborhoods SET doc = $1 WHERE id = $2', [moved, 'NW-airway'])).rejects.toThrow(/may not change neighborhood NW-airway/)

    // Administration may change any area's rows.
    const a = await adm.query(`UPDATE acp.neighborhoods SET doc = jsonb_set(doc, '{name}', '"Airway Park"') WHERE id = 'NW-airway'`)
    expect(a.rowCount).toBe(1)
    const d = await adm.query(`DELETE FROM acp.officers WHERE id = 'off-063'`)
    expect(d.rowCount).toBe(1)
  })

  it('a commander cannot grant themselves another area or role, nor write the log in another name', async () => {
    const ne = await as(server.urlFor('ne_cmdr', 'ne-secret'))
    await expect(ne.query(`UPDATE acp.logins SET area_id = 'NW' WHERE login = 'ne_cmdr'`)).rejects.toThrow(/permission denied/)
    await expect(ne.query(`INSERT INTO acp.logins VALUES ('ne_cmdr2', 'administration', NULL)`)).rejects.toThrow(/permission denied/)
    await expect(ne.query(`SELECT acp.set_login('ne_cmdr', 'administration', NULL, NULL)`)).rejects.toThrow(/permission denied/)
    await expect(ne.query('GRANT acp_administration TO ne_cmdr')).rejects.toThrow(/permission denied|must have admin option/)
    await expect(ne.query(`UPDATE acp.change_log SET login = 'admin_1'`)).rejects.toThrow(/permission denied/)
    const me = await ne.query('SELECT acp.my_role() AS role, acp.my_area() AS area')
    expect(me.rows[0]).toEqual({ role: 'commander', area: 'NE' })
  })
})
