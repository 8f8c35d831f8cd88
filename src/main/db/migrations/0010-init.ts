import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE city (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      sample INTEGER NOT NULL DEFAULT 0,
      geometry TEXT NOT NULL
    );
    CREATE TABLE areas (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      commander_id TEXT REFERENCES officers(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
      geometry TEXT NOT NULL,
      minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL
    );
    CREATE TABLE neighborhoods (
      id TEXT PRIMARY KEY,
      area_id TEXT NOT NULL REFERENCES areas(id) DEFERRABLE INITIALLY DEFERRED,
      name TEXT NOT NULL,
      color TEXT,
      geometry TEXT NOT NULL,
      minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL
    );
    CREATE INDEX neighborhoods_area ON neighborhoods(area_id);
    -- Public fields only: what may appear on the public map.
    CREATE TABLE officers (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      rank TEXT NOT NULL,
      email TEXT NOT NULL,
      desk_phone TEXT NOT NULL,
      shift TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'leave', 'vacant')),
      area_id TEXT REFERENCES areas(id) DEFERRABLE INITIALLY DEFERRED
    );
    -- Private fields live apart so no public query can reach them by accident.
    CREATE TABLE officer_private (
      officer_id TEXT PRIMARY KEY REFERENCES officers(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      employee_id TEXT NOT NULL,
      badge TEXT NOT NULL,
      personal_phone TEXT NOT NULL,
      personal_email TEXT NOT NULL,
      home_address TEXT NOT NULL,
      notes TEXT NOT NULL
    );
    -- One row per officer: an officer adopts at most one neighborhood.
    CREATE TABLE adoptions (
      officer_id TEXT PRIMARY KEY REFERENCES officers(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      neighborhood_id TEXT NOT NULL REFERENCES neighborhoods(id) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE INDEX adoptions_neighborhood ON adoptions(neighborhood_id);
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    -- Every applied change set: who, when, what, and the inverse that undoes it.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      os_user TEXT NOT NULL,
      profile TEXT NOT NULL,
      action TEXT NOT NULL,
      label TEXT NOT NULL,
      change_set TEXT NOT NULL,
      inverse TEXT NOT NULL,
      -- 'done' | 'undone' | 'dropped' (undone, then a new edit cleared the redo stack); NULL for rows that are not undoable
      state TEXT,
      undone_order INTEGER,
      ref_seq INTEGER REFERENCES audit_log(seq)
    );
    CREATE INDEX audit_profile_state ON audit_log(profile, state);
  `)
}
