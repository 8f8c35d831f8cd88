import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ChangeSet, Profile } from '../../shared/domain'
import type { ServerConnectInput, ServerConnectionInfo, ServerIdentityInfo, ServerStatus } from '../../shared/ipc/features/server-contract'
import type { ServerEvent } from '../../shared/ipc/features/server-events'
import type { WriteResult } from '../../shared/ipc/write-result'
import { SyncRepo } from '../db/repos/sync-repo'
import { AppError } from '../services/app-error'
import { readEntity } from '../services/entity-store'
import type { Services } from '../services'
import { connectServer } from './connect'
import { serverUrl, workingCopyPath, type ConnectionStore } from './connection-store'
import { whoAmI, type ServerIdentity } from './repos/login-repo'
import { ServerSync } from './sync'

const IDENTITY_KEY = 'identity'

const sameConnection = (a: ServerConnectionInfo | null, b: ServerConnectionInfo | null) =>
  a === b || (!!a && !!b && a.host === b.host && a.port === b.port && a.database === b.database && a.login === b.login)

/** The working copy's file for a saved connection, its folder made: where the app opens its plan while connected. */
export function prepareWorkingCopy(userDataPath: string, c: ServerConnectionInfo): string {
  const file = workingCopyPath(userDataPath, c)
  mkdirSync(dirname(file), { recursive: true })
  return file
}

/**
 * The window's side of a department server: the connection saved in Settings (password kept by
 * the SecretBox), the ServerSync of this desk's working copy, the profile the server gives the
 * login, and the events the window is sent (the connection's status, and every change set
 * followed from the server, as a WriteResult the window takes like its own writes).
 *
 * `active` is the connection whose working copy `services` run on (chosen at startup by the
 * composition root); a connection saved or forgotten in Settings applies at the next start.
 */
export class ServerLink {
  private sync: ServerSync | null = null
  private readonly syncRepo: SyncRepo | null
  private identity: ServerIdentity | null = null
  private startError: string | null = null
  private statusQueued = false
  private settingsMoved = false

  constructor(
    private readonly services: Services,
    private readonly store: ConnectionStore | null,
    private readonly active: ServerConnectionInfo | null,
    private readonly opts: { push: (e: ServerEvent) => void; requestRestart?: () => void; retryMs?: number },
  ) {
    this.syncRepo = active ? new SyncRepo(services.repos.db) : null
    const known = this.syncRepo?.get(IDENTITY_KEY)
    // Offline at startup, the window opens as the login the server named last time.
    if (known) this.takeIdentity(JSON.parse(known) as ServerIdentity)
    if (!active) return
    // The plan's settings the server changed are taken just before the step that logs it is followed.
    services.settings.onChange(() => (this.settingsMoved = true))
    services.changes.onFollowed((seq, cs) => this.followed(seq, cs))
    services.changes.onStored(() => this.statusChanged())
  }

  /** Connects this desk's working copy to the server (if one is in use); resolves once in step or offline. */
  async start(): Promise<void> {
    if (!this.active || !this.store || this.sync) return
    let url: string
    try {
      const saved = this.store.info()
      if (!sameConnection(saved, this.active)) throw new AppError('server-settings', 'The saved connection changed; it applies when the app restarts.')
      url = this.store.url()!
    } catch (e) {
      this.startError = (e as Error).message
      this.statusChanged()
      return
    }
    this.sync = new ServerSync(this.services, url, {
      status: () => {
        if (this.sync?.identity) this.takeIdentity(this.sync.identity)
        this.statusChanged()
      },
      conflict: () => this.statusChanged(),
      stored: () => this.statusChanged(),
    }, { retryMs: this.opts.retryMs ?? 2000 })
    try {
      await this.sync.start()
    } catch (e) {
      this.startError = (e as Error).message
      this.statusChanged()
    }
  }

  async stop(): Promise<void> {
    await this.sync?.stop()
  }

  /** Waits until every step stored so far was sent and every change heard of was applied (tests, closing). */
  async settle(): Promise<void> {
    await this.sync?.settle()
  }

  /** Works offline on purpose, as a lost network would (tests). */
  async pause(): Promise<void> {
    await this.sync?.pause()
  }

  async resume(): Promise<void> {
    await this.sync?.resume()
  }

  status(): ServerStatus {
    const saved = this.savedInfo()
    const who = this.identity
    return {
      connection: this.active,
      state: !this.active ? 'none' : (this.sync?.status ?? 'offline'),
      why: this.sync?.why ?? this.startError,
      identity: who && { login: who.login, role: who.role, areaId: who.areaId, areaName: who.areaId ? (this.services.repos.areas.get(who.areaId)?.name ?? null) : null } satisfies ServerIdentityInfo,
      queued: this.sync ? this.sync.unsent().length : 0,
      conflicts: this.sync?.conflicts() ?? [],
      saved,
      restartPending: !sameConnection(saved, this.active),
    }
  }

  /**
   * Checks that the server answers this login with a role in its plan, then saves the connection
   * (the password only through the SecretBox) for the next start; asks the shell to restart.
   */
  async connect(input: ServerConnectInput): Promise<ServerStatus> {
    if (!this.store) throw new AppError('no-keystore', 'This window has no safe place to keep a password, so it cannot connect to a department server.')
    const info: ServerConnectionInfo = { host: input.host.trim(), port: input.port, database: input.database.trim(), login: input.login.trim() }
    let client
    try {
      client = await connectServer(serverUrl(info, input.password))
    } catch (e) {
      throw new AppError('server-unreachable', `${(e as Error).message}. Nothing was saved.`)
    }
    try {
      let who: ServerIdentity
      try {
        who = await whoAmI(client)
      } catch (e) {
        throw new AppError('server-no-plan', `The database ${info.database} on ${info.host}:${info.port} holds no department plan (${(e as Error).message}); its owner sets it up with: npm run cli -- server setup --server <owner url>. Nothing was saved.`)
      }
      if (!who.role)
        throw new AppError('server-no-role', `The login ${info.login} has no role on this server; its owner gives it one with: npm run cli -- server user --login ${info.login} --role commander --area <area id> (or --role administration). Nothing was saved.`)
    } finally {
      await client.end().catch(() => {})
    }
    this.store.save(info, input.password)
    this.opts.requestRestart?.()
    return this.status()
  }

  /** Forgets the saved connection: after a restart the desk works on its own plan file again. */
  async disconnect(): Promise<ServerStatus> {
    this.store?.clear()
    this.opts.requestRestart?.()
    return this.status()
  }

  /**
   * Redoes a step the server refused on top of the stored plan: the rows it changed take the
   * step's result again, as one new undoable step that is sent like any other (and checked by
   * this desk's permission check, the plan check and the server's row-level security).
   */
  redoConflict(localSeq: number): WriteResult {
    const conflict = this.conflict(localSeq)
    const step = this.services.repos.audit.get(localSeq)
    if (!step) throw new AppError('not-found', `Step ${localSeq} is no longer in this desk's log.`)
    const ops = step.changeSet.ops
      .map((op) => ({ ...op, before: readEntity(this.services.repos, op) }))
      .filter((op) => JSON.stringify(op.before) !== JSON.stringify(op.after))
    if (!ops.length) {
      this.dropConflict(localSeq)
      throw new AppError('nothing-to-redo', `The stored plan already holds what "${conflict.label}" did; it was taken off the list.`)
    }
    const cs = { label: `Redo: ${conflict.label}`, ops } as ChangeSet
    const r = this.services.writes.edit(cs, this.services.session.actor())
    this.sync!.dropConflict(localSeq)
    this.statusChanged()
    return r
  }

  /** The user gives up a refused step (its effect was already taken back from the map). */
  dropConflict(localSeq: number): ServerStatus {
    this.conflict(localSeq)
    this.sync!.dropConflict(localSeq)
    this.statusChanged()
    return this.status()
  }

  private conflict(localSeq: number) {
    const c = this.sync?.conflicts().find((x) => x.localSeq === localSeq)
    if (!c) throw new AppError('not-found', `Step ${localSeq} is not among the steps the server refused.`)
    return c
  }

  private savedInfo(): ServerConnectionInfo | null {
    try {
      return this.store?.info() ?? null
    } catch {
      return null
    }
  }

  private takeIdentity(who: ServerIdentity): void {
    this.identity = who
    this.syncRepo?.set(IDENTITY_KEY, JSON.stringify(who))
    const profile: Profile | null = who.role === 'administration' ? { role: 'admin' } : who.role === 'commander' && who.areaId ? { role: 'commander', areaId: who.areaId } : null
    if (profile) this.services.session.useServerProfile(profile, who.login)
  }

  private followed(seq: number, cs: ChangeSet): void {
    const write = this.services.writes.followed(this.services.session.actor(), seq, cs)
    const moved = this.settingsMoved
    this.settingsMoved = false
    // A change of the plan's settings reaches the window with the settings now in use (its panel shows them, its findings follow them).
    this.opts.push({ kind: 'change', write: moved ? { ...write, settings: this.services.settings.get() } : write })
    this.statusChanged()
  }

  /** Tells the window the status once per turn of the event loop, however many things changed in it. */
  private statusChanged(): void {
    if (this.statusQueued) return
    this.statusQueued = true
    setImmediate(() => {
      this.statusQueued = false
      this.opts.push({ kind: 'status', status: this.status() })
    })
  }
}
