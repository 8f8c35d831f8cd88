import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../services/app-error'
import type { ServerConnectionInfo } from '../../shared/ipc/features/server-contract'

/**
 * What keeps the password safe: Electron's `safeStorage` has exactly this shape (the app passes
 * it as it is); tests pass their own. Nothing here imports electron.
 */
export interface SecretBox {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface SavedFile extends ServerConnectionInfo {
  /** The password as the SecretBox encrypted it, base64: never the password itself. */
  password: string
}

/**
 * The department server this desk connects to, kept in the user data folder (never in the plan
 * file): address, database and login as they are, the password only as the SecretBox encrypted it.
 */
export class ConnectionStore {
  readonly file: string
  constructor(
    userDataPath: string,
    private readonly box: SecretBox,
  ) {
    this.file = join(userDataPath, 'department-server.json')
  }

  /** The saved connection without its password; null when none is saved. */
  info(): ServerConnectionInfo | null {
    const f = this.read()
    return f && { host: f.host, port: f.port, database: f.database, login: f.login }
  }

  /** The saved connection as a PostgreSQL URL, the password decrypted; null when none is saved. */
  url(): string | null {
    const f = this.read()
    if (!f) return null
    let password: string
    try {
      password = this.box.decryptString(Buffer.from(f.password, 'base64'))
    } catch (e) {
      throw new AppError('server-password', `The saved password for ${f.login} on ${f.host} cannot be read on this computer (${(e as Error).message}); connect again in Settings.`)
    }
    return serverUrl(f, password)
  }

  save(info: ServerConnectionInfo, password: string): void {
    if (!this.box.isEncryptionAvailable())
      throw new AppError('no-keystore', 'This computer offers no safe place for the password (no system keyring), so it was not saved. Nothing changed.')
    const saved: SavedFile = { ...info, password: this.box.encryptString(password).toString('base64') }
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(saved, null, 2), { mode: 0o600 })
    renameSync(tmp, this.file)
  }

  clear(): void {
    rmSync(this.file, { force: true })
  }

  private read(): SavedFile | null {
    if (!existsSync(this.file)) return null
    try {
      const f = JSON.parse(readFileSync(this.file, 'utf8')) as SavedFile
      if (typeof f.host !== 'string' || typeof f.login !== 'string' || typeof f.database !== 'string' || !Number.isInteger(f.port) || typeof f.password !== 'string') throw new Error('a field is missing')
      return f
    } catch (e) {
      throw new AppError('server-settings', `${this.file} is not a saved department server connection (${(e as Error).message}); connect again in Settings.`)
    }
  }
}

export function serverUrl(c: ServerConnectionInfo, password: string): string {
  const host = c.host.includes(':') ? `[${c.host}]` : c.host
  return `postgres://${encodeURIComponent(c.login)}:${encodeURIComponent(password)}@${host}:${c.port}/${encodeURIComponent(c.database)}`
}

/** The desk's SQLite working copy for one login on one server: its own file, beside the app's plan. */
export function workingCopyPath(userDataPath: string, c: ServerConnectionInfo): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_')
  return join(userDataPath, 'department-server', `${safe(c.login)}@${safe(c.host)}-${c.port}-${safe(c.database)}.sqlite`)
}
