import { OFFICER_STATUSES, type Officer } from '../../shared/domain'
import { firstUnsafeChar, wellFormed } from '../../shared/text/safe-text'

/**
 * True only when `officerSchema` (src/shared/ipc/entity-schemas.ts) would accept the officer,
 * checked without zod: a roster of a million rows spends seconds in zod, most of it building
 * parse results and their garbage. False means "ask zod", which also words the message; so a
 * rule missing here only costs time, while a rule looser than the schema would let a row
 * through: tests/unit/officers/officer-fast-check.test.ts holds the two side by side.
 */
export function surelyValidOfficer(o: Officer): boolean {
  if (Object.keys(o).length !== 10) return false
  if (!trimmedLine(o.id, 100) || !trimmedLine(o.displayName, 120)) return false
  if (!line(o.rank, 60) || !line(o.email, 200) || !line(o.deskPhone, 60) || !line(o.shift, 60)) return false
  if (!(OFFICER_STATUSES as readonly unknown[]).includes(o.status)) return false
  if (!(o.areaId === null || trimmedLine(o.areaId, 100)) || !(o.neighborhoodId === null || trimmedLine(o.neighborhoodId, 100))) return false
  const p = o.private as Officer['private'] | null
  if (typeof p !== 'object' || p === null || Array.isArray(p) || Object.keys(p).length !== 6) return false
  return line(p.employeeId, 60) && line(p.badge, 60) && line(p.personalPhone, 60) && line(p.personalEmail, 200) && text(p.homeAddress, 300) && text(p.notes, 4000)
}

/** idSchema and the name: trimmed, then 1..max characters and printable. */
function trimmedLine(s: unknown, max: number): boolean {
  if (typeof s !== 'string') return false
  const t = s.trim()
  return t.length >= 1 && t.length <= max && firstUnsafeChar(t) === null
}

/** A one-line field: at most max characters, printable. */
function line(s: unknown, max: number): boolean {
  return typeof s === 'string' && s.length <= max && firstUnsafeChar(s) === null
}

/** Free text: at most max characters, well-formed Unicode. */
function text(s: unknown, max: number): boolean {
  return typeof s === 'string' && s.length <= max && wellFormed(s)
}
