import type { Finding, Tolerances } from '../../domain'
import { geometricFinding } from './finding-build'
import type { Owner } from './owners'
import type { StoredPiece } from './region'

export interface KeyContext {
  owners: (Owner | null)[]
  hasCity: boolean
  areaName: (id: string) => string
  /** Boundaries checked in repaired form that a piece lies against (gaps name them). */
  repairedNear: (p: StoredPiece) => Owner[]
}

const WHO = { area: 'Area Command', nb: 'Neighborhood', city: 'The city limit' } as const

/**
 * What a finding measured on repaired shapes adds to its message: the ground was measured on
 * the repaired form of an invalid boundary (GEOS MakeValid semantics), which the user should
 * fix first ("invalid geometry" says how).
 */
export function repairedNote(owners: (Owner | null | undefined)[]): string {
  // Nearly always none: answered before any list is built.
  let any = false
  for (let i = 0; i < owners.length && !any; i++) any = !!owners[i]?.repaired
  if (!any) return ''
  const bad = [...new Set(owners.filter((o): o is Owner => !!o?.repaired))]
  const names = bad.map((o) => (o.kind === 'city' ? 'the city limit' : `${WHO[o.kind]} ${o.name}`))
  const list = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1]
  return ` (touches the invalid boundary of ${list}, checked in its repaired form)`
}

/** Keys with one finding per piece (gaps are told apart by where they are). */
export const perPieceKey = (key: string) => key[0] === 'g' || key.startsWith('ag')

/*
 * No closures below: run from TypeScript sources (tsx keeps function names), each closure
 * made costs a property definition, and these run for every finding of a plan check.
 */

/** The owner in slot `parts[k]` of a key. */
const own = (owners: (Owner | null)[], parts: string[], k: number): Owner => owners[Number(parts[k])]!
/** A neighborhood's area owner, if it has one. */
const areaOf = (owners: (Owner | null)[], n: Owner): Owner | null => (n.area >= 0 ? owners[n.area]! : null)

/**
 * The finding of one piece of a per-piece key (a gap or a gap between areas; `key` as stored,
 * with its piece number after '#'): told by the key's start, with no lists made for it.
 */
export function pieceFinding(key: string, p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  return key[0] === 'g' ? gapFinding(p, ctx, tol) : areaGapFinding(p, ctx, tol)
}

/** The finding of a key with one finding for all of its pieces (`list` non-empty, in piece order; per-piece keys: `pieceFinding`). */
export function findingsForKey(key: string, list: StoredPiece[], ctx: KeyContext, tol: Tolerances): Finding[] {
  const { owners } = ctx
  const parts = key.split(':')
  switch (parts[0]) {
    case 'o': {
      const n = own(owners, parts, 1)
      const area = areaOf(owners, n)
      const where = area ? `its Area Command ${area.name}` : `any Area Command (its area "${n.areaId}" does not exist)`
      const note = repairedNote([n, area])
      return [geometricFinding({ kind: 'outside-area', pieces: list, areaIds: area ? [area.id] : [], neighborhoodIds: [n.id], before: `${n.name} has `, after: ` outside ${where}${note}` }, tol)]
    }
    case 'v': {
      const [a, b] = byId(own(owners, parts, 1), own(owners, parts, 2))
      // The two neighborhoods' area ids (an empty one left out), each once, a's first.
      const areaIds: string[] = []
      const ia = areaOf(owners, a)?.id ?? a.areaId, ib = areaOf(owners, b)?.id ?? b.areaId
      if (ia.length > 0) areaIds.push(ia)
      if (ib.length > 0 && ib !== ia) areaIds.push(ib)
      const note = repairedNote([a, b])
      return [geometricFinding({ kind: 'overlap', pieces: list, areaIds, neighborhoodIds: [a.id, b.id], before: `${a.name} and ${b.name} overlap by `, after: note }, tol)]
    }
    case 'a': {
      const [a, b] = byId(own(owners, parts, 1), own(owners, parts, 2))
      const note = repairedNote([a, b])
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id, b.id], neighborhoodIds: [], before: `Area Commands ${a.name} and ${b.name} overlap by `, after: note }, tol)]
    }
    case 'c': {
      const a = own(owners, parts, 1)
      let city: Owner | null = null
      for (let i = 0; i < owners.length && !city; i++) if (owners[i]?.kind === 'city') city = owners[i]
      const note = repairedNote([a, city])
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id], neighborhoodIds: [], before: `Area Command ${a.name} extends `, after: ` beyond the city limit${note}` }, tol)]
    }
    default:
      // Per-piece keys (gaps) have a finding per piece: `pieceFinding`. Anything else is not a key.
      throw new Error(`findingsForKey: no findings for key "${key}"${perPieceKey(key) ? ' (a per-piece key: use pieceFinding)' : ''}`)
  }
}

const byId = (p: Owner, q: Owner): [Owner, Owner] => (p.id < q.id ? [p, q] : [q, p])

function gapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  let names = ''
  for (let i = 0; i < p.areaIds.length; i++) names += (i ? ' / ' : '') + `Area Command ${ctx.areaName(p.areaIds[i])}`
  if (!names) names = 'the areas'
  const note = repairedNote(ctx.repairedNear(p))
  return geometricFinding({ kind: 'gap', pieces: [p], areaIds: p.areaIds, neighborhoodIds: [], anchorById: true, before: 'Gap of ', after: ` in ${names} not covered by any neighborhood${note}` }, tol)
}

function areaGapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  const note = repairedNote(ctx.repairedNear(p))
  const after = ctx.hasCity ? ` in the city limit not covered by any Area Command${note}` : ` between Area Commands not covered by any of them${note}`
  return geometricFinding({ kind: 'area-gap', pieces: [p], areaIds: [], neighborhoodIds: [], anchorById: true, before: 'Gap of ', after }, tol)
}
