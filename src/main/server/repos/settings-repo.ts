import type { ClientBase } from 'pg'

/** The plan's settings on the server (tolerances, department, units...), as the SQLite plan keeps them: JSON text per key. */
export async function readServerSettings(client: ClientBase): Promise<Record<string, unknown>> {
  const r = await client.query<{ key: string; value: string }>('SELECT key, value FROM acp.settings ORDER BY key')
  return Object.fromEntries(r.rows.map((x) => [x.key, JSON.parse(x.value)]))
}

export async function writeServerSettings(client: ClientBase, settings: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await client.query('INSERT INTO acp.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)])
  }
}
