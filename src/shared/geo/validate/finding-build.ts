import type { Finding, FindingKind, Severity, Tolerances } from '../../domain'
import type { Piece } from './pieces'
import { GRID as KERNEL_GRID } from '../kernel'
import { piecesGeometry } from './pieces'
import { safeLine } from '../../text/safe-text'
import { formatSquareMetres } from '../../units/format'

/** Bound once: run from sources (tsx), each use of an imported name calls a getter, which the hot loops here did not always inline. */
const GRID = KERNEL_GRID

/** Gap ids anchor on a ~10 cm cell (1e-6°), so a vertex nudged by a grid step keeps its id. */
const ANCHOR_STEP = GRID / 1e6

/** FNV-1a offset basis and step, enough to keep ids short and stable. */
const FNV_BASIS = 0x811c9dc5
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

/**
 * A sorted copy of ids, in the order Array sort gives strings (by UTF-16 code units); a few
 * are sorted without the work copy Array sort allocates on every call (a plan check sorts
 * thousands of id lists). Plain loops, no array builtins: the lists come as arrays of several
 * kinds (an empty literal is not the same kind as a filled one), and the builtins, compiled
 * for the kinds seen so far, sent the optimised code back on each new one, run after run.
 */
function sortedIds(ids: readonly string[]): string[] {
  const n = ids.length
  // At its size: findings keep their id lists, and one grown by push kept room for sixteen.
  const out: string[] = new Array(n)
  for (let i = 0; i < n; i++) out[i] = ids[i]
  if (n > 32) return out.sort()
  for (let i = 1; i < n; i++) {
    const v = out[i]
    let j = i - 1
    while (j >= 0 && out[j] > v) {
      out[j + 1] = out[j]
      j--
    }
    out[j + 1] = v
  }
  return out
}

const NONE: readonly string[] = []

/** Stable id: kind + sorted ids + a coarse anchor, never array order or time. */
export function findingId(kind: FindingKind, ids: string[], anchor = ''): string {
  return idFromSorted(kind, sortedIds(ids), NONE, NONE, anchor, '', '', '')
}

/**
 * `findingId` of the ids of three sorted lists, each id with its list's prefix, without
 * building the prefixed list: the prefixes ('a:' < 'n:' < 'o:') keep the lists apart in
 * sorted order, and within a list a common prefix keeps the order. The hash runs over the
 * same characters as `findingId`'s (ids joined by NUL, '|', anchor).
 */
function idFromSorted(kind: FindingKind, p: readonly string[], q: readonly string[], r: readonly string[], anchor: string, pp: string, qp: string, rp: string): string {
  let h = FNV_BASIS
  let first = true
  for (let k = 0; k < 3; k++) {
    const list = k === 0 ? p : k === 1 ? q : r
    const prefix = k === 0 ? pp : k === 1 ? qp : rp
    for (let i = 0; i < list.length; i++) {
      if (!first) h = fnv(h, '\u0000')
      first = false
      h = fnv(fnv(h, prefix), list[i])
    }
  }
  h = fnv(fnv(h, '|'), anchor)
  return `${kind}:${(h >>> 0).toString(16).padStart(8, '0')}`
}

/** Findings say their area in square metres whatever the units setting: the command line's scripts read them. */
export { formatSquareMetres as fmtM2 } from '../../units/format'

export interface GeoFindingInput {
  kind: FindingKind
  pieces: Piece[]
  areaIds: readonly string[]
  neighborhoodIds: readonly string[]
  /** The message is `before`, the area in words, then `after` (text, not a function: no closure per finding). */
  before: string
  after: string
  /** Extra part for the id when one set of ids can own several findings (gap pieces). */
  anchorById?: boolean
}

export function geometricFinding(inp: GeoFindingInput, tol: Tolerances): Finding {
  // Plain loops: a plan check builds thousands of these.
  let areaM2 = 0
  let biggest = inp.pieces[0]
  for (const p of inp.pieces) {
    areaM2 += p.areaM2
    if (p.areaM2 > biggest.areaM2) biggest = p
  }
  // The width is the widest piece's, a sliver is one whose pieces are all slivers; the biggest
  // piece is measured anyway (it gives the location). Another piece is measured only when its
  // width could still change either: when it could be wider than the widest so far, or when
  // the finding is still a sliver and neither its area nor its size settles that it is one.
  let widthM = biggest.widthM
  let sliver = biggest.widthM < tol.sliverWidthM || biggest.areaM2 < tol.sliverAreaM2
  for (const p of inp.pieces) {
    if (p === biggest) continue
    const upTo = p.maxWidthM
    if (!(upTo > widthM) && !(sliver && !(p.areaM2 < tol.sliverAreaM2) && !(upTo < tol.sliverWidthM))) continue
    if (p.widthM > widthM) widthM = p.widthM
    if (!(p.widthM < tol.sliverWidthM || p.areaM2 < tol.sliverAreaM2)) sliver = false
  }
  // A gap piece is identified by where it is; anchor on the piece's lowest-left vertex.
  let anchor = ''
  if (inp.anchorById) {
    let mx = Infinity, my = Infinity
    const r = biggest.poly[0]
    for (let i = 0; i < r.length; i += 2) {
      const x = r[i], y = r[i + 1]
      if (x < mx || (x === mx && y < my)) {
        mx = x
        my = y
      }
    }
    anchor = `${Math.round(mx / ANCHOR_STEP)},${Math.round(my / ANCHOR_STEP)}`
  }
  const severity: Severity = sliver ? 'warning' : 'error'
  const areaIds = sortedIds(inp.areaIds), neighborhoodIds = sortedIds(inp.neighborhoodIds)
  return {
    id: idFromSorted(inp.kind, areaIds, neighborhoodIds, NONE, anchor, 'a:', 'n:', ''),
    kind: inp.kind,
    severity,
    sliver,
    areaIds,
    neighborhoodIds,
    officerIds: [],
    areaM2,
    widthM,
    location: [Math.round(biggest.at[0]) / GRID, Math.round(biggest.at[1]) / GRID],
    geometry: piecesGeometry(inp.pieces),
    // Messages quote names; one stored with a line break or ESC (older plans) must not forge a line of validate's output.
    message: safeLine(inp.before + formatSquareMetres(areaM2) + inp.after) + (sliver ? ' (sliver)' : ''),
  }
}

export function plainFinding(
  kind: FindingKind,
  severity: Severity,
  ids: { areaIds?: string[]; neighborhoodIds?: string[]; officerIds?: string[] },
  location: [number, number] | null,
  message: string,
  reason?: string,
): Finding {
  const areaIds = sortedIds(ids.areaIds ?? NONE)
  const neighborhoodIds = sortedIds(ids.neighborhoodIds ?? NONE)
  const officerIds = sortedIds(ids.officerIds ?? NONE)
  const anchor = location ? `${location[0].toFixed(6)},${location[1].toFixed(6)}|${reason ?? ''}` : ''
  const f: Finding = {
    id: idFromSorted(kind, areaIds, neighborhoodIds, officerIds, anchor, 'a:', 'n:', 'o:'),
    kind,
    severity,
    sliver: false,
    areaIds,
    neighborhoodIds,
    officerIds,
    areaM2: 0,
    location,
    message: safeLine(message),
  }
  if (reason) f.reason = reason
  return f
}

export function sortFindings(fs: Finding[]): Finding[] {
  const sev = (s: Severity) => (s === 'error' ? 0 : 1)
  const str = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0)
  // Ties past the id (tiny pieces anchored on the same cell) go by size and place, not by arrival.
  return fs.sort((a, b) => sev(a.severity) - sev(b.severity) || str(a.kind, b.kind) || str(a.id, b.id) || a.areaM2 - b.areaM2 || (a.location?.[0] ?? 0) - (b.location?.[0] ?? 0) || (a.location?.[1] ?? 0) - (b.location?.[1] ?? 0) || str(a.message, b.message))
}
