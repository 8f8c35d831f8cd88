import type { Officer } from './entities'

/** The usual patrol day, in order; a roster's other shift names follow these, by name. */
const DAY_ORDER = ['day', 'swing', 'night']

const rank = (s: string): number => {
  const i = DAY_ORDER.indexOf(s.toLowerCase())
  return i < 0 ? DAY_ORDER.length : i
}

/** The shifts the roster works (officers not in a vacant post), Day, Swing, Night first, then any others by name. */
export function rosterShifts(officers: readonly Officer[]): string[] {
  const names = new Set(officers.filter((o) => o.status !== 'vacant').map((o) => o.shift.trim()).filter(Boolean))
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

export interface ShiftCover {
  shift: string
  /** The neighborhood's officers on this shift, active ones first. */
  officers: Officer[]
  /** At least one of them is active: one on leave or a vacant post covers nothing. */
  covered: boolean
}

/**
 * A neighborhood's officers by shift, one entry per shift the roster works (so a shift nobody
 * works there shows, uncovered), then officers whose shift is not one of them under their own.
 */
export function shiftCover(officers: readonly Officer[], shifts: readonly string[]): ShiftCover[] {
  const by = new Map<string, Officer[]>(shifts.map((s) => [s, []]))
  for (const o of officers) {
    const s = o.shift.trim()
    const list = by.get(s) ?? []
    list.push(o)
    by.set(s, list)
  }
  const activeFirst = (a: Officer, b: Officer) => Number(a.status !== 'active') - Number(b.status !== 'active')
  return [...by.entries()].map(([shift, list]) => ({ shift, officers: list.sort(activeFirst), covered: list.some((o) => o.status === 'active') }))
}

/** The roster's shifts nobody active covers in the neighborhood. */
export function uncoveredShifts(officers: readonly Officer[], shifts: readonly string[]): string[] {
  return shiftCover(officers, shifts).filter((c) => !c.covered && shifts.includes(c.shift)).map((c) => c.shift)
}
