import { findingsDelta, type ChangeSet, type Finding } from '../../shared/domain'
import type { ApplyResult, ValidationReport } from '../../shared/ipc/outputs'
import type { FindingsUpdate, HistoryHead, WriteResult } from '../../shared/ipc/write-result'
import type { Repos } from '../db/repos'
import type { Actor } from './actor'
import type { ChangeService } from './change-service'
import type { FollowedViews } from './followed-views'
import type { PublishService } from './publish-service'
import type { ValidationService } from './validation-service'

/** What a write stored: its audit row, the change set as stored and the findings of what it touched. */
export type StoredStep = Pick<ApplyResult, 'seq' | 'changeSet' | 'touchedFindings'>

/**
 * The window's one door for writes. Each write (edit, undo, redo, import, roster import,
 * repair) runs through `write`, which answers with everything the window shows after it: the
 * change set to apply, the findings as a delta of the list the window holds, the publish status
 * and the undo history's head. Nothing here reads the whole plan for an edit: the findings come
 * from the live validator, the publish status from the plan's fingerprint, the head from the log;
 * the staffing figures or fixes the window has open come along only when shown and changed.
 */
export class WriteService {
  /** The findings list the window was last given, and its number. */
  private sent: { list: readonly Finding[]; version: number } | null = null
  private version = 0

  constructor(
    private readonly repos: Repos,
    private readonly changes: ChangeService,
    private readonly validation: ValidationService,
    private readonly publish: PublishService,
    /** The figures the window has open beside the plan; each answer carries those the write changed. */
    readonly views: FollowedViews | null = null,
  ) {}

  /** Runs one write; `step` picks the stored step out of its answer (null: nothing was stored). */
  async write<T>(actor: Actor, run: () => T | Promise<T>, step: (t: T) => StoredStep | null): Promise<{ value: T; write: WriteResult | null }> {
    const prevSeq = this.headSeq()
    const value = await run()
    const s = step(value)
    return { value, write: s ? this.answer(actor, prevSeq, s) : null }
  }

  edit(cs: ChangeSet, actor: Actor): WriteResult {
    return this.answer(actor, this.headSeq(), this.changes.apply(cs, actor))
  }

  undo(actor: Actor): WriteResult {
    return this.answer(actor, this.headSeq(), this.changes.undo(actor))
  }

  redo(actor: Actor): WriteResult {
    return this.answer(actor, this.headSeq(), this.changes.redo(actor))
  }

  /**
   * A step stored by a service that answers with its seq only (an import): its change set as the
   * audit log holds it. The touched findings are not known there; the window lists them all.
   */
  stepOf(seq: number): StoredStep {
    const e = this.repos.audit.get(seq)
    if (!e) throw new Error(`Step ${seq} is not in the audit log`)
    return { seq, changeSet: e.changeSet, touchedFindings: [] }
  }

  /**
   * A change set followed from a department server (stored as step `seq`): what the window needs
   * to show it, as for its own writes. The touched findings are not known there (the live
   * validator followed its ops without a re-check); the delta carries the changed list.
   */
  followed(actor: Actor, seq: number, cs: ChangeSet): WriteResult {
    const prevSeq = this.repos.audit.history(2).find((e) => e.seq < seq)?.seq ?? 0
    return this.answer(actor, prevSeq, { seq, changeSet: cs, touchedFindings: [] })
  }

  /** The whole findings report, numbered: what later writes' deltas build on. */
  report(): ValidationReport {
    const r = this.validation.report()
    this.sent = { list: r.findings, version: ++this.version }
    return { ...r, version: this.version }
  }

  head(actor: Actor): HistoryHead {
    const last = this.repos.audit.history(1)[0] ?? null
    return {
      canUndo: this.changes.canUndo(actor),
      canRedo: this.changes.canRedo(actor),
      last: last && { seq: last.seq, at: last.at, osUser: last.osUser, profile: last.profile, action: last.action, label: last.label, state: last.state, refSeq: last.refSeq ?? null },
    }
  }

  private headSeq(): number {
    return this.repos.audit.history(1)[0]?.seq ?? 0
  }

  private answer(actor: Actor, prevSeq: number, s: StoredStep): WriteResult {
    this.publish.followed(prevSeq, s.seq, s.changeSet)
    const findings = this.findings(s.touchedFindings)
    const result: WriteResult = { seq: s.seq, changeSet: s.changeSet, findings, publish: this.publish.status(actor), history: this.head(actor) }
    const changed = 'all' in findings ? null : findings.delta.filter((d): d is Finding => !Array.isArray(d))
    const views = this.views?.after(actor, s.changeSet, { list: this.sent!.list, changed })
    return views ? { ...result, views } : result
  }

  private findings(touched: Finding[]): FindingsUpdate {
    const list = this.validation.findings()
    const summary = this.validation.summary()
    const base = this.sent
    this.sent = { list, version: ++this.version }
    if (!base) return { summary, touched, version: this.version, all: list }
    return { summary, touched, version: this.version, base: base.version, delta: findingsDelta(base.list, list) }
  }
}

