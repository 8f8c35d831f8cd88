import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrate'

export function tempDir(prefix = 'acp-db-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A migrated plan database holding `n` settings rows with some bulk, so it spans many pages. */
export function makePlanDb(file: string, n = 200, tag = 'v1'): Db {
  const db = openDatabase(file)
  migrate(db)
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    for (let i = 0; i < n; i++) put.run(`k${i}`, JSON.stringify({ tag, filler: 'x'.repeat(200) }))
  })()
  return db
}

/** What a person would compare: the tag every row carries, and how many rows there are. */
export function readTag(file: string): { rows: number; tags: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare("SELECT value FROM settings WHERE key LIKE 'k%'").all() as { value: string }[]
    return { rows: rows.length, tags: [...new Set(rows.map((r) => (JSON.parse(r.value) as { tag: string }).tag))] }
  } finally {
    db.close()
  }
}
