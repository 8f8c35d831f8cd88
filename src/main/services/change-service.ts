import { invertChangeSet, profileKey, whyNotAllowed, type ChangeSet, type Finding } from '../../shared/domain'
import { jsonEqual } from '../../shared/domain/json-equal'
import type { ApplyResult } from '../../shared/ipc/outputs'
import { showValue } from '../../shared/text/bounded'
import type { Repos } from '../db/repos'
import type { Actor } from './actor'
import { AppError } from './app-error'
import { entityExists, readEntity, writeOp } from './entity-store'
import { foreignKeyProblems } from './foreign-key-check'
import { normalizeChangeSet } from './normalize-change-set'

/** The validator's view of a change, checked inside the transaction before it commits. */
export interface ChangeGuard {
  /** Brings the guard's view up to the stored plan; called before anything is written. */
  prepare(): void
  /** Throws AppError when the change makes the plan worse in a way an edit must never do. */
  check(cs: ChangeSet): Finding[]
  /** Called after a transaction rolled back, so cached validation state follows the database. */
  rolledBack(cs: ChangeSet): void
  /**
   * A change stored without `check` (undo, redo, the sample city): the guard's live view takes
   * its ops too, so it stays equal to a fresh check of the stored plan.
   */
  followed(cs: ChangeSet): void
  summary(): ApplyResult['summary']
}

export type ApplyAction = 'edit' | 'import' | 'seed'

/** A change set stored by this desk (not one followed from elsewhere): what a department server's sync sends on. */
export type StoredListener = (seq: number, cs: ChangeSet) => void

/** Stands for "something is stored" where only that matters. */
const STORED = {}

const ENTITY_WORD = { city: 'city limit', area: 'Area Command', neighborhood: 'neighborhood', officer: 'officer' } as const

/**
 * Applies change sets: one change set is one transaction and one audit row, and undo is
 * the stored inverse applied the same way. Every op's `before` must match what is stored,
 * so an edit made on a stale view is refused instead of overwriting someone else's work.
 */
export class ChangeService {
  private readonly storedListeners: StoredListener[] = []
  private readonly followedListeners: StoredListener[] = []
  constructor(
    private readonly repos: Repos,
    private readonly guard: ChangeGuard,
    private readonly now: () => Date = () => new Date(),
  ) {}

  apply(input: ChangeSet, actor: Actor, action: ApplyAction = 'edit', opts: { recheck?: boolean } = {}): ApplyResult {
    const { seq, cs, touched, key } = this.store(input, actor, action, opts.recheck ?? action === 'edit')
    // The step just stored is this profile's last done one and its redo list was dropped, so the
    // answer is known without reading back (and parsing) a change set that can hold a whole roster.
    if (action !== 'seed') return this.result(seq, cs, touched, key, { canUndo: true, canRedo: false })
    return this.result(seq, cs, touched, key)
  }

  /**
   * Stores a change set as one step without checking the plan afterwards: what a very large
   * import does on the command line, whose whole-plan check is left to `validate` (no findings
   * are given rather than stale ones). The live validator is dropped, so the next check starts
   * from the stored plan.
   */
  storeUnchecked(input: ChangeSet, actor: Actor, action: ApplyAction): { seq: number; changeSet: ChangeSet } {
    const { seq, cs } = this.store(input, actor, action, false)
    return { seq, changeSet: cs }
  }

  private store(input: ChangeSet, actor: Actor, action: ApplyAction, recheck: boolean): { seq: number; cs: ChangeSet; touched: Finding[]; key: string } {
    const cs = normalizeChangeSet(input)
    this.checkPermission(cs, actor)
    const key = profileKey(actor.profile)
    const { seq, touched } = this.transact(cs, recheck, () => {
      const seq = this.repos.audit.insert({
        at: this.now().toISOString(), osUser: actor.osUser, profile: key, action, label: cs.label,
        changeSet: cs, inverse: invertChangeSet(cs), state: action === 'seed' ? null : 'done', rowsStored: true,
      })
      this.repos.audit.dropRedo(key)
      return seq
    })
    this.told(seq, cs)
    return { seq, cs, touched, key }
  }

  undo(actor: Actor): ApplyResult {
    return this.replay(actor, 'undo')
  }

  redo(actor: Actor): ApplyResult {
    return this.replay(actor, 'redo')
  }

  /**
   * Undo applies a step's stored inverse, redo its change set again; either way it returns to a
   * state that was accepted before, so the "no worse" re-check does not apply, but permission and
   * staleness do: an undo never overwrites what someone changed since.
   */
  private replay(actor: Actor, direction: 'undo' | 'redo'): ApplyResult {
    const key = profileKey(actor.profile)
    const entry = direction === 'undo' ? this.repos.audit.lastDone(key) : this.repos.audit.lastUndone(key)
    if (!entry) throw new AppError(`nothing-to-${direction}`, `There is nothing to ${direction}.`)
    const [cs, inverse] = direction === 'undo' ? [entry.inverse, entry.changeSet] : [entry.changeSet, entry.inverse]
    this.checkPermission(cs, actor)
    const verb = direction === 'undo' ? 'Undo' : 'Redo'
    const { seq, touched } = this.transact(cs, false, () => {
      if (direction === 'undo') this.repos.audit.markUndone(entry.seq)
      else this.repos.audit.markDone(entry.seq)
      return this.repos.audit.insert({
        at: this.now().toISOString(), osUser: actor.osUser, profile: key, action: direction, label: `${verb}: ${entry.label}`,
        changeSet: cs, inverse, state: null, refSeq: entry.seq, rowsStored: true,
      })
    }, `Cannot ${direction} "${entry.label}"`)
    this.told(seq, cs)
    return this.result(seq, cs, touched, key)
  }

  /** Listens for change sets this desk stores (edits, imports, undo, redo); not for those applied with `follow`. */
  onStored(listener: StoredListener): void {
    this.storedListeners.push(listener)
  }

  private told(seq: number, cs: ChangeSet): void {
    for (const l of this.storedListeners) l(seq, cs)
  }

  /**
   * Applies a change set someone else already stored (a department server's log, or this desk's
   * own unsent steps being set aside and put back while it catches up): the same staleness check
   * and one transaction, no permission check (the server decided that) and no re-check (the live
   * validator follows its ops). Its audit row names `who` and is no undo step. A change set that
   * does not fit the plan throws AppError 'stale' and changes nothing.
   */
  follow(input: ChangeSet, who: { login: string; action: string }): number {
    const cs = normalizeChangeSet(input)
    const seq = this.transact(cs, false, () => this.repos.audit.insert({
      at: this.now().toISOString(), osUser: who.login, profile: 'server', action: who.action, label: cs.label,
      changeSet: cs, inverse: invertChangeSet(cs), state: null, rowsStored: true,
    })).seq
    for (const l of this.followedListeners) l(seq, cs)
    return seq
  }

  /** Listens for change sets applied with `follow` (a department server's): the window is shown each. */
  onFollowed(listener: StoredListener): void {
    this.followedListeners.push(listener)
  }

  canUndo(actor: Actor): boolean {
    return this.repos.audit.has(profileKey(actor.profile), 'done')
  }
  canRedo(actor: Actor): boolean {
    return this.repos.audit.has(profileKey(actor.profile), 'undone')
  }

  private checkPermission(cs: ChangeSet, actor: Actor): void {
    if (actor.profile.role === 'admin') return
    const why = whyNotAllowed(actor.profile, cs, { areas: this.repos.areas.listRefs(), neighborhoods: this.repos.neighborhoods.listRefs() })
    if (why) throw new AppError('forbidden', why)
  }

  private transact(cs: ChangeSet, recheck: boolean, audit: () => number, context?: string): { seq: number; touched: Finding[] } {
    let wrote = false
    // The re-check compares before and after: its "before" must be taken before the first write.
    if (recheck) this.guard.prepare()
    try {
      const stored = this.repos.db.transaction(() => {
        for (const op of cs.ops) {
          // An add (most of a roster import) only needs nothing stored under its id: no reading back, no serialising to compare.
          const stored = op.before === null ? (entityExists(this.repos, op) ? STORED : null) : readEntity(this.repos, op)
          if (op.before === null ? stored !== null : !jsonEqual(stored, op.before)) {
            const what = `${ENTITY_WORD[op.entity]} ${op.id}`
            const msg = op.before === null ? `${what} already exists` : stored === null ? `${what} no longer exists` : `${what} was changed by someone else since you loaded it`
            throw new AppError('stale', `${context ? context + ': ' : ''}${msg}. Reload the plan and try again.`, { entity: op.entity, id: op.id })
          }
          writeOp(this.repos, op)
        }
        wrote = true
        const fk = foreignKeyProblems(this.repos.db)
        if (fk) throw new AppError('broken-reference', `${context ? context + ': ' : ''}${fk}`)
        const touched = recheck ? this.guard.check(cs) : []
        return { seq: audit(), touched }
      })()
      if (!recheck) this.guard.followed(cs)
      return stored
    } catch (e) {
      if (wrote) this.guard.rolledBack(cs)
      // SQLite holds one audit row of about 500 MB at most (the change set and its inverse); nothing was stored.
      if ((e as { code?: unknown })?.code === 'SQLITE_TOOBIG') {
        throw new AppError('too-large', `${context ? context + ': ' : ''}"${showValue(cs.label)}" is too large to keep as one undoable step (${cs.ops.length.toLocaleString('en-US')} changes); nothing was stored. Split it into smaller parts.`)
      }
      throw e
    }
  }

  private result(seq: number, cs: ChangeSet, touched: Finding[], key: string, known?: { canUndo: boolean; canRedo: boolean }): ApplyResult {
    return {
      seq, changeSet: cs, touchedFindings: touched, summary: this.guard.summary(),
      canUndo: known?.canUndo ?? this.repos.audit.has(key, 'done'), canRedo: known?.canRedo ?? this.repos.audit.has(key, 'undone'),
    }
  }
}
