import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
export function up(db: Db): void {
  db.exec(`
    -- One row per publish. Immutable: what residents were shown must stay provable,
    -- so the triggers refuse any UPDATE or DELETE, whatever code tries it.
    CREATE TABLE published_versions (
      number INTEGER PRIMARY KEY CHECK (number >= 1),
      effective_date TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      published_at TEXT NOT NULL,
      os_user TEXT NOT NULL,
      profile TEXT NOT NULL,
      -- NULL unless Administration published over blocking findings.
      override_reason TEXT,
      summary TEXT NOT NULL,
      -- sha256 of the plan as stored, to tell "Published vN" from "Draft since vN" cheaply.
      plan_hash TEXT NOT NULL,
      plan_snapshot TEXT NOT NULL,
      neighborhoods_geojson BLOB NOT NULL,
      areas_geojson BLOB NOT NULL,
      audit_seq INTEGER REFERENCES audit_log(seq)
    );
    CREATE TRIGGER published_versions_no_update BEFORE UPDATE ON published_versions
      BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
    CREATE TRIGGER published_versions_no_delete BEFORE DELETE ON published_versions
      BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;

    -- Address points for "who is my officer" by address; replaced whole by each import.
    CREATE TABLE address_points (
      id INTEGER PRIMARY KEY,
      address TEXT NOT NULL,
      -- lower case, single spaces: what type-ahead matches against.
      address_key TEXT NOT NULL,
      lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
      lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90)
    );
    CREATE INDEX address_points_key ON address_points(address_key);
  `)
}
