import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
// Reference layers (street centerlines, parcels) are kept with the plan they were imported into,
// so the window draws and snaps to them after a restart. They are not part of the plan: no
// change set, no audit row, never published.
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE reference_layers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      file TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('lines', 'areas', 'mixed')),
      features INTEGER NOT NULL,
      vertices INTEGER NOT NULL,
      visible INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
      imported_at TEXT NOT NULL,
      -- The geometries as one JSON array of lon/lat GeoJSON geometries.
      geometries TEXT NOT NULL
    );
  `)
}
