import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactUrl } from '../server/connect'
import { ServerSync } from '../server/sync'
import { planSettingsOf } from '../services/plan-settings'
import { str } from './args'
import { InputError, UsageError, type FlagSpec, type FlagValues } from './command'
import { openPlan, type CliPlan, type OpenPlanFor } from './open-plan'

/** `--db <file>` or `--server <url>`: every command that works on a plan takes either. */
export const TARGET_FLAGS: Record<'db' | 'server', FlagSpec> = {
  db: { type: 'string', arg: '<file>', requiredUnless: 'server', help: 'the plan database (or --server)' },
  server: { type: 'string', arg: '<url>', help: 'a department server instead: postgres://login@host:port/database (password from PGPASSWORD or ~/.pgpass)' },
}

export interface CliTarget extends CliPlan {
  /** The plan's name in messages: its file, or the server's URL without password. */
  name: string
  /** For commands that write: waits until the server stored every step; throws InputError naming what was not stored. */
  finish(): Promise<void>
  /** On a server: stores the plan's settings this command set in its working copy (the sample city's), as one change of them. */
  shareSettings(label: string): Promise<void>
  closeAll(): Promise<void>
}

/**
 * Opens the plan a command works on. On a server, the command runs on a working copy made
 * for it (the same services as on a file) and its steps are stored on the server through the
 * same sync as the app's, as the login in the URL: the server's roles apply.
 */
export async function openTarget(command: string, flags: FlagValues, opts: OpenPlanFor = {}): Promise<CliTarget> {
  const db = str(flags, 'db')
  const url = str(flags, 'server')
  if (!db === !url) throw new UsageError(`${command}: give either --db <file> or --server <url>`)
  if (db) {
    const plan = await openPlan(db, opts)
    return { ...plan, name: db, finish: async () => {}, shareSettings: async () => {}, closeAll: async () => plan.close() }
  }
  const dir = mkdtempSync(join(tmpdir(), 'acp-server-copy-'))
  const plan = await openPlan(join(dir, 'plan.sqlite'), { create: true })
  const sync = new ServerSync(plan.services, url!, {}, { retryMs: 500 })
  const closeAll = async () => {
    await sync.stop().catch(() => {})
    plan.close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await sync.start()
    if (sync.status !== 'online' || !sync.identity) throw new InputError(`Cannot use the server ${redactUrl(url!)}: ${sync.why ?? 'no connection'}`)
    if (!sync.identity.role) throw new InputError(`The login ${sync.identity.login} has no role on ${redactUrl(url!)}; the owner gives it one with: npm run cli -- server user`)
    // The sync took the server plan's settings (tolerances, department, units...) on connecting, so findings and output match a file holding the same plan.
  } catch (e) {
    await closeAll()
    throw e instanceof InputError ? e : new InputError((e as Error).message)
  }
  const id = sync.identity!
  return {
    ...plan,
    name: redactUrl(url!),
    actor: { osUser: plan.actor.osUser, profile: id.role === 'commander' ? { role: 'commander', areaId: id.areaId! } : { role: 'admin' } },
    closeAll,
    async shareSettings(label) {
      const values = planSettingsOf(plan.services.repos.settings.all())
      if (!Object.keys(values).length) return
      try {
        await sync.storeSettings(values, { label, profile: 'admin', osUser: plan.actor.osUser })
      } catch (e) {
        throw new InputError(`${(e as Error).message.replace(/ Nothing was saved\.$/, '')}. The settings were not stored on ${redactUrl(url!)}; the plan's rows were.`)
      }
    },
    async finish() {
      await sync.settle()
      // A lost connection is retried for a while: the step is either stored once or not at all.
      for (let i = 0; i < 20 && sync.unsent().length && !sync.conflicts().length; i++) {
        await new Promise((r) => setTimeout(r, 500))
        await sync.settle()
      }
      const refused = sync.conflicts()
      if (refused.length) throw new InputError(refused.map((c) => c.message).join('\n'))
      const unsent = sync.unsent()
      if (unsent.length) {
        throw new InputError(`"${unsent[0].label}" was not stored on ${redactUrl(url!)}: ${sync.why ?? 'the connection was lost'}. The server holds none of it (a change is one transaction); run the same command again to retry.`)
      }
    },
  }
}
