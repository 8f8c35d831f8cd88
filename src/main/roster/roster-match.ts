export interface NamedArea {
  id: string
  name: string
}
export interface NamedNeighborhood {
  id: string
  name: string
  areaId: string
}

const norm = (s: string) => s.trim().toLowerCase()

/** By id first, then by name, both ignoring case, so "A1", "a1" and "North Area" all work. */
export function matchArea(areas: NamedArea[], cell: string): NamedArea | null {
  const k = norm(cell)
  return areas.find((a) => norm(a.id) === k) ?? areas.find((a) => norm(a.name) === k) ?? null
}

/** Names can repeat across areas ("Downtown"), so a name match inside the row's area wins. */
export function matchNeighborhood(list: NamedNeighborhood[], cell: string, areaId: string | null): NamedNeighborhood | null {
  const k = norm(cell)
  const byId = list.find((n) => norm(n.id) === k)
  if (byId) return byId
  const byName = list.filter((n) => norm(n.name) === k)
  return byName.find((n) => n.areaId === areaId) ?? byName[0] ?? null
}

/** FNV-1a: a short, stable fingerprint for officers without an employee id. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** Deterministic: the same row gets the same id on every import; a clash gets -2, -3, ... */
export function newOfficerId(employeeId: string, name: string, email: string, badge: string, taken: Set<string>): string {
  const base = employeeId
    ? `off-${employeeId.replace(/[^A-Za-z0-9_.-]/g, '_')}`
    : `off-h${fnv1a([name, email, badge].map(norm).join('|'))}`
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}
