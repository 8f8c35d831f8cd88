import type { Finding, Tolerances } from '../../domain'
import { fmtM2, geometricFinding } from './finding-build'
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
  const bad = [...new Set(owners.filter((o): o is Owner => !!o?.repaired))]
  if (!bad.length) return ''
  const names = bad.map((o) => (o.kind === 'city' ? 'the city limit' : `${WHO[o.kind]} ${o.name}`))
  const list = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1]
  return ` (touches the invalid boundary of ${list}, checked in its repaired form)`
}

/** Keys with one finding per piece (gaps are told apart by where they are). */
export const perPieceKey = (key: string) => key[0] === 'g' || key.startsWith('ag')

/** The finding(s) of one key from all of its pieces (`list` non-empty, in piece order). */
export function findingsForKey(key: string, list: StoredPiece[], ctx: KeyContext, tol: Tolerances): Finding[] {
  const { owners } = ctx
  const parts = key.split(':')
  const own = (k: number) => owners[Number(parts[k])]!
  const areaOf = (n: Owner) => (n.area >= 0 ? owners[n.area]! : null)
  switch (parts[0]) {
    case 'g':
      return list.map((p) => gapFinding(p, ctx, tol))
    case 'ag':
      return list.map((p) => areaGapFinding(p, ctx, tol))
    case 'o': {
      const n = own(1)
      const area = areaOf(n)
      const where = area ? `its Area Command ${area.name}` : `any Area Command (its area "${n.areaId}" does not exist)`
      const note = repairedNote([n, area])
      return [geometricFinding({ kind: 'outside-area', pieces: list, areaIds: area ? [area.id] : [], neighborhoodIds: [n.id], message: (m2) => `${n.name} has ${fmtM2(m2)} outside ${where}${note}` }, tol)]
    }
    case 'v': {
      const [a, b] = byId(own(1), own(2))
      const areaIds = [...new Set([a, b].map((x) => areaOf(x)?.id ?? x.areaId).filter((x) => x.length > 0))]
      const note = repairedNote([a, b])
      return [geometricFinding({ kind: 'overlap', pieces: list, areaIds, neighborhoodIds: [a.id, b.id], message: (m2) => `${a.name} and ${b.name} overlap by ${fmtM2(m2)}${note}` }, tol)]
    }
    case 'a': {
      const [a, b] = byId(own(1), own(2))
      const note = repairedNote([a, b])
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id, b.id], neighborhoodIds: [], message: (m2) => `Area Commands ${a.name} and ${b.name} overlap by ${fmtM2(m2)}${note}` }, tol)]
    }
    case 'c': {
      const a = own(1)
      const note = repairedNote([a, owners.find((o) => o?.kind === 'city')])
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id], neighborhoodIds: [], message: (m2) => `Area Command ${a.name} extends ${fmtM2(m2)} beyond the city limit${note}` }, tol)]
    }
    default:
      return []
  }
}

const byId = (p: Owner, q: Owner): [Owner, Owner] => (p.id < q.id ? [p, q] : [q, p])

export function gapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  const names = p.areaIds.map((id) => `Area Command ${ctx.areaName(id)}`).join(' / ') || 'the areas'
  const note = repairedNote(ctx.repairedNear(p))
  return geometricFinding({ kind: 'gap', pieces: [p], areaIds: p.areaIds, neighborhoodIds: [], anchorById: true, message: (m2) => `Gap of ${fmtM2(m2)} in ${names} not covered by any neighborhood${note}` }, tol)
}

export function areaGapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  const note = repairedNote(ctx.repairedNear(p))
  return geometricFinding({ kind: 'area-gap', pieces: [p], areaIds: [], neighborhoodIds: [], anchorById: true, message: (m2) => (ctx.hasCity ? `Gap of ${fmtM2(m2)} in the city limit not covered by any Area Command${note}` : `Gap of ${fmtM2(m2)} between Area Commands not covered by any of them${note}`) }, tol)
}
