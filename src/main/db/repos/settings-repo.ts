import type { Db } from '../connection'

export class SettingsRepo {
  private readonly getStmt
  private readonly putStmt
  private readonly allStmt
  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    this.putStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    this.allStmt = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key')
  }
  get<T>(key: string): T | undefined {
    const r = this.getStmt.get(key)
    return r ? (JSON.parse(r.value) as T) : undefined
  }
  set(key: string, value: unknown): void {
    this.putStmt.run(key, JSON.stringify(value))
  }
  all(): Record<string, unknown> {
    return Object.fromEntries(this.allStmt.all().map((r) => [r.key, JSON.parse(r.value)]))
  }
}
