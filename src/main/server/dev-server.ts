import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * A throw-away local PostgreSQL 15 for trying the department server and for the tests: the
 * system's binaries, one data folder, listening on 127.0.0.1 and on a unix socket inside that
 * folder only, with a superuser whose password is made up here. Not for a real department:
 * that runs its own PostgreSQL. initdb refuses to run as root, so as root every PostgreSQL
 * program runs as the `postgres` account (runuser) in a folder that account owns.
 */

export const PG_BIN = process.env.ACP_PG_BIN ?? '/usr/lib/postgresql/15/bin'
const OWNER = 'postgres'
const DATABASE = 'acp'

export interface DevServer {
  dir: string
  port: number
  /** postgres://postgres:<password>@127.0.0.1:<port>/acp: the owner's URL, for `server setup` and `server user`. */
  ownerUrl: string
  /** The postmaster's process id (for tests that kill it). */
  pid(): number
}

const asRoot = () => process.getuid?.() === 0

/** Runs one PostgreSQL program; as root, as the postgres account. Throws with its own words on failure. */
function pgRun(program: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const bin = join(PG_BIN, program)
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, ...env }, cwd: '/' })
  if (r.error) throw new Error(`${program} could not be started: ${r.error.message}`)
  if (r.status !== 0) throw new Error(`${program} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().slice(-2000)}`)
  return r.stdout
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

/** The folder must exist and, as root, belong to the postgres account; PostgreSQL refuses a data folder others can read. */
function prepareDir(dir: string): void {
  if (!existsSync(PG_BIN)) throw new Error(`PostgreSQL 15 is not installed (no ${PG_BIN}); on Debian: apt-get install postgresql-15 postgresql-15-postgis-3`)
  mkdirSync(dir, { recursive: true })
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`)
  if (asRoot()) {
    const { uid, gid } = postgresUid()
    chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
}

const dataDir = (dir: string) => join(dir, 'data')
const urlFile = (dir: string) => join(dir, 'owner-url')

function writeAsOwner(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 })
  if (asRoot()) {
    const { uid, gid } = postgresUid()
    chownSync(file, uid, gid)
  }
}

function ownerUrl(password: string, port: number): string {
  return `postgres://${OWNER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`
}

/**
 * Creates (first time) and starts the server in `dir` on `port`. A folder that already holds
 * one is started again with its own password, so a plan kept there survives a restart.
 */
export function startDevServer(opts: { dir: string; port: number }): DevServer {
  const dir = resolve(opts.dir)
  const port = opts.port
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port must be a whole number from 1024 to 65535, not ${port}`)
  // pg_ctl hands these settings to a shell; a quote in the path would end the quoting.
  if (/['\\\n]/.test(dir)) throw new Error(`The folder's path must not hold a quote, backslash or line break: ${dir}`)
  prepareDir(dir)
  let password: string
  const fresh = !existsSync(join(dataDir(dir), 'PG_VERSION'))
  if (fresh) {
    password = randomBytes(18).toString('base64url')
    const pwfile = join(dir, 'initdb-password')
    writeAsOwner(pwfile, password + '\n')
    try {
      pgRun('initdb', ['-D', dataDir(dir), '-U', OWNER, '--pwfile', pwfile, '--auth-host=scram-sha-256', '--auth-local=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'])
    } finally {
      // The password lives on only in the owner URL file, readable by the folder's owner.
      writeAsOwner(pwfile, '')
    }
  } else {
    const known = existsSync(urlFile(dir)) ? readFileSync(urlFile(dir), 'utf8').trim() : ''
    const m = /^postgres:\/\/[^:]+:([^@]+)@/.exec(known)
    if (!m) throw new Error(`${dir} holds a PostgreSQL data folder but not the owner URL this command wrote; use an empty folder`)
    password = decodeURIComponent(m[1])
  }
  const settings = [
    `-c listen_addresses=127.0.0.1`, `-c port=${port}`, `-c unix_socket_directories='${dir}'`,
    // Small enough for a laptop and for twenty simulated editors at once.
    `-c max_connections=100`, `-c shared_buffers=64MB`,
  ].join(' ')
  try {
    pgRun('pg_ctl', ['-D', dataDir(dir), '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start'])
  } catch (e) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').trim().split('\n').slice(-5).join('\n') : ''
    throw new Error(`${(e as Error).message}${log ? `\nThe server's log ends:\n${log}` : ''}`)
  }
  const env = { PGPASSWORD: password }
  if (fresh) {
    pgRun('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', OWNER, DATABASE], env)
    writeAsOwner(urlFile(dir), ownerUrl(password, port) + '\n')
  }
  return {
    dir, port, ownerUrl: ownerUrl(password, port),
    pid: () => Number(readFileSync(join(dataDir(dir), 'postmaster.pid'), 'utf8').split('\n')[0]),
  }
}

/** Stops the server in `dir` ('fast': sessions are ended and it shuts down cleanly). */
export function stopDevServer(dir: string, mode: 'fast' | 'immediate' = 'fast'): void {
  const data = dataDir(resolve(dir))
  if (!existsSync(join(data, 'postmaster.pid'))) return
  pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'])
}
