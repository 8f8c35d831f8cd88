import type { Actor } from '../../src/main/services/actor'
import { ServerSync } from '../../src/main/server/sync'
import type { LoggedChange } from '../../src/main/server/repos/change-log-repo'
import type { SyncConflict } from '../../src/main/db/repos/sync-repo'
import type { Profile } from '../../src/shared/domain'
import { makeServices } from '../helpers/services'
import type pg from 'pg'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { storeSampleCity } from './fixtures'

export type Desk = ReturnType<typeof makeServices> & {
  sync: ServerSync
  actor: Actor
  remote: { change: LoggedChange; at: number }[]
  conflictsSeen: SyncConflict[]
  close(): Promise<void>
}

/** One app instance: its own services on its own SQLite working copy, synced with the server as `url`'s login. */
export async function openDesk(url: string, osUser: string): Promise<Desk> {
  const services = makeServices({ seed: false, osUser })
  const remote: Desk['remote'] = []
  const conflictsSeen: SyncConflict[] = []
  const sync = new ServerSync(services, url, {
    remote: (change) => remote.push({ change, at: performance.now() }),
    conflict: (c) => conflictsSeen.push(c),
  }, { retryMs: 200 })
  await sync.start()
  const who = sync.identity!
  // The profile comes from the server, not from a local picker.
  const profile: Profile = who.role === 'commander' ? { role: 'commander', areaId: who.areaId! } : { role: 'admin' }
  return Object.assign(services, {
    sync, remote, conflictsSeen, actor: { osUser, profile },
    async close() {
      await sync.stop()
      services.cleanup()
    },
  })
}

/** Waits until `ok()` holds, checking after each event-loop turn; fails with `what` after `ms`. */
export async function until(ok: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** A plan's tables in one comparable shape. */
export function tables(plan: { city: unknown; areas: { id: string }[]; neighborhoods: { id: string }[]; officers: { id: string }[] }) {
  return { city: plan.city, areas: byId(plan.areas), neighborhoods: byId(plan.neighborhoods), officers: byId(plan.officers) }
}

/** A throw-away server holding the sample city, with Commander NE's desk (alice) and Administration's (carol) open on it. */
export interface SampleDesks {
  server: TestServer
  owner: pg.Client
  ne: Desk
  adm: Desk
}
export async function openSampleDesks(): Promise<SampleDesks> {
  const server = await startTestServer()
  const owner = await server.owner()
  await storeSampleCity(owner)
  const ne = await openDesk(await server.addLogin('ne_cmdr', 'commander', 'NE'), 'alice')
  const adm = await openDesk(await server.addLogin('admin_1', 'administration', null), 'carol')
  return { server, owner, ne, adm }
}
export async function closeSampleDesks(s: Partial<SampleDesks>): Promise<void> {
  for (const d of [s.ne, s.adm]) await d?.close()
  await s.server?.stop()
}
