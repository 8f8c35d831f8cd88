import type Database from 'better-sqlite3'

/** Every row of every table, in a fixed order: two dumps are equal exactly when the stored data is. */
export function dumpTables(db: Database.Database, opts: { exclude?: string[] } = {}): Record<string, unknown[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !opts.exclude?.includes(t))
  const out: Record<string, unknown[]> = {}
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()
  return out
}
