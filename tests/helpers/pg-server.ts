import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startDevServer, stopDevServer, type DevServer } from '../../src/main/server/dev-server'
import { connectServer } from '../../src/main/server/connect'
import { setupSchema } from '../../src/main/server/repos/schema-repo'
import { setLogin, type ServerRole } from '../../src/main/server/repos/login-repo'

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

export interface TestServer extends DevServer {
  /** A URL for `login` with `password` on this server. */
  urlFor(login: string, password: string): string
  /** Creates a login (as `server user` does) and returns its URL. */
  addLogin(login: string, role: ServerRole, areaId: string | null): Promise<string>
  /** A connection as the owner; closed by stop(). */
  owner(): Promise<pg.Client>
  stop(): Promise<void>
}

/**
 * A real PostgreSQL 15 with PostGIS in a fresh folder, with the plan schema set up: one per test
 * file (starting one takes seconds), stopped and removed by stop().
 */
export async function startTestServer(opts: { setup?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'acp-pg-'))
  const server = startDevServer({ dir, port: await freePort() })
  const clients: pg.Client[] = []
  const owner = async () => {
    const c = await connectServer(server.ownerUrl)
    clients.push(c)
    return c
  }
  if (opts.setup ?? true) {
    const c = await owner()
    await setupSchema(c)
  }
  const urlFor = (login: string, password: string) => `postgres://${encodeURIComponent(login)}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/acp`
  return {
    ...server,
    urlFor,
    owner,
    async addLogin(login, role, areaId) {
      const c = await owner()
      const password = `pw-${login}`
      await setLogin(c, login, role, areaId, password)
      return urlFor(login, password)
    },
    async stop() {
      await Promise.all(clients.map((c) => c.end().catch(() => {})))
      try {
        stopDevServer(dir, 'immediate')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
