import type { ImportLayer } from '../ipc/features/import-outputs'

export interface FieldGuess {
  idField: string
  nameField: string
  areaField: string
}

// Higher score = better match. Words are checked on the field name split at _, -, spaces and camelCase.
const ID_WORDS: Record<string, number> = { id: 5, code: 4, num: 3, number: 3, no: 2, beat: 4, key: 2, objectid: -5, fid: -5 }
const NAME_WORDS: Record<string, number> = { name: 5, label: 4, title: 3, nom: 2 }
const AREA_WORDS: Record<string, number> = { district: 5, dist: 5, area: 5, parent: 5, command: 4, sector: 3, division: 3, zone: 2, precinct: 3 }

function words(field: string): string[] {
  return field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function score(field: string, table: Record<string, number>): number {
  const w = words(field)
  const whole = field.toLowerCase()
  if (whole in table) return table[whole] + 1
  return w.reduce((s, x) => s + (table[x] ?? 0), 0)
}

function best(fields: string[], table: Record<string, number>, taken: Set<string>): string {
  let pick = ''
  let top = 0
  for (const f of fields) {
    if (taken.has(f)) continue
    const s = score(f, table)
    if (s > top) {
      top = s
      pick = f
    }
  }
  return pick
}

/**
 * Sensible first picks for the mapping dropdowns: the parent field first (AREA_NUM is an area
 * field, not an id), then the id among the rest, then the name. Empty string when nothing fits.
 */
export function guessFields(fields: string[], layer: ImportLayer): FieldGuess {
  const taken = new Set<string>()
  const areaField = layer === 'neighborhoods' ? best(fields, AREA_WORDS, taken) : ''
  if (areaField) taken.add(areaField)
  const idField = layer === 'city' ? '' : best(fields, ID_WORDS, taken)
  if (idField) taken.add(idField)
  const nameField = best(fields, NAME_WORDS, taken)
  return { idField, nameField, areaField }
}
