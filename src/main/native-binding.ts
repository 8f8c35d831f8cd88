import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 in node_modules is built for Node (the tests use it); inside Electron we
 * load a separate Electron-ABI build kept in native/electron, so neither overwrites the other.
 */
export function electronSqliteBinding(appRoot: string, resourcesPath?: string): string | undefined {
  return candidates(appRoot, resourcesPath).find((p) => existsSync(p))
}

function candidates(appRoot: string, resourcesPath?: string): string[] {
  return [
    ...(resourcesPath ? [join(resourcesPath, 'native', 'electron', 'better_sqlite3.node')] : []),
    join(appRoot, 'native', 'electron', 'better_sqlite3.node'),
  ]
}

/**
 * The SQLite build the app must load. Inside Electron only the Electron-ABI build will do:
 * without it, say so plainly (the Node build in node_modules would crash the process when
 * loaded). Under plain Node (the composition-root tests' stand-in for Electron) the Node build
 * in node_modules is the right one: undefined.
 */
export function sqliteBindingForApp(appRoot: string, resourcesPath: string | undefined, versions: NodeJS.ProcessVersions = process.versions): string | undefined {
  if (!versions.electron) return undefined
  const found = electronSqliteBinding(appRoot, resourcesPath)
  if (found) return found
  throw new Error(`The Electron build of SQLite (better_sqlite3.node) is missing; looked in ${candidates(appRoot, resourcesPath).join(' and ')}. Reinstall Area Command Planner (developers: run node scripts/prepare-electron-sqlite.mjs).`)
}
