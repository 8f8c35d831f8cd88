import type { Db } from '../connection'
import type { ChangeSet } from '../../../shared/domain'
import { AuditRepo } from './audit-repo'

export interface OutboxEntry {
  seq: number
  at: string
  osUser: string
  profile: string
  action: string
  label: string
  refSeq: number | null
  changeSet: ChangeSet
}

export interface SyncConflict {
  localSeq: number
  at: string
  label: string
  message: string
}

/** A desk's bookkeeping against a department server (migration 0040), beside its working copy. */
export class SyncRepo {
  private readonly getStmt
  private readonly setStmt
  private readonly outboxStmt
  private readonly addConflictStmt
  private readonly conflictsStmt
  private readonly dropConflictStmt
  private readonly setStateStmt
  private readonly audit
  constructor(private readonly db: Db) {
    this.audit = new AuditRepo(db)
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM server_sync WHERE key = ?')
    this.setStmt = db.prepare('INSERT INTO server_sync (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    // This desk's own steps (not those it followed from the server) not yet sent nor refused
    // (a refused step the user took off the list stays refused: 'settled:<seq>').
    this.outboxStmt = db.prepare<[number], { seq: number; at: string; os_user: string; profile: string; action: string; label: string; ref_seq: number | null; change_set: string | Buffer }>(
      `SELECT seq, at, os_user, profile, action, label, ref_seq, change_set FROM audit_log
       WHERE seq > ? AND profile <> 'server' AND seq NOT IN (SELECT local_seq FROM server_conflicts)
         AND seq NOT IN (SELECT CAST(substr(key, 9) AS INTEGER) FROM server_sync WHERE key LIKE 'settled:%') ORDER BY seq`)
    this.addConflictStmt = db.prepare('INSERT OR REPLACE INTO server_conflicts (local_seq, at, label, message) VALUES (?, ?, ?, ?)')
    this.conflictsStmt = db.prepare<[], { local_seq: number; at: string; label: string; message: string }>('SELECT local_seq, at, label, message FROM server_conflicts ORDER BY local_seq')
    this.dropConflictStmt = db.prepare('DELETE FROM server_conflicts WHERE local_seq = ?')
    this.setStateStmt = db.prepare('UPDATE audit_log SET state = ? WHERE seq = ?')
  }
  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null
  }
  set(key: string, value: string): void {
    this.setStmt.run(key, value)
  }
  outbox(sentThrough: number): OutboxEntry[] {
    return this.outboxStmt.all(sentThrough).map((r) => ({
      seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label, refSeq: r.ref_seq, changeSet: this.audit.changeSetOf(r.seq, r.change_set),
    }))
  }
  /**
   * A step the server refused: listed until the user drops it, and no longer an undo step (its
   * effect was taken back); a refused undo or redo puts the step it named back where it was.
   */
  addConflict(e: OutboxEntry, message: string, at: string): void {
    this.db.transaction(() => {
      this.addConflictStmt.run(e.seq, at, e.label, message)
      if (e.action === 'undo' && e.refSeq !== null) this.setStateStmt.run('done', e.refSeq)
      else if (e.action === 'redo' && e.refSeq !== null) this.setStateStmt.run('undone', e.refSeq)
      else this.setStateStmt.run('dropped', e.seq)
    })()
  }
  conflicts(): SyncConflict[] {
    return this.conflictsStmt.all().map((r) => ({ localSeq: r.local_seq, at: r.at, label: r.label, message: r.message }))
  }
  /** The refused step leaves the list and is never sent (its effect was taken back when it was refused). */
  dropConflict(localSeq: number): void {
    this.db.transaction(() => {
      this.dropConflictStmt.run(localSeq)
      this.setStmt.run(`settled:${localSeq}`, '1')
    })()
  }
}
