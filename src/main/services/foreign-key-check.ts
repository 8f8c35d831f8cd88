import type { Db } from '../db/connection'

const WHAT: Record<string, string> = {
  neighborhoods: 'a neighborhood would belong to an Area Command that does not exist',
  adoptions: 'an officer would adopt a neighborhood that does not exist',
  officers: 'an officer would be assigned to an Area Command that does not exist',
  areas: "an Area Command's commander would be an officer who does not exist",
  officer_private: 'private details would belong to an officer who does not exist',
}

/**
 * Deferred foreign keys only fail at COMMIT with a bare "constraint failed"; checking first
 * lets us tell the user which reference the change would break.
 */
export function foreignKeyProblems(db: Db): string | null {
  const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (rows.length === 0) return null
  const r = rows[0]
  return `This change cannot be stored: ${WHAT[r.table] ?? `a row of ${r.table} would point to a missing ${r.parent} row`}${rows.length > 1 ? ` (and ${rows.length - 1} more such references)` : ''}.`
}
