import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 in node_modules is built for Node (the tests use it); inside Electron we
 * load a separate Electron-ABI build kept in native/electron, so neither overwrites the other.
 */
export function electronSqliteBinding(appRoot: string, resourcesPath?: string): string | undefined {
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'native', 'electron', 'better_sqlite3.node')] : []),
    join(appRoot, 'native', 'electron', 'better_sqlite3.node'),
  ]
  return candidates.find((p) => existsSync(p))
}
