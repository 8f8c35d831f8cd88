import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { invertChangeSet } from '../../shared/domain'
import { connectServer, redactUrl } from '../server/connect'
import { planAsAdds } from '../server/plan-adds'
import { appendHistory, storeChangeSet } from '../server/repos/change-log-repo'
import { planIsEmpty, readPlanRows } from '../server/repos/plan-rows-repo'
import { readSchemaVersion, SERVER_SCHEMA_VERSION, ServerSchemaTooNewError } from '../server/repos/schema-repo'
import { readServerSettings, writeServerSettings } from '../server/repos/settings-repo'
import { allVersions, insertVersions, latestVersionNumber } from '../server/repos/version-repo'
import { str } from './args'
import { EXIT, InputError, type CliCommand } from './command'
import { openPlan } from './open-plan'

/**
 * A connection to a server whose plan this login may read; anything else ends the connection
 * and says why at once (an open connection would keep the command from ever exiting).
 */
async function serverFor(url: string) {
  const client = await connectServer(url).catch((e: Error) => {
    throw new InputError(e.message)
  })
  try {
    const version = await readSchemaVersion(client).catch((e: { code?: string; message: string }) => {
      if (e.code !== '42501') throw e
      const login = decodeURIComponent(new URL(url).username) || 'this login'
      throw new InputError(`The login ${login} may not read the plan on ${redactUrl(url)} (PostgreSQL: ${e.message}); the server's owner gives it a role with: npm run cli -- server user --login ${login} --role commander --area <id> (or --role administration), or runs server setup to upgrade an older schema`)
    })
    if (version === 0) throw new InputError(`${redactUrl(url)} has no plan schema yet; run: npm run cli -- server setup --server <owner url>`)
    if (version > SERVER_SCHEMA_VERSION) throw new InputError(new ServerSchemaTooNewError(version).message)
    return client
  } catch (e) {
    await client.end().catch(() => {})
    throw e
  }
}

export const serverPushCommand: CliCommand = {
  name: 'server push',
  summary: 'Upload a local plan (its rows, plan settings, published versions and audit history) into an empty plan on a department server, in one transaction.',
  flags: {
    db: { type: 'string', required: true, arg: '<file>', help: 'the local plan database' },
    server: { type: 'string', required: true, arg: '<url>', help: 'the department server (an Administration login or the owner)' },
  },
  async run(flags, io) {
    const plan = await openPlan(str(flags, 'db')!, { readOnly: true })
    const url = str(flags, 'server')!
    try {
      const client = await serverFor(url)
      try {
        if (!(await planIsEmpty(client)) || (await latestVersionNumber(client)) > 0) throw new InputError(`The plan on ${redactUrl(url)} is not empty; server push only fills an empty one (nothing was changed)`)
        const state = plan.services.plans.load()
        const cs = planAsAdds(state, `Push ${str(flags, 'db')} to the server`)
        const history = plan.services.repos.audit.recent(Number.MAX_SAFE_INTEGER).reverse()
        const versions = plan.services.repos.versions.stored()
        await client.query('BEGIN')
        try {
          await writeServerSettings(client, plan.services.repos.settings.all())
          await appendHistory(client, history)
          await storeChangeSet(client, { changeSet: cs, inverse: invertChangeSet(cs), action: 'import', profile: 'admin', osUser: plan.actor.osUser, clientId: null, clientSeq: null })
          // The published versions byte for byte (what residents were shown stays provable after the move).
          await insertVersions(client, versions)
          await client.query('COMMIT')
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {})
          throw new InputError(`server push failed, nothing was stored: ${(e as Error).message}`)
        }
        io.out(`Pushed ${state.areas.length} Area Commands, ${state.neighborhoods.length} neighborhoods, ${state.officers.length} officers, ${versions.length} published versions and ${history.length} audit entries to ${redactUrl(url)}.`)
        return EXIT.ok
      } finally {
        await client.end()
      }
    } finally {
      plan.close()
    }
  },
}

export const serverPullCommand: CliCommand = {
  name: 'server pull',
  summary: 'Write the plan on a department server into a new SQLite plan file (a backup anyone can open).',
  flags: {
    server: { type: 'string', required: true, arg: '<url>', help: 'the department server' },
    db: { type: 'string', required: true, arg: '<file>', help: 'the new plan database file' },
  },
  async run(flags, io) {
    const file = str(flags, 'db')!
    if (existsSync(resolve(file)) && statSync(resolve(file)).size > 0) throw new InputError(`${file} already exists; server pull writes a new file only`)
    const url = str(flags, 'server')!
    const client = await serverFor(url)
    try {
      const rows = await readPlanRows(client)
      const settings = await readServerSettings(client)
      const versions = await allVersions(client)
      const plan = await openPlan(file, { create: true })
      try {
        for (const [k, v] of Object.entries(settings)) plan.services.repos.settings.set(k, v)
        plan.services.changes.apply(planAsAdds(rows, `Pull from ${redactUrl(url)} (log position ${rows.seq})`), plan.actor, 'import', { recheck: false })
        const repos = plan.services.repos
        repos.db.transaction(() => {
          for (const v of versions) repos.versions.insertStored({ ...v, auditSeq: null })
        })()
      } finally {
        plan.close()
      }
      io.out(`Wrote ${file}: ${rows.areas.length} Area Commands, ${rows.neighborhoods.length} neighborhoods, ${rows.officers.length} officers and ${versions.length} published versions from ${redactUrl(url)}.`)
      return EXIT.ok
    } finally {
      await client.end()
    }
  },
}
