import type { Db } from '../connection'
import type { FindingSummary, PlanState } from '../../../shared/domain'

/** A published version without its large columns: what lists and labels need. */
export interface VersionRow {
  number: number
  effectiveDate: string
  publishedAt: string
  osUser: string
  profile: string
  overrideReason: string | null
  summary: FindingSummary
  planHash: string
  auditSeq: number | null
}

export interface NewVersion extends Omit<VersionRow, 'auditSeq'> {
  auditSeq: number | null
  planSnapshot: PlanState
  neighborhoodsGeojson: string
  areasGeojson: string
}

/** A version's columns exactly as stored (JSON as text, the files as bytes): what moves between stores unchanged. */
export interface StoredVersion extends Omit<VersionRow, 'summary'> {
  summary: string
  planSnapshot: string
  neighborhoodsGeojson: Buffer
  areasGeojson: Buffer
}

interface Row {
  number: number; effective_date: string; published_at: string; os_user: string; profile: string
  override_reason: string | null; summary: string; plan_hash: string; audit_seq: number | null
}

const SUMMARY_COLS = 'number, effective_date, published_at, os_user, profile, override_reason, summary, plan_hash, audit_seq'

const toRow = (r: Row): VersionRow => ({
  number: r.number, effectiveDate: r.effective_date, publishedAt: r.published_at, osUser: r.os_user, profile: r.profile,
  overrideReason: r.override_reason, summary: JSON.parse(r.summary) as FindingSummary, planHash: r.plan_hash, auditSeq: r.audit_seq,
})

/** Published versions: insert-only (the table's triggers refuse updates and deletes). */
export class VersionRepo {
  private readonly insertStmt
  private readonly listStmt
  private readonly getStmt
  private readonly latestStmt
  private readonly snapshotStmt
  private readonly filesStmt
  private readonly stampStmt
  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO published_versions (number, effective_date, published_at, os_user, profile, override_reason,
      summary, plan_hash, plan_snapshot, neighborhoods_geojson, areas_geojson, audit_seq)
      VALUES (@number, @effectiveDate, @publishedAt, @osUser, @profile, @overrideReason, @summary, @planHash, @planSnapshot, @nb, @areas, @auditSeq)`)
    this.listStmt = db.prepare<[], Row>(`SELECT ${SUMMARY_COLS} FROM published_versions ORDER BY number DESC`)
    this.getStmt = db.prepare<[number], Row>(`SELECT ${SUMMARY_COLS} FROM published_versions WHERE number = ?`)
    this.latestStmt = db.prepare<[], Row>(`SELECT ${SUMMARY_COLS} FROM published_versions ORDER BY number DESC LIMIT 1`)
    this.snapshotStmt = db.prepare<[number], { plan_snapshot: string }>('SELECT plan_snapshot FROM published_versions WHERE number = ?')
    // total_changes() counts rows this connection wrote; data_version moves when another connection commits.
    this.stampStmt = db.prepare<[], number>('SELECT total_changes()').pluck()
    this.dataVersionStmt = db.prepare<[], number>('PRAGMA data_version').pluck()
    this.filesStmt = db.prepare<[number], { n: Buffer; a: Buffer }>('SELECT neighborhoods_geojson AS n, areas_geojson AS a FROM published_versions WHERE number = ?')
    this.storedStmt = db.prepare<[], Row & { plan_snapshot: string; n: Buffer; a: Buffer }>(
      `SELECT ${SUMMARY_COLS}, plan_snapshot, neighborhoods_geojson AS n, areas_geojson AS a FROM published_versions ORDER BY number`)
  }

  private readonly dataVersionStmt
  private readonly storedStmt

  /** Changes whenever the stored plan may have changed: cheap enough to check before each lookup. */
  planStamp(): string {
    return `${this.stampStmt.get() ?? 0}:${this.dataVersionStmt.get() ?? 0}`
  }

  insert(v: NewVersion): void {
    this.insertStored(storedVersion(v))
  }

  insertStored(v: StoredVersion): void {
    this.insertStmt.run({
      number: v.number, effectiveDate: v.effectiveDate, publishedAt: v.publishedAt, osUser: v.osUser, profile: v.profile,
      overrideReason: v.overrideReason, summary: v.summary, planHash: v.planHash, planSnapshot: v.planSnapshot,
      nb: v.neighborhoodsGeojson, areas: v.areasGeojson, auditSeq: v.auditSeq,
    })
  }

  /** Every version with all its columns as stored, oldest first (`server push`). */
  stored(): StoredVersion[] {
    return this.storedStmt.all().map((r) => ({
      number: r.number, effectiveDate: r.effective_date, publishedAt: r.published_at, osUser: r.os_user, profile: r.profile,
      overrideReason: r.override_reason, summary: r.summary, planHash: r.plan_hash, auditSeq: r.audit_seq,
      planSnapshot: r.plan_snapshot, neighborhoodsGeojson: r.n, areasGeojson: r.a,
    }))
  }

  /** Newest first. */
  list(): VersionRow[] {
    return this.listStmt.all().map(toRow)
  }

  get(number: number): VersionRow | null {
    const r = this.getStmt.get(number)
    return r ? toRow(r) : null
  }

  latest(): VersionRow | null {
    const r = this.latestStmt.get()
    return r ? toRow(r) : null
  }

  snapshot(number: number): PlanState | null {
    const r = this.snapshotStmt.get(number)
    return r ? (JSON.parse(r.plan_snapshot) as PlanState) : null
  }

  files(number: number): { neighborhoods: Buffer; areas: Buffer } | null {
    const r = this.filesStmt.get(number)
    return r ? { neighborhoods: r.n, areas: r.a } : null
  }
}

/** A new version's columns as they are stored: JSON as text, the files as the exact bytes written to disk. */
export function storedVersion(v: NewVersion): StoredVersion {
  return {
    number: v.number, effectiveDate: v.effectiveDate, publishedAt: v.publishedAt, osUser: v.osUser, profile: v.profile,
    overrideReason: v.overrideReason, summary: JSON.stringify(v.summary), planHash: v.planHash, planSnapshot: JSON.stringify(v.planSnapshot),
    neighborhoodsGeojson: Buffer.from(v.neighborhoodsGeojson, 'utf8'), areasGeojson: Buffer.from(v.areasGeojson, 'utf8'), auditSeq: v.auditSeq,
  }
}
