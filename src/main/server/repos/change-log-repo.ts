import type { ClientBase } from 'pg'
import type { ChangeSet } from '../../../shared/domain'
import { changeSetRefusal } from '../server-errors'

export interface ChangeRequest {
  changeSet: ChangeSet
  inverse: ChangeSet
  action: string
  profile: string
  osUser: string
  clientId: string | null
  clientSeq: number | null
  refSeq?: number | null
}

export interface LoggedChange {
  seq: number
  at: string
  login: string
  osUser: string
  profile: string
  action: string
  label: string
  changeSet: ChangeSet
  inverse: ChangeSet
  clientId: string | null
  clientSeq: number | null
}

interface LogRow {
  seq: string; at: Date; login: string; os_user: string; profile: string; action: string; label: string
  change_set: ChangeSet; inverse: ChangeSet; client_id: string | null; client_seq: string | null
}

const toLogged = (r: LogRow): LoggedChange => ({
  seq: Number(r.seq), at: r.at.toISOString(), login: r.login, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label,
  changeSet: r.change_set, inverse: r.inverse, clientId: r.client_id, clientSeq: r.client_seq === null ? null : Number(r.client_seq),
})

/** Stores one change set in one server transaction (acp.apply_change_set); returns its place in the log. */
export async function storeChangeSet(client: ClientBase, req: ChangeRequest): Promise<number> {
  try {
    const r = await client.query<{ seq: string }>('SELECT acp.apply_change_set($1::jsonb) AS seq', [JSON.stringify(req)])
    return Number(r.rows[0].seq)
  } catch (e) {
    throw changeSetRefusal(e, req.changeSet.label)
  }
}

/** The change sets stored after `seq`, in order. */
export async function changesSince(client: ClientBase, seq: number): Promise<LoggedChange[]> {
  const r = await client.query<LogRow>(`SELECT seq, at, login, os_user, profile, action, label, change_set, inverse, client_id, client_seq
    FROM acp.change_log WHERE seq > $1 ORDER BY seq`, [seq])
  return r.rows.map(toLogged)
}

/** The whole log, oldest first (for `server pull`). */
export async function wholeLog(client: ClientBase): Promise<LoggedChange[]> {
  return changesSince(client, 0)
}

export async function lastSeq(client: ClientBase): Promise<number> {
  const r = await client.query<{ m: string | null }>('SELECT max(seq) AS m FROM acp.change_log')
  return Number(r.rows[0].m ?? 0)
}

/** Starts receiving the number of every change set stored from now on. */
export async function listenForChanges(client: ClientBase): Promise<void> {
  await client.query('LISTEN acp_change')
}
export const CHANGE_CHANNEL = 'acp_change'

/** Copies a plan's earlier audit rows into the log as history (`server push`): listed, never applied by desks. */
export async function appendHistory(client: ClientBase, rows: { at: string; osUser: string; profile: string; action: string; label: string; changeSet: ChangeSet; inverse: ChangeSet }[]): Promise<void> {
  for (const r of rows) {
    await client.query(`INSERT INTO acp.change_log (os_user, profile, action, label, change_set, inverse, touched) VALUES ($1, $2, $3, $4, $5, $6, '{}')`,
      [`${r.osUser} (at ${r.at})`, r.profile, `history:${r.action}`, r.label, JSON.stringify(r.changeSet), JSON.stringify(r.inverse)])
  }
}
