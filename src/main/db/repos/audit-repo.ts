import type { Db } from '../connection'
import type { ChangeOp, ChangeSet, Entity } from '../../../shared/domain'
import { AreaRepo } from './area-repo'
import { decodeInverse, decodeStoredChangeSet, encodeChangeSet, encodeInverse, referToStoredRows, type StoredChangeSet } from './audit-codec'
import { NeighborhoodRepo } from './neighborhood-repo'

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

/** Marks a row whose `after` is not found yet (null is an answer: the row was gone). */
const UNSET = Symbol('unset')

/** A step as the history panel lists it: without the change sets, which can hold a whole roster. */
export type AuditSummary = Omit<AuditEntry, 'changeSet' | 'inverse'>

interface SummaryRow {
  seq: number; at: string; os_user: string; profile: string; action: string; label: string; state: AuditState | null; ref_seq: number | null
}

export interface NewAuditEntry {
  at: string; osUser: string; profile: string; action: string; label: string
  changeSet: ChangeSet; inverse: ChangeSet; state: AuditState | null; refSeq?: number | null
  /**
   * The change set's rows were just written to the plan in this transaction (ChangeService): a
   * large one's area and neighborhood rows are then referred to by id instead of copied (audit-codec).
   */
  rowsStored?: boolean
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
  private readonly laterStmt
  private readonly areas
  private readonly neighborhoods
  constructor(db: Db) {
    this.areas = new AreaRepo(db)
    this.neighborhoods = new NeighborhoodRepo(db)
    this.laterStmt = db.prepare<[number], { change_set: string | Buffer }>('SELECT change_set FROM audit_log WHERE seq > ? ORDER BY seq')
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
    const referred = e.rowsStored ? referToStoredRows(e.changeSet) : null
    const changeSet = encodeChangeSet(referred ?? e.changeSet)
    const { rowsStored: _, ...row } = e
    const info = this.insertStmt.run({ ...row, changeSet, inverse: encodeInverse(e.inverse, e.changeSet, changeSet, referred !== null), refSeq: e.refSeq ?? null })
    return Number(info.lastInsertRowid)
  }

  /** The change set of step `seq` from its column, with any rows it refers to read back (see referToStoredRows). */
  changeSetOf(seq: number, value: string | Buffer): ChangeSet {
    const cs = decodeStoredChangeSet(value)
    return cs.storedRows ? this.resolve(seq, cs) : (cs as ChangeSet)
  }

  /**
   * Each referred row's `after` is the `before` of the first later step that touched it (that step
   * was checked against the stored row), or the plan's row when no later step did.
   */
  private resolve(seq: number, cs: StoredChangeSet): ChangeSet {
    const after = new Map<string, Entity | null | typeof UNSET>()
    for (const op of cs.ops) {
      if ('added' in op) for (const id of op.added) after.set(`${op.entity}:${id}`, UNSET)
      else if ('afterStored' in op) after.set(`${op.entity}:${op.id}`, UNSET)
    }
    let left = after.size
    const found = (key: string, before: Entity | null) => {
      if (after.get(key) !== UNSET) return
      after.set(key, before)
      left--
    }
    for (const r of this.laterStmt.iterate(seq)) {
      for (const op of decodeStoredChangeSet(r.change_set).ops) {
        if ('added' in op) for (const id of op.added) found(`${op.entity}:${id}`, null)
        else found(`${op.entity}:${op.id}`, op.before)
      }
      if (left === 0) break
    }
    const afterOf = (entity: 'area' | 'neighborhood', id: string): Entity => {
      const a = after.get(`${entity}:${id}`)
      const row = a !== UNSET ? a : entity === 'area' ? this.areas.get(id) : this.neighborhoods.get(id)
      if (row === null || row === undefined) throw new Error(`Audit step ${seq} refers to ${entity} ${id}, which is neither stored nor changed by a later step`)
      return row
    }
    const ops: ChangeOp[] = []
    for (const op of cs.ops) {
      if ('added' in op) for (const id of op.added) ops.push({ entity: op.entity, id, before: null, after: afterOf(op.entity, id) } as ChangeOp)
      else if ('afterStored' in op) ops.push({ entity: op.entity, id: op.id, before: op.before, after: afterOf(op.entity, op.id) } as ChangeOp)
      else ops.push(op)
    }
    return { label: cs.label, ops }
  }

  private toEntry(r: Row): AuditEntry {
    const changeSet = this.changeSetOf(r.seq, r.change_set)
    return {
      seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label,
      changeSet, inverse: decodeInverse(r.inverse, changeSet), state: r.state, refSeq: r.ref_seq,
    }
  }
  get(seq: number): AuditEntry | null {
    const r = this.getStmt.get(seq)
    return r ? this.toEntry(r) : null
  }
  /** The step this profile would undo next. */
  lastDone(profile: string): AuditEntry | null {
    const r = this.lastDoneStmt.get(profile)
    return r ? this.toEntry(r) : null
  }
  /** The step this profile would redo next: the most recently undone. */
  lastUndone(profile: string): AuditEntry | null {
    const r = this.lastUndoneStmt.get(profile)
    return r ? this.toEntry(r) : null
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
    return this.recentStmt.all(limit).map((r) => this.toEntry(r))
  }
  /** The latest steps without their change sets: what the history panel shows. */
  history(limit: number): AuditSummary[] {
    return this.historyStmt.all(limit).map((r) => ({
      seq: r.seq, at: r.at, osUser: r.os_user, profile: r.profile, action: r.action, label: r.label, state: r.state, refSeq: r.ref_seq,
    }))
  }
}
