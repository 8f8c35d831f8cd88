import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { createServices, type ServiceConfig, type Services } from '../../src/main/services'

export const REPO_ROOT = resolve(__dirname, '../..')
export const SAMPLE_DIR = join(REPO_ROOT, 'resources', 'geo')

/** Real services on a real SQLite file in a fresh temporary folder. */
export function makeServices(opts: { seed?: boolean; dbPath?: string; osUser?: string; locale?: string } & Pick<ServiceConfig, 'push' | 'parseChild'> = {}): Services & { cleanup(): void; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'acp-test-'))
  const dbPath = opts.dbPath ?? join(dir, 'plan.sqlite')
  const db = openDatabase(dbPath)
  const services = createServices({ db, dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: opts.osUser ?? 'tester', appVersion: '0.0.0-test',
    // A metric locale unless a test picks one, so what a test sees does not depend on the machine's locale.
    locale: opts.locale ?? 'en-GB', push: opts.push, ...(opts.parseChild !== undefined ? { parseChild: opts.parseChild } : {}) })
  if (opts.seed ?? true) services.seed.seedIfEmpty(services.session.actor())
  return {
    ...services,
    dir,
    cleanup() {
      try {
        db.close()
      } catch {
        /* already closed by the test */
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
