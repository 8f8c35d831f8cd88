import type { ClientBase } from 'pg'
import { SCHEMA_V1 } from './schema-v1'
import { SCHEMA_V3 } from './schema-v3'
import { SCHEMA_V4 } from './schema-v4'

/** In order; the server's acp.schema_info.version is the last one applied. Shipped ones are never edited. */
const SERVER_MIGRATIONS: { version: number; sql: string }[] = [
  { version: 1, sql: SCHEMA_V1 },
  // Every login may read which schema version the server holds (server pull checks it), as it reads the plan.
  { version: 2, sql: 'GRANT SELECT ON acp.schema_info TO acp_commander, acp_administration;' },
  { version: 3, sql: SCHEMA_V3 },
  { version: 4, sql: SCHEMA_V4 },
]
export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1].version

export class ServerSchemaTooNewError extends Error {
  constructor(public readonly found: number) {
    super(`The server's plan schema is version ${found}, newer than this app's ${SERVER_SCHEMA_VERSION}; update the app before using this server`)
    this.name = 'ServerSchemaTooNewError'
  }
}

/** The schema version the server holds, or 0 when it has none. */
export async function readSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('acp.schema_info')::text AS t`)
  if (!exists.rows[0].t) return 0
  const r = await client.query<{ version: number }>('SELECT version FROM acp.schema_info')
  return r.rows[0]?.version ?? 0
}

/**
 * Brings the schema to this app's version in one transaction (a lock keeps two setups apart):
 * nothing to do when it is current, every missing version in order when older, refused when newer.
 * Returns the versions before and after.
 */
export async function setupSchema(client: ClientBase): Promise<{ from: number; to: number }> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock(4712)')
    const from = await readSchemaVersion(client)
    if (from > SERVER_SCHEMA_VERSION) throw new ServerSchemaTooNewError(from)
    for (const m of SERVER_MIGRATIONS) if (m.version > from) await client.query(m.sql)
    await client.query('INSERT INTO acp.schema_info (version) VALUES ($1) ON CONFLICT (one) DO UPDATE SET version = EXCLUDED.version', [SERVER_SCHEMA_VERSION])
    await client.query('COMMIT')
    return { from, to: SERVER_SCHEMA_VERSION }
  } catch (e) {
    await client.query('ROLLBACK')
    throw e
  }
}
