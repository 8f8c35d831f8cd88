import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { runCli } from '../../src/main/cli'
import { dumpTables } from '../helpers/table-dump'

export const REPO = resolve(__dirname, '../..')
export const CHICAGO = resolve(__dirname, '../../../shared/real-data/chicago')
export const chicagoPresent = existsSync(join(CHICAGO, 'beats.geojson')) && existsSync(join(CHICAGO, 'districts.geojson'))
export const chicagoSkip = `Chicago real data not found at ${CHICAGO}; skipping the CLI real-data checks`

export interface CliRun {
  code: number
  out: string
  err: string
}

/** A command still running after this long is taken as hanging: spawnSync blocks vitest's own timeout. */
const HANG_MS = 60_000

/** The real CLI in its own process (`tsx src/main/cli.ts`), as a script would run it. */
export function spawnCli(...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/main/cli.ts'), ...argv], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: HANG_MS,
    killSignal: 'SIGKILL',
  })
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`npm run cli -- ${argv.join(' ').slice(0, 200)} hung: killed after ${HANG_MS / 1000} s`)
  if (r.error) throw r.error
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr }
}

/** The same command table in this process: faster, for tests that do not check the process boundary. */
export async function inProcess(...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Every stored row, read on a connection of its own that is closed again. */
export function dumpPlan(dbFile: string): Record<string, unknown[]> {
  const db = openDatabase(dbFile)
  try {
    return dumpTables(db)
  } finally {
    db.close()
  }
}
