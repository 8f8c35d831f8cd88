import type { Db } from '../connection'
import type { CallPoint } from '../../../shared/staffing/workload'

export interface CallsImportMeta {
  fileName: string
  importedAt: string
  osUser: string
  rowsRead: number
  rowsSkipped: number
  defaultMinutes: number
  mapping: Record<string, string | undefined>
}

interface MetaRow {
  file_name: string; imported_at: string; os_user: string; rows_read: number; rows_skipped: number; default_minutes: number; mapping: string
}

/** The imported calls for service: replaced whole by each import. */
export class CallsRepo {
  private readonly insertStmt
  private readonly clearStmt
  private readonly listStmt
  private readonly countStmt
  private readonly timedStmt
  private readonly spanStmt
  private readonly metaStmt
  private readonly putMetaStmt
  private readonly clearMetaStmt
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO calls (lon, lat, type, hours, units, at) VALUES (?, ?, ?, ?, ?, ?)')
    this.clearStmt = db.prepare('DELETE FROM calls')
    this.listStmt = db.prepare<[], CallPoint>('SELECT lon, lat, type, hours, units, at FROM calls ORDER BY id')
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM calls')
    this.spanStmt = db.prepare<[], { lo: number | null; hi: number | null }>('SELECT MIN(at) AS lo, MAX(at) AS hi FROM calls')
    this.timedStmt = db.prepare<[], { n: number }>('SELECT COUNT(at) AS n FROM calls')
    this.metaStmt = db.prepare<[], MetaRow>('SELECT * FROM calls_import WHERE id = 1')
    this.putMetaStmt = db.prepare(`INSERT INTO calls_import (id, file_name, imported_at, os_user, rows_read, rows_skipped, default_minutes, mapping)
      VALUES (1, @fileName, @importedAt, @osUser, @rowsRead, @rowsSkipped, @defaultMinutes, @mapping)
      ON CONFLICT(id) DO UPDATE SET file_name = excluded.file_name, imported_at = excluded.imported_at, os_user = excluded.os_user,
        rows_read = excluded.rows_read, rows_skipped = excluded.rows_skipped, default_minutes = excluded.default_minutes, mapping = excluded.mapping`)
    this.clearMetaStmt = db.prepare('DELETE FROM calls_import')
  }

  /** Replaces every stored call in one transaction. */
  replaceAll(points: CallPoint[], meta: CallsImportMeta): void {
    this.db.transaction(() => {
      this.clearStmt.run()
      for (const p of points) this.insertStmt.run(p.lon, p.lat, p.type, p.hours, p.units, p.at ?? null)
      this.putMetaStmt.run({ ...meta, mapping: JSON.stringify(meta.mapping) })
    })()
  }

  clear(): void {
    this.db.transaction(() => {
      this.clearStmt.run()
      this.clearMetaStmt.run()
    })()
  }

  list(): CallPoint[] {
    return this.listStmt.all()
  }

  /** First and last call time (wall-clock minutes), or null when no call has one. */
  timeSpan(): [number, number] | null {
    const r = this.spanStmt.get()!
    return r.lo === null || r.hi === null ? null : [r.lo, r.hi]
  }

  /** Calls that carry a time (workload by shift counts only these). */
  timedCount(): number {
    return this.timedStmt.get()!.n
  }

  count(): number {
    return this.countStmt.get()!.n
  }

  meta(): CallsImportMeta | null {
    const r = this.metaStmt.get()
    if (!r) return null
    return {
      fileName: r.file_name, importedAt: r.imported_at, osUser: r.os_user, rowsRead: r.rows_read,
      rowsSkipped: r.rows_skipped, defaultMinutes: r.default_minutes, mapping: JSON.parse(r.mapping) as CallsImportMeta['mapping'],
    }
  }
}
