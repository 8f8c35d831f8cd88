import type { Db } from '../connection'

// Shipped migrations are never edited; add a new numbered file instead.
// A plan that is a desk's working copy of a department server keeps here how far it has followed
// the server's log and which of its own steps have been sent, so nothing is sent twice or lost
// across a restart or a lost connection; steps the server refused are kept until the user drops them.
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE server_sync (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE server_conflicts (
      local_seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
      at TEXT NOT NULL,
      label TEXT NOT NULL,
      message TEXT NOT NULL
    );
  `)
}
