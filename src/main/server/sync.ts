import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { invertChangeSet, stableStringify, type ChangeSet } from '../../shared/domain'
import { SyncRepo, type OutboxEntry, type SyncConflict } from '../db/repos/sync-repo'
import type { StoredVersion, VersionRepo } from '../db/repos/version-repo'
import { AppError } from '../services/app-error'
import type { ChangeService } from '../services/change-service'
import type { PlanService } from '../services/plan-service'
import { PLAN_SETTING_KEYS, SETTING_WORDS } from '../services/plan-settings'
import type { VersionAuthority } from '../services/publish-service'
import type { SettingsAuthority } from '../services/settings-service'
import { connectServer, redactUrl } from './connect'
import { planAsAdds } from './plan-adds'
import { CHANGE_CHANNEL, changesSince, listenForChanges, storeChangeSet, type LoggedChange } from './repos/change-log-repo'
import { whoAmI, type ServerIdentity } from './repos/login-repo'
import { readPlanRows } from './repos/plan-rows-repo'
import { readServerSettings, storeServerSettings } from './repos/settings-repo'
import { ServerConflictError, ServerForbiddenError } from './server-errors'
import { allVersions, latestVersionNumber, storeVersion, versionOfChange, type ServerVersion } from './repos/version-repo'

export type SyncStatus = 'connecting' | 'online' | 'offline'

export interface SyncEvents {
  /** The connection came or went; `why` says what happened when it went. */
  status?(status: SyncStatus, why: string | null): void
  /** A change set someone else stored was applied to this desk's plan. */
  remote?(change: LoggedChange): void
  /** One of this desk's steps was refused by the server (listed in conflicts()). */
  conflict?(conflict: SyncConflict): void
  /** One of this desk's steps is stored on the server under `seq`. */
  stored?(localSeq: number, seq: number): void
}

/** What the sync needs of a desk's services. */
export interface SyncedDesk {
  changes: ChangeService
  plans: PlanService
  repos: { db: ConstructorParameters<typeof SyncRepo>[0]; versions: VersionRepo; settings: { all(): Record<string, unknown> } }
  /** Publishing, when the desk can publish: the server numbers and records its versions. */
  publish?: { useAuthority(authority: VersionAuthority | null): void }
  /** The plan's settings: kept on the server (Administration changes them there first), followed by every desk. */
  settings?: { useAuthority(authority: SettingsAuthority | null): void; took(values: Record<string, unknown>): unknown }
}

const KEY = { clientId: 'client-id', server: 'server', pulled: 'pulled-seq', sent: 'sent-through' } as const
/** Actions of the server's log that are history copied by `server push`, not changes to apply. */
const HISTORY = 'history:'
/** Actions of the log that published a version (acp.published_versions holds it). */
const PUBLISH = new Set(['publish', 'publish-override'])
/** The action of the log's rows that changed the plan's settings (acp.settings holds them). */
const SETTINGS = 'settings'

const rowKeys = (cs: ChangeSet) => new Set(cs.ops.map((o) => `${o.entity}:${o.id}`))
const WORD: Record<string, string> = { city: 'the city limit', area: 'Area Command', neighborhood: 'neighborhood', officer: 'officer' }

/**
 * Keeps a desk's SQLite working copy and a department server's plan in step. The server holds
 * the ordered log of change sets and the authoritative rows; the desk's services work on the
 * working copy exactly as without a server (the same ChangeService, validator and undo), and
 * this class:
 *  - sends each step the desk stores, in order, to be stored by one server transaction that
 *    compares every `before` row with what the server holds (acp.apply_change_set);
 *  - listens (PostgreSQL LISTEN/NOTIFY) for change sets others store and applies them to the
 *    working copy through ChangeService.follow, so the live validator re-checks only what they touch;
 *  - when the connection is gone, keeps the steps in the working copy's audit log and sends them
 *    on reconnect; a step the server refuses is taken back, the stored state shown, and the step
 *    listed in conflicts() for the user to redo or drop: nothing is lost silently.
 * All work runs one job at a time, so the working copy sees the log in order.
 */
export class ServerSync implements VersionAuthority, SettingsAuthority {
  private client: pg.Client | null = null
  private readonly repo: SyncRepo
  private readonly clientId: string
  private job: Promise<void> = Promise.resolve()
  private again = false
  private running = false
  private stopped = false
  private paused = false
  private retryTimer: NodeJS.Timeout | null = null
  /** A round that failed for another reason than the connection; settle() throws it once. */
  private failure: unknown = null
  /** Whether this connection's first round compared the plan's settings with the server's. */
  private settingsChecked = false
  status: SyncStatus = 'offline'
  /** Why the connection went (or could not be made), last time it did. */
  why: string | null = null
  identity: ServerIdentity | null = null

  constructor(
    private readonly desk: SyncedDesk,
    private readonly url: string,
    private readonly events: SyncEvents = {},
    private readonly opts: { retryMs?: number; osUser?: string } = {},
  ) {
    this.repo = new SyncRepo(desk.repos.db)
    const known = this.repo.get(KEY.server)
    const here = redactUrl(url)
    if (known && known !== here) throw new AppError('other-server', `This working copy belongs to the server ${known}, not ${here}; use a new working copy for another server`)
    this.repo.set(KEY.server, here)
    this.clientId = this.repo.get(KEY.clientId) ?? randomUUID()
    this.repo.set(KEY.clientId, this.clientId)
    desk.changes.onStored(() => this.kick())
    desk.publish?.useAuthority(this)
    desk.settings?.useAuthority(this)
  }

  /**
   * Stores Administration's change of the plan's settings on the server (one transaction with
   * its log row, which tells every desk); refused offline (a settings change is not queued: the
   * values would silently replace what someone set meanwhile) and for any other login.
   */
  async storeSettings(values: Record<string, unknown>, entry: { label: string; profile: string; osUser: string }): Promise<void> {
    await this.settle()
    const offline = () => new AppError('offline', `The plan's settings are kept on the department server for every desk, and this desk is offline (${this.why ?? 'not connected'}); change them once it is back. Nothing was saved.`)
    const c = this.client
    if (!c) throw offline()
    const cs = { label: entry.label, ops: [] }
    try {
      await storeServerSettings(c, { changeSet: cs, inverse: cs, action: SETTINGS, profile: entry.profile, osUser: this.opts.osUser ?? entry.osUser, clientId: this.clientId, clientSeq: null }, values)
    } catch (e) {
      if (e instanceof ServerForbiddenError) throw new AppError('forbidden', `${e.message}. Nothing was saved.`)
      if (this.isConnectionError(e)) {
        this.lost(c, (e as Error).message)
        throw offline()
      }
      throw e
    }
  }

  /** The server's next version number, once this desk is in step with it (publishing needs the server). */
  async nextNumber(): Promise<number> {
    await this.settle()
    const c = this.client
    if (!c) throw new AppError('offline', `Publishing needs the department server, and this desk is offline (${this.why ?? 'not connected'}); publish once it is back.`)
    const waiting = this.unsent().length
    if (waiting) throw new AppError('unsent', `${waiting} change${waiting === 1 ? '' : 's'} of this desk ${waiting === 1 ? 'is' : 'are'} not on the server yet (see the conflicts list); publish once the server holds the plan you see.`)
    return (await latestVersionNumber(c)) + 1
  }

  /** Stores the version and its log entry in one server transaction; refused when the login may not publish or the number was taken. */
  async record(v: Omit<StoredVersion, 'auditSeq'>, entry: { label: string; action: string }): Promise<void> {
    const c = this.client
    if (!c) throw new AppError('offline', `Publishing needs the department server, and this desk is offline (${this.why ?? 'not connected'}); publish once it is back.`)
    const cs = { label: entry.label, ops: [] }
    try {
      await storeVersion(c, { changeSet: cs, inverse: cs, action: entry.action, profile: v.profile, osUser: this.opts.osUser ?? v.osUser, clientId: this.clientId, clientSeq: null }, v)
    } catch (e) {
      if (e instanceof ServerConflictError) throw new AppError('conflict', `${e.message.replace(/ The map shows.*$/, '')} Nothing was published; publish again as version ${v.number + 1}.`)
      if (e instanceof ServerForbiddenError) throw new AppError('forbidden', `${e.message}. Nothing was published.`)
      throw e
    }
  }

  recorded(auditSeq: number): void {
    this.repo.set(`settled:${auditSeq}`, '1')
  }

  private get pulled(): number {
    return Number(this.repo.get(KEY.pulled) ?? 0)
  }
  private get sentThrough(): number {
    return Number(this.repo.get(KEY.sent) ?? 0)
  }

  /** Connects, loads the server's plan into an empty working copy, catches up and sends what waits. Resolves once in step (or offline). */
  async start(): Promise<void> {
    this.stopped = false
    this.paused = false
    await this.connect()
    await this.settle()
  }

  /** Ends the connection for good (closing the app). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    await this.settle()
    const c = this.client
    this.client = null
    await c?.end().catch(() => {})
  }

  /** Works offline on purpose (as a lost network would), until resume(). */
  async pause(): Promise<void> {
    this.paused = true
    await this.settle()
    const c = this.client
    this.client = null
    await c?.end().catch(() => {})
    this.setStatus('offline', 'working offline')
  }

  async resume(): Promise<void> {
    this.paused = false
    await this.connect()
    await this.settle()
  }

  /** Resolves when every job started so far is done. */
  async settle(): Promise<void> {
    while (this.running || this.again) await this.job
    await this.job
    const f = this.failure
    this.failure = null
    if (f) throw f
  }

  conflicts(): SyncConflict[] {
    return this.repo.conflicts()
  }

  /** The user gives up a refused step: it leaves the list (its effect was already taken back). */
  dropConflict(localSeq: number): void {
    this.repo.dropConflict(localSeq)
  }

  /** Steps stored here and not yet on the server, oldest first. */
  unsent(): OutboxEntry[] {
    return this.repo.outbox(this.sentThrough)
  }

  private setStatus(s: SyncStatus, why: string | null): void {
    if (why) this.why = why
    if (this.status === s) return
    this.status = s
    this.events.status?.(s, why)
  }

  private async connect(): Promise<void> {
    if (this.client || this.stopped || this.paused) return
    this.setStatus('connecting', null)
    try {
      const c = await connectServer(this.url)
      c.on('notification', (n) => {
        if (n.channel === CHANGE_CHANNEL) this.kick()
      })
      c.on('error', (e) => this.lost(c, e.message))
      c.on('end', () => this.lost(c, 'the server closed the connection'))
      await listenForChanges(c)
      this.identity = await whoAmI(c)
      this.settingsChecked = false
      this.client = c
      this.setStatus('online', null)
      this.kick()
    } catch (e) {
      this.lost(null, (e as Error).message)
    }
  }

  private lost(c: pg.Client | null, why: string): void {
    if (c && this.client !== c) return
    if (c) c.end().catch(() => {})
    this.client = null
    this.setStatus('offline', why)
    if (this.stopped || this.paused || this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.connect()
    }, this.opts.retryMs ?? 1000)
  }

  /** Asks for a round of catching up and sending; rounds never overlap, and one asked for during a round runs after it. */
  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    this.job = (async () => {
      try {
        do {
          this.again = false
          await this.round()
        } while (this.again && this.client)
      } catch (e) {
        this.failure = e
      } finally {
        this.running = false
        this.again = false
      }
    })()
  }

  private async round(): Promise<void> {
    const c = this.client
    if (!c) return
    try {
      if (this.pulled === 0 && this.desk.plans.isEmpty()) await this.loadWholePlan(c)
      if (!this.settingsChecked) await this.catchUpSettings(c)
      await this.pull(c)
      await this.push(c)
    } catch (e) {
      if (this.isConnectionError(e)) this.lost(c, (e as Error).message)
      else throw e
    }
  }

  private isConnectionError(e: unknown): boolean {
    if (!this.client) return true
    const code = (e as { code?: string })?.code
    return /Connection terminated|ECONNRESET|ECONNREFUSED|not queryable|EPIPE/i.test((e as Error)?.message ?? '') || code === '57P01' || code === 'ECONNRESET'
  }

  /** An empty working copy takes the server's whole plan as one step followed from the server. */
  private async loadWholePlan(c: pg.Client): Promise<void> {
    const rows = await readPlanRows(c)
    const cs = planAsAdds(rows, 'Load the plan from the department server')
    const versions = await allVersions(c)
    this.desk.repos.db.transaction(() => {
      if (cs.ops.length) this.desk.changes.follow(cs, { login: this.identity?.login ?? 'server', action: 'server-load' })
      for (const v of versions) this.keepVersion(v, null)
      this.repo.set(KEY.pulled, String(rows.seq))
    })()
  }

  /** The plan's settings as the server holds them (a setting it does not hold: null, not set). */
  private async serverSettings(c: pg.Client): Promise<Record<string, unknown>> {
    const held = await readServerSettings(c)
    return Object.fromEntries(PLAN_SETTING_KEYS.map((k) => [k, held[k] ?? null]))
  }

  /**
   * On each connection: the plan's settings this working copy holds become the server's (set
   * while this desk was away, or before the server kept them), as one step followed from the server.
   */
  private async catchUpSettings(c: pg.Client): Promise<void> {
    const server = await this.serverSettings(c)
    this.settingsChecked = true
    if (!this.desk.settings) return
    const local = this.desk.repos.settings.all()
    // Compared as values: the server's jsonb keeps object keys in its own order.
    const differ = PLAN_SETTING_KEYS.filter((k) => stableStringify(local[k] ?? null) !== stableStringify(server[k]))
    if (!differ.length) return
    const label = `The plan's settings as the department server holds them: ${differ.map((k) => SETTING_WORDS[k]).join(', ')}`
    this.desk.repos.db.transaction(() => {
      this.desk.settings!.took(Object.fromEntries(differ.map((k) => [k, server[k]])))
      this.desk.changes.follow({ label, ops: [] }, { login: 'department server', action: 'remote' })
    })()
  }

  /** Applies one log row someone else stored; a change of the plan's settings takes `settings` (the server's now) first. */
  private followRemote(e: LoggedChange, settings: Record<string, unknown> | null): number {
    if (e.action === SETTINGS && settings && this.desk.settings) this.desk.settings.took(settings)
    return this.desk.changes.follow(e.changeSet, { login: e.login, action: 'remote' })
  }

  /** A version the server holds, into the working copy (once). */
  private keepVersion(v: ServerVersion, auditSeq: number | null): void {
    if (this.desk.repos.versions.get(v.number)) return
    const { login: _login, changeSeq: _seq, ...stored } = v
    this.desk.repos.versions.insertStored({ ...stored, auditSeq })
  }

  /** Applies what others stored since the last round, in the log's order. */
  private async pull(c: pg.Client): Promise<void> {
    const entries = (await changesSince(c, this.pulled)).filter((e) => !e.action.startsWith(HISTORY))
    // Settings changes are values, not steps: every one in this batch takes the server's values now.
    const settings = entries.some((e) => e.action === SETTINGS && e.clientId !== this.clientId) ? await this.serverSettings(c) : null
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]
      if (e.clientId !== this.clientId) {
        try {
          const version = PUBLISH.has(e.action) ? await versionOfChange(c, e.seq) : null
          this.desk.repos.db.transaction(() => {
            const seq = this.followRemote(e, settings)
            if (version) this.keepVersion(version, seq)
          })()
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'stale') throw err
          // A step of ours not yet stored there touches the same rows: theirs came first.
          this.rebase(entries.slice(i), settings)
          return
        }
        this.events.remote?.(e)
      }
      this.repo.set(KEY.pulled, String(e.seq))
    }
  }

  /**
   * Sets this desk's unsent steps aside, applies the server's change sets, then puts the steps
   * back one by one: a step that no longer fits (someone changed its rows first) is refused
   * with who changed what and when, and listed.
   */
  private rebase(remote: LoggedChange[], settings: Record<string, unknown> | null): void {
    const pending = this.repo.outbox(this.sentThrough)
    for (const p of [...pending].reverse()) this.desk.changes.follow(invertChangeSet(p.changeSet), { login: 'this desk', action: 'set-aside' })
    for (const e of remote) {
      if (e.clientId !== this.clientId) {
        this.followRemote(e, settings)
        this.events.remote?.(e)
      }
      this.repo.set(KEY.pulled, String(e.seq))
    }
    for (const p of pending) {
      try {
        this.desk.changes.follow(p.changeSet, { login: 'this desk', action: 'put-back' })
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'stale') throw err
        this.refuse(p, this.whoChanged(p, remote))
      }
    }
  }

  private whoChanged(p: OutboxEntry, remote: LoggedChange[]): string {
    const mine = rowKeys(p.changeSet)
    for (let i = remote.length - 1; i >= 0; i--) {
      const hit = remote[i].changeSet.ops.find((o) => mine.has(`${o.entity}:${o.id}`))
      if (hit) return `"${p.label}" was not stored: ${WORD[hit.entity]} ${hit.id} was changed by ${remote[i].login} at ${remote[i].at} ("${remote[i].label}"). The map shows the stored state; redo your change on top of it.`
    }
    return `"${p.label}" was not stored: the rows it changes were changed on the server first. The map shows the stored state; redo your change on top of it.`
  }

  private refuse(p: OutboxEntry, message: string): void {
    const at = new Date().toISOString()
    this.repo.addConflict(p, message, at)
    this.events.conflict?.({ localSeq: p.seq, at, label: p.label, message })
  }

  /** Sends this desk's steps in order; each is one server transaction. */
  private async push(c: pg.Client): Promise<void> {
    let refusals = 0
    for (;;) {
      const p = this.repo.outbox(this.sentThrough)[0]
      if (!p) return
      try {
        // The log names the step as this desk's audit does ("Undo: …"), with the rows it changed.
        const changeSet = { ...p.changeSet, label: p.label }
        const seq = await storeChangeSet(c, {
          changeSet, inverse: invertChangeSet(changeSet), action: p.action, profile: p.profile,
          osUser: this.opts.osUser ?? p.osUser, clientId: this.clientId, clientSeq: p.seq, refSeq: null,
        })
        this.repo.set(KEY.sent, String(p.seq))
        this.events.stored?.(p.seq, seq)
        refusals = 0
      } catch (e) {
        if (e instanceof ServerConflictError) {
          // Someone stored a change to these rows first: catching up takes this step back if it no longer fits.
          await this.pull(c)
          const still = this.repo.outbox(this.sentThrough)[0]
          if (still?.seq === p.seq && ++refusals >= 3) this.takeBack(p, e.message)
          continue
        }
        if (e instanceof ServerForbiddenError) {
          this.takeBack(p, e.message)
          continue
        }
        throw e
      }
    }
  }

  /** Takes one unsent step out of the working copy (the later ones set aside and put back around it) and lists it. */
  private takeBack(p: OutboxEntry, message: string): void {
    const later = this.repo.outbox(this.sentThrough).filter((x) => x.seq > p.seq)
    for (const x of [...later].reverse()) this.desk.changes.follow(invertChangeSet(x.changeSet), { login: 'this desk', action: 'set-aside' })
    this.desk.changes.follow(invertChangeSet(p.changeSet), { login: 'this desk', action: 'refused' })
    this.refuse(p, message)
    for (const x of later) {
      try {
        this.desk.changes.follow(x.changeSet, { login: 'this desk', action: 'put-back' })
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'stale') throw err
        this.refuse(x, `"${x.label}" was not stored: it builds on "${p.label}", which the server refused.`)
      }
    }
  }
}
