import type { ClientBase } from 'pg'
import { planSettingsOf } from '../../services/plan-settings'
import { changeSetRefusal } from '../server-errors'
import type { ChangeRequest } from './change-log-repo'

/** The plan's settings on the server (tolerances, department, units...), as the SQLite plan keeps them: JSON text per key. */
export async function readServerSettings(client: ClientBase): Promise<Record<string, unknown>> {
  const r = await client.query<{ key: string; value: string }>('SELECT key, value FROM acp.settings ORDER BY key')
  return Object.fromEntries(r.rows.map((x) => [x.key, JSON.parse(x.value)]))
}

/** Writes the plan's settings among `settings` as they are (`server push`, by the owner or Administration inside its transaction); a desk's own are left out. */
export async function writeServerSettings(client: ClientBase, settings: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(planSettingsOf(settings))) {
    await client.query('INSERT INTO acp.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)])
  }
}

/**
 * Stores a change of the plan's settings in one server transaction (acp.store_settings): the
 * values and a change-log row naming the login, which every desk is notified of. Refused by
 * PostgreSQL for any login but Administration's. Returns the log row's number.
 */
export async function storeServerSettings(client: ClientBase, req: ChangeRequest, values: Record<string, unknown>): Promise<number> {
  try {
    const r = await client.query<{ seq: string }>('SELECT acp.store_settings($1::jsonb, $2::jsonb) AS seq', [JSON.stringify(req), JSON.stringify(values)])
    return Number(r.rows[0].seq)
  } catch (e) {
    throw changeSetRefusal(e, req.changeSet.label)
  }
}
