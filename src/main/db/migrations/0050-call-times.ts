import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
// When each call came in, for workload by shift and day: wall-clock minutes since 1970-01-01
// (the department's clock as the CAD export wrote it, see src/shared/staffing/shifts.ts);
// NULL for calls imported from a file without a time column. Shifts themselves are a setting.
export function up(db: Db): void {
  db.exec(`ALTER TABLE calls ADD COLUMN at INTEGER`)
}
