import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
// Calls for service are kept as points, not as per-neighborhood totals, so workload
// follows every boundary edit and survives a restart without re-importing the file.
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE calls (
      id INTEGER PRIMARY KEY,
      lon REAL NOT NULL,
      lat REAL NOT NULL,
      type TEXT NOT NULL,
      hours REAL NOT NULL CHECK (hours >= 0),
      units REAL NOT NULL CHECK (units >= 0)
    );
    -- One row: the file the stored calls came from.
    CREATE TABLE calls_import (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      file_name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      os_user TEXT NOT NULL,
      rows_read INTEGER NOT NULL,
      rows_skipped INTEGER NOT NULL,
      default_minutes REAL NOT NULL,
      mapping TEXT NOT NULL
    );
  `)
}
