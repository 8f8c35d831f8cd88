import pg from 'pg'

/**
 * One connection to a department server, from a PostgreSQL URL. A URL without a password takes
 * it from PGPASSWORD or ~/.pgpass, as PostgreSQL's own tools do (node-postgres reads both).
 */
export async function connectServer(url: string, opts: { applicationName?: string } = {}): Promise<pg.Client> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`--server must be a PostgreSQL URL such as postgres://login@host:5432/database, not '${redactUrl(url)}'`)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error(`--server must be a postgres:// URL, not ${parsed.protocol}//…`)
  const client = new pg.Client({ connectionString: url, application_name: opts.applicationName ?? 'area-command-planner', connectionTimeoutMillis: 10_000 })
  // A connection the server ends (restart, network) must not crash the process: the owner hears of it on its next query.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (e) {
    await client.end().catch(() => {})
    throw new Error(`Cannot connect to the server ${redactUrl(url)}: ${(e as Error).message}`)
  }
  return client
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}
