/**
 * The department's shifts (a setting) and how a call's timestamp falls into a shift and a day.
 *
 * Rules (stated in the help text and the README):
 * - A shift runs from its start up to, not including, its end: a call at exactly 14:00 belongs to
 *   the shift that starts at 14:00. A shift whose end is earlier than its start runs overnight
 *   (Nights 22–06).
 * - The shifts together cover the 24 hours of a day exactly once: no hour without a shift, no
 *   hour in two. Names are unique (ignoring case) and not empty; one shift may cover the whole
 *   day (start = end).
 * - A call counts for the day its shift STARTED on: Nights 22–06 starting Monday 22:00 holds
 *   Monday 23:00 and Tuesday 03:00, both counted as Monday's Nights.
 * - Timestamps are the department's wall-clock time as written in the CAD export.
 */

export interface Shift {
  name: string
  /** Minutes after midnight, 0..1439. */
  start: number
  end: number
}

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

export const DEFAULT_SHIFTS: Shift[] = [
  { name: 'Days', start: 6 * 60, end: 14 * 60 },
  { name: 'Swing', start: 14 * 60, end: 22 * 60 },
  { name: 'Nights', start: 22 * 60, end: 6 * 60 },
]

const DAY_MIN = 24 * 60
export const MAX_SHIFT_NAME = 40
export const MAX_SHIFTS = 12

/** "06", "6", "06:30" -> minutes; "24" is midnight at the end of the day. */
export function clockText(min: number): string {
  const h = Math.floor(min / 60)
  const m = min % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

export function shiftText(s: Shift): string {
  return `${s.name} ${clockText(s.start)}–${clockText(s.end)}`
}

function parseClock(text: string): number | null {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = m[2] === undefined ? 0 : Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null
  return (h * 60 + min) % DAY_MIN
}

const len = (s: Shift) => (s.end - s.start + DAY_MIN) % DAY_MIN || DAY_MIN

/** Every problem with a set of shifts, each a sentence naming the shift; empty when they are fine. */
export function shiftProblems(shifts: Shift[]): string[] {
  const out: string[] = []
  if (shifts.length === 0) return ['At least one shift is needed']
  if (shifts.length > MAX_SHIFTS) out.push(`At most ${MAX_SHIFTS} shifts are allowed, not ${shifts.length}`)
  const seen = new Map<string, string>()
  shifts.forEach((s, i) => {
    const name = s.name.trim()
    if (name === '') out.push(`Shift ${i + 1} has no name`)
    else if (name.length > MAX_SHIFT_NAME) out.push(`Shift "${name.slice(0, MAX_SHIFT_NAME)}…" has a name longer than ${MAX_SHIFT_NAME} characters`)
    else if (/[\p{Cc}\p{Cf}]|[,=]/u.test(name)) out.push(`Shift "${name}" has a name with a comma, an equals sign or a control character`)
    const key = name.toLowerCase()
    if (name !== '' && seen.has(key)) out.push(`Two shifts are named "${name}"; shift names must differ`)
    seen.set(key, name)
    for (const [what, v] of [['start', s.start], ['end', s.end]] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= DAY_MIN) out.push(`Shift "${name}" has ${what} ${v}, not a time of day`)
    }
  })
  if (out.length) return out
  if (shifts.length > 1 && shifts.some((s) => s.start === s.end)) {
    const s = shifts.find((x) => x.start === x.end)!
    return [`Shift "${s.name}" (${clockText(s.start)}–${clockText(s.end)}) covers the whole day, so it overlaps every other shift`]
  }
  // Minute by minute who covers it: 1440 cells is cheap and makes the messages exact.
  const owner: number[][] = Array.from({ length: DAY_MIN }, () => [])
  shifts.forEach((s, i) => {
    for (let k = 0; k < len(s); k++) owner[(s.start + k) % DAY_MIN].push(i)
  })
  const runs = (test: (o: number[]) => boolean): [number, number, number[]][] => {
    const found: [number, number, number[]][] = []
    // Start scanning at a minute where the state changes, so a run across midnight is one run.
    let from = 0
    while (from < DAY_MIN && test(owner[from]) === test(owner[(from + DAY_MIN - 1) % DAY_MIN])) from++
    if (from === DAY_MIN) return test(owner[0]) ? [[0, 0, owner[0]]] : []
    for (let k = 0; k < DAY_MIN; ) {
      const m = (from + k) % DAY_MIN
      if (!test(owner[m])) {
        k++
        continue
      }
      let j = k
      while (j < DAY_MIN && test(owner[(from + j) % DAY_MIN]) && sameOwners(owner[(from + j) % DAY_MIN], owner[m])) j++
      found.push([m, (from + j) % DAY_MIN, owner[m]])
      k = j
    }
    return found
  }
  for (const [a, b] of runs((o) => o.length === 0)) out.push(`No shift covers ${clockText(a)}–${clockText(b)}; every hour of the day needs exactly one shift`)
  for (const [a, b, who] of runs((o) => o.length > 1)) {
    out.push(`Shifts ${who.map((i) => `"${shifts[i].name}"`).join(' and ')} overlap from ${clockText(a)} to ${clockText(b)}; every hour of the day needs exactly one shift`)
  }
  return out
}

function sameOwners(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * Reads "Days=06-14,Swing=14-22,Nights=22-06" (hours, or HH:MM). Throws an Error naming the
 * part that is wrong, or the first problem with the shifts as a whole.
 */
export function parseShiftSpec(spec: string): Shift[] {
  const parts = spec.split(',').map((p) => p.trim()).filter((p) => p !== '')
  if (parts.length === 0) throw new Error('no shift is given; write them as "Days=06-14,Swing=14-22,Nights=22-06"')
  const shifts = parts.map((p) => {
    const m = /^([^=]+)=\s*([0-9:]+)\s*-\s*([0-9:]+)$/.exec(p)
    if (!m) throw new Error(`"${p.slice(0, 60)}" is not a shift; write Name=HH-HH, for example Nights=22-06`)
    const start = parseClock(m[2])
    const end = parseClock(m[3])
    if (start === null) throw new Error(`shift "${m[1].trim()}": start "${m[2]}" is not an hour from 00 to 24 (or HH:MM)`)
    if (end === null) throw new Error(`shift "${m[1].trim()}": end "${m[3]}" is not an hour from 00 to 24 (or HH:MM)`)
    return { name: m[1].trim(), start, end }
  })
  const problems = shiftProblems(shifts)
  if (problems.length) throw new Error(problems[0])
  return shifts
}

export function shiftSpec(shifts: Shift[]): string {
  const hh = (m: number) => (m % 60 === 0 ? String(m / 60).padStart(2, '0') : clockText(m))
  return shifts.map((s) => `${s.name}=${hh(s.start)}-${hh(s.end)}`).join(',')
}

/**
 * A call's time as whole minutes since 1970-01-01 00:00 of the department's wall clock (no time
 * zone: the clock time as written). Day of week and minute of day follow by arithmetic.
 */
export type WallMinutes = number

/** 1970-01-01 was a Thursday; Monday = 0. */
export function dayOfWeek(t: WallMinutes): number {
  return (Math.floor(t / DAY_MIN) + 3) % 7
}

export interface ShiftBuckets {
  shifts: Shift[]
  /** Shift index of a wall-clock time. */
  shiftOf(t: WallMinutes): number
  /** Day of week (Monday = 0) the call counts for: the day its shift started. */
  dayOf(t: WallMinutes): number
}

/** A lookup table of the 1,440 minutes of a day, so bucketing a call is two array reads. */
export function shiftBuckets(shifts: Shift[]): ShiftBuckets {
  const problems = shiftProblems(shifts)
  if (problems.length) throw new Error(problems[0])
  const of = new Int8Array(DAY_MIN)
  // 1 when the minute is in the part of an overnight shift after midnight: the call counts for the day before.
  const dayBefore = new Uint8Array(DAY_MIN)
  shifts.forEach((s, i) => {
    for (let k = 0; k < len(s); k++) {
      const m = (s.start + k) % DAY_MIN
      of[m] = i
      if (m < s.start) dayBefore[m] = 1
    }
  })
  const minute = (t: number) => ((t % DAY_MIN) + DAY_MIN) % DAY_MIN
  return {
    shifts,
    shiftOf: (t) => of[minute(t)],
    dayOf: (t) => (((Math.floor(t / DAY_MIN) - dayBefore[minute(t)] + 3) % 7) + 7) % 7,
  }
}

const MONTHS_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Reads a CAD timestamp as wall-clock minutes, or returns a reason it cannot. Accepted:
 * 2024-03-05 14:00[:ss[.fff]] (also with T, and with a +hh:mm offset, whose clock time is used
 * as written), and 03/05/2024 02:00[:ss] PM or 03/05/2024 14:00 (month first, as US CAD exports
 * write it). A time ending in Z (UTC) is refused: its clock is not the department's.
 */
export function parseWallTime(text: string): WallMinutes | string {
  const s = text.trim()
  let y: number, mo: number, d: number, h: number, mi: number
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s)
  if (m) {
    if (m[7] && m[7].toUpperCase() === 'Z') return 'is in UTC (ends in Z); export the calls in the department\'s local time'
    ;[y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]
    if (m[6] !== undefined && Number(m[6]) > 59) return 'has seconds past 59'
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(s)
    if (!m) return 'is not a date and time (write 2024-03-05 14:00 or 03/05/2024 02:00 PM)'
    ;[mo, d, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]
    if (m[6] !== undefined && Number(m[6]) > 59) return 'has seconds past 59'
    if (m[7]) {
      if (h < 1 || h > 12) return `has hour ${h} with ${m[7].toUpperCase()}; a 12-hour clock runs 1 to 12`
      h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0)
    }
  }
  if (mo < 1 || mo > 12) return `has month ${mo}`
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  if (d < 1 || d > MONTHS_DAYS[mo - 1] || (mo === 2 && d === 29 && !leap)) return `has day ${d}, which ${mo === 2 ? 'February' : 'that month'} of ${y} does not have`
  if (h > 23) return `has hour ${h}`
  if (mi > 59) return `has minute ${mi}`
  return Date.UTC(y, mo - 1, d, h, mi) / 60000
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (as Date.UTC counts them). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

/**
 * `parseWallTime` of `text.slice(from, to)` without cutting it out when it is the common
 * "2024-03-05 14:00[:ss[.fff]]" form of a valid time; anything else (the US form, a zone, an
 * error to explain, a year before 100) goes to `parseWallTime` itself, so both accept and refuse
 * exactly the same cells.
 */
export function parseWallTimeAt(text: string, from: number, to: number): WallMinutes | string {
  let a = from
  let b = to
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--
  const t = isoWallTime(text, a, b)
  return t === t ? t : parseWallTime(text.slice(from, to))
}

/** Two digits at i as a number, or NaN. */
function twoDigits(text: string, i: number): number {
  const p = text.charCodeAt(i) - 48
  const q = text.charCodeAt(i + 1) - 48
  return p >= 0 && p <= 9 && q >= 0 && q <= 9 ? p * 10 + q : NaN
}

/** A valid "yyyy-mm-dd[T ]h[h]:mm[:ss[.f+]]" filling text[a, b) exactly, in minutes; NaN for anything else. */
function isoWallTime(text: string, a: number, b: number): number {
  if (b - a < 15 || text.charCodeAt(a + 4) !== 45 || text.charCodeAt(a + 7) !== 45) return NaN
  const sep = text.charCodeAt(a + 10)
  if (sep !== 32 && sep !== 84 && sep !== 116) return NaN
  const y = twoDigits(text, a) * 100 + twoDigits(text, a + 2)
  const mo = twoDigits(text, a + 5)
  const d = twoDigits(text, a + 8)
  let i = a + 11
  let h: number
  if (text.charCodeAt(i + 1) === 58) {
    h = text.charCodeAt(i) - 48
    if (!(h >= 0 && h <= 9)) return NaN
    i += 2
  } else {
    h = twoDigits(text, i)
    if (text.charCodeAt(i + 2) !== 58) return NaN
    i += 3
  }
  if (i + 2 > b) return NaN
  const mi = twoDigits(text, i)
  i += 2
  if (i < b) {
    if (text.charCodeAt(i) !== 58 || i + 3 > b || !(twoDigits(text, i + 1) <= 59)) return NaN
    i += 3
    if (i < b) {
      if (text.charCodeAt(i) !== 46 || i + 1 >= b) return NaN
      for (i++; i < b; i++) {
        const c = text.charCodeAt(i)
        if (c < 48 || c > 57) return NaN
      }
    }
  }
  // NaN fails every comparison below, so a missing digit ends here too.
  if (!(y >= 100 && mo >= 1 && mo <= 12 && h <= 23 && mi <= 59 && d >= 1 && d <= MONTHS_DAYS[mo - 1])) return NaN
  if (mo === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return NaN
  return daysFromCivil(y, mo, d) * 1440 + h * 60 + mi
}

/** "2024-03-05 14:00" for a wall-clock time. */
export function wallTimeText(t: WallMinutes): string {
  return new Date(t * 60000).toISOString().slice(0, 16).replace('T', ' ')
}

/** Quarter label ("2024-Q1") of a wall-clock time. */
export function quarterOf(t: WallMinutes): string {
  const d = new Date(t * 60000)
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}

/** First and end (exclusive) wall-clock minute of a quarter label, or null when it is not one. */
export function quarterRange(label: string): [WallMinutes, WallMinutes] | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(label)
  if (!m) return null
  const y = Number(m[1])
  const q = Number(m[2])
  return [Date.UTC(y, (q - 1) * 3, 1) / 60000, Date.UTC(q === 4 ? y + 1 : y, q === 4 ? 0 : q * 3, 1) / 60000]
}

/** Whether a roster's shift text names this shift: same words ignoring case and a plural s ("Night" works "Nights"). */
export function worksShift(rosterShift: string, shiftName: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')
  return norm(rosterShift) !== '' && norm(rosterShift) === norm(shiftName)
}
