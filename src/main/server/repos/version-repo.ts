import type { ClientBase } from 'pg'
import type { StoredVersion } from '../../db/repos/version-repo'
import type { ChangeRequest } from './change-log-repo'
import { changeSetRefusal } from '../server-errors'

/** A published version as the server holds it: the SQLite row's columns, byte for byte, and who published it. */
export interface ServerVersion extends Omit<StoredVersion, 'auditSeq'> {
  login: string
  changeSeq: number | null
}

interface Row {
  number: number; effective_date: string; published_at: string; login: string; os_user: string; profile: string
  override_reason: string | null; summary: string; plan_hash: string; plan_snapshot: string
  neighborhoods_geojson: Buffer; areas_geojson: Buffer; change_seq: string | null
}

const toVersion = (r: Row): ServerVersion => ({
  number: r.number, effectiveDate: r.effective_date, publishedAt: r.published_at, login: r.login, osUser: r.os_user, profile: r.profile,
  overrideReason: r.override_reason, summary: r.summary, planHash: r.plan_hash, planSnapshot: r.plan_snapshot,
  neighborhoodsGeojson: r.neighborhoods_geojson, areasGeojson: r.areas_geojson, changeSeq: r.change_seq === null ? null : Number(r.change_seq),
})

const COLS = `number, effective_date, published_at, login, os_user, profile, override_reason, summary, plan_hash, plan_snapshot,
  neighborhoods_geojson, areas_geojson, change_seq`

/** The last version number the server holds (0 when none). */
export async function latestVersionNumber(client: ClientBase): Promise<number> {
  const r = await client.query<{ m: number | null }>('SELECT max(number) AS m FROM acp.published_versions')
  return r.rows[0].m ?? 0
}

/** Every published version, oldest first. */
export async function allVersions(client: ClientBase): Promise<ServerVersion[]> {
  const r = await client.query<Row>(`SELECT ${COLS} FROM acp.published_versions ORDER BY number`)
  return r.rows.map(toVersion)
}

/** The version a change-log row published, if any. */
export async function versionOfChange(client: ClientBase, changeSeq: number): Promise<ServerVersion | null> {
  const r = await client.query<Row>(`SELECT ${COLS} FROM acp.published_versions WHERE change_seq = $1`, [changeSeq])
  return r.rows[0] ? toVersion(r.rows[0]) : null
}

const params = (v: Omit<StoredVersion, 'auditSeq'>) => [v.number, v.effectiveDate, v.publishedAt, v.osUser, v.profile, v.overrideReason, v.summary,
  v.planHash, v.planSnapshot, v.neighborhoodsGeojson, v.areasGeojson]

/**
 * Stores a publish in one server transaction (acp.publish_version): its change-log row and the
 * version, which the server takes only as its next number. Returns the log row's number.
 */
export async function storeVersion(client: ClientBase, req: ChangeRequest, v: Omit<StoredVersion, 'auditSeq'>): Promise<number> {
  const [number, effectiveDate, publishedAt, osUser, profile, overrideReason, summary, planHash, planSnapshot, nb, areas] = params(v)
  try {
    const r = await client.query<{ seq: string }>('SELECT acp.publish_version($1::jsonb, $2::jsonb, $3, $4) AS seq', [
      JSON.stringify(req), JSON.stringify({ number, effectiveDate, publishedAt, osUser, profile, overrideReason, summary, planHash, planSnapshot }), nb, areas,
    ])
    return Number(r.rows[0].seq)
  } catch (e) {
    throw changeSetRefusal(e, req.changeSet.label)
  }
}

/** Copies a plan's versions as they are (`server push`, by the owner into an empty plan). */
export async function insertVersions(client: ClientBase, versions: Omit<StoredVersion, 'auditSeq'>[]): Promise<void> {
  for (const v of versions) {
    await client.query(`INSERT INTO acp.published_versions (number, effective_date, published_at, os_user, profile, override_reason, summary,
        plan_hash, plan_snapshot, neighborhoods_geojson, areas_geojson) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, params(v))
  }
}
