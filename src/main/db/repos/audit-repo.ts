import type { Db } from '../connection'
import type { ChangeSet } from '../../../shared/domain'

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
  change_set: string; inverse: string; state: AuditState | null; ref_seq: number | null
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label,
  changeSet: JSON.parse(r.change_set), inverse: JSON.parse(r.inverse), state: r.state, refSeq: r.ref_seq,
})

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
    this.maxUndoneOrderStmt = db.prepare<[], { m: number | null }>('SELECT MAX(undone_order) AS m FROM audit_log')
    this.getStmt = db.prepare<[number], Row>('SELECT * FROM audit_log WHERE seq = ?')
  }
  insert(e: NewAuditEntry): number {
    const info = this.insertStmt.run({
      ...e, changeSet: JSON.stringify(e.changeSet), inverse: JSON.stringify(e.inverse), refSeq: e.refSeq ?? null,
    })
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
}
