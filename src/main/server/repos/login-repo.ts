import type { ClientBase } from 'pg'

export type ServerRole = 'commander' | 'administration'

export interface ServerIdentity {
  login: string
  role: ServerRole | null
  /** The Area Command a commander's login may edit; null for Administration. */
  areaId: string | null
}

/** Creates or changes a login (owner only): its role, its area, and its password when given. */
export async function setLogin(client: ClientBase, login: string, role: ServerRole, areaId: string | null, password: string | null): Promise<void> {
  await client.query('SELECT acp.set_login($1, $2, $3, $4)', [login, role, areaId, password])
}

/** Who the connection is, as the server says (not a local profile picker). */
export async function whoAmI(client: ClientBase): Promise<ServerIdentity> {
  const r = await client.query<{ login: string; role: ServerRole | null; area_id: string | null }>('SELECT session_user::text AS login, acp.my_role() AS role, acp.my_area() AS area_id')
  const row = r.rows[0]
  return { login: row.login, role: row.role, areaId: row.area_id }
}

export async function areaExists(client: ClientBase, areaId: string): Promise<boolean> {
  const r = await client.query('SELECT 1 FROM acp.areas WHERE id = $1', [areaId])
  return (r.rowCount ?? 0) > 0
}
