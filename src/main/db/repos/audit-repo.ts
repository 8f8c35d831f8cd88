import type { Db } from '../connection'
import type { ChangeSet } from '../../../shared/domain'
import { decodeChangeSet, decodeInverse, encodeChangeSet, encodeInverse } from './audit-codec'

export type AuditState = 'done' | 'undone' | 'dropped'

export interface AuditEntry {
  seq: number
  at: string
  osUser: string
  profile: string
  action: string
  label: string
  changeSet: ChangeSet
  inverse: ChangeSet
  state: AuditState | null
  refSeq: number | null
}

interface Row {
  seq: number; at: string; os_user: string; profile: string; action: string; label: string
  /** JSON text, or a compressed BLOB for a large change set (audit-codec.ts). */
  change_set: string | Buffer; inverse: string | Buffer; state: AuditState | null; ref_seq: number | null
}

const toEntry = (r: Row): AuditEntry => {
  const changeSet = decodeChangeSet(r.change_set)
  return {
    seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label,
    changeSet, inverse: decodeInverse(r.inverse, changeSet), state: r.state, refSeq: r.ref_seq,
  }
}

/** A step as the history panel lists it: without the change sets, which can hold a whole roster. */
export type AuditSummary = Omit<AuditEntry, 'changeSet' | 'inverse'>

interface SummaryRow {
  seq: number; at: string; os_user: string; profile: string; action: string; label: string; state: AuditState | null; ref_seq: number | null
}

export interface NewAuditEntry {
  at: string; osUser: string; profile: string; action: string; label: string
  changeSet: ChangeSet; inverse: ChangeSet; state: AuditState | null; refSeq?: number | null
}

export class AuditRepo {
  private readonly insertStmt
  private readonly lastDoneStmt
  private readonly lastUndoneStmt
  private readonly setStateStmt
  private readonly dropRedoStmt
  private readonly recentStmt
  private readonly historyStmt
  private readonly hasStateStmt
  private readonly maxUndoneOrderStmt
  private readonly getStmt
  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO audit_log (at, os_user, profile, action, label, change_set, inverse, state, ref_seq)
      VALUES (@at, @osUser, @profile, @action, @label, @changeSet, @inverse, @state, @refSeq)`)
    this.lastDoneStmt = db.prepare<[string], Row>(`SELECT * FROM audit_log WHERE profile = ? AND state = 'done' ORDER BY seq DESC LIMIT 1`)
    this.lastUndoneStmt = db.prepare<[string], Row>(`SELECT * FROM audit_log WHERE profile = ? AND state = 'undone' ORDER BY undone_order DESC LIMIT 1`)
    this.setStateStmt = db.prepare('UPDATE audit_log SET state = ?, undone_order = ? WHERE seq = ?')
    this.dropRedoStmt = db.prepare(`UPDATE audit_log SET state = 'dropped' WHERE profile = ? AND state = 'undone'`)
    this.recentStmt = db.prepare<[number], Row>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?')
    this.historyStmt = db.prepare<[number], SummaryRow>('SELECT seq, at, os_user, profile, action, label, state, ref_seq FROM audit_log ORDER BY seq DESC LIMIT ?')
    this.hasStateStmt = db.prepare<[string, string], { seq: number }>('SELECT seq FROM audit_log WHERE profile = ? AND state = ? LIMIT 1')
    this.maxUndoneOrderStmt = db.prepare<[], { m: number | null }>('SELECT MAX(undone_order) AS m FROM audit_log')
    this.getStmt = db.prepare<[number], Row>('SELECT * FROM audit_log WHERE seq = ?')
  }
  insert(e: NewAuditEntry): number {
    const changeSet = encodeChangeSet(e.changeSet)
    const info = this.insertStmt.run({ ...e, changeSet, inverse: encodeInverse(e.inverse, e.changeSet, changeSet), refSeq: e.refSeq ?? null })
    return Number(info.lastInsertRowid)
  }
  get(seq: number): AuditEntry | null {
    const r = this.getStmt.get(seq)
    return r ? toEntry(r) : null
  }
  /** The step this profile would undo next. */
  lastDone(profile: string): AuditEntry | null {
    const r = this.lastDoneStmt.get(profile)
    return r ? toEntry(r) : null
  }
  /** The step this profile would redo next: the most recently undone. */
  lastUndone(profile: string): AuditEntry | null {
    const r = this.lastUndoneStmt.get(profile)
    return r ? toEntry(r) : null
  }
  /** Whether this profile has a step to undo ('done') or redo ('undone'), without reading its change set. */
  has(profile: string, state: 'done' | 'undone'): boolean {
    return this.hasStateStmt.get(profile, state) !== undefined
  }
  markUndone(seq: number): void {
    const next = (this.maxUndoneOrderStmt.get()?.m ?? 0) + 1
    this.setStateStmt.run('undone', next, seq)
  }
  markDone(seq: number): void {
    this.setStateStmt.run('done', null, seq)
  }
  /** A new edit after undo clears the redo stack, as in every editor. */
  dropRedo(profile: string): void {
    this.dropRedoStmt.run(profile)
  }
  recent(limit: number): AuditEntry[] {
    return this.recentStmt.all(limit).map(toEntry)
  }
  /** The latest steps without their change sets: what the history panel shows. */
  history(limit: number): AuditSummary[] {
    return this.historyStmt.all(limit).map((r) => ({
      seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label, state: r.state, refSeq: r.ref_seq,
    }))
  }
}
