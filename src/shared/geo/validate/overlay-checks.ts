import type { Finding, Tolerances } from '../../domain'
import { fmtM2, geometricFinding } from './finding-build'
import type { Owner } from './owners'
import type { StoredPiece } from './region'

export interface KeyContext {
  owners: (Owner | null)[]
  hasCity: boolean
  areaName: (id: string) => string
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
      return [geometricFinding({ kind: 'outside-area', pieces: list, areaIds: area ? [area.id] : [], neighborhoodIds: [n.id], message: (m2) => `${n.name} has ${fmtM2(m2)} outside ${where}` }, tol)]
    }
    case 'v': {
      const [a, b] = byId(own(1), own(2))
      const areaIds = [...new Set([a, b].map((x) => areaOf(x)?.id ?? x.areaId).filter((x) => x.length > 0))]
      return [geometricFinding({ kind: 'overlap', pieces: list, areaIds, neighborhoodIds: [a.id, b.id], message: (m2) => `${a.name} and ${b.name} overlap by ${fmtM2(m2)}` }, tol)]
    }
    case 'a': {
      const [a, b] = byId(own(1), own(2))
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id, b.id], neighborhoodIds: [], message: (m2) => `Area Commands ${a.name} and ${b.name} overlap by ${fmtM2(m2)}` }, tol)]
    }
    case 'c': {
      const a = own(1)
      return [geometricFinding({ kind: 'area-overlap', pieces: list, areaIds: [a.id], neighborhoodIds: [], message: (m2) => `Area Command ${a.name} extends ${fmtM2(m2)} beyond the city limit` }, tol)]
    }
    default:
      return []
  }
}

const byId = (p: Owner, q: Owner): [Owner, Owner] => (p.id < q.id ? [p, q] : [q, p])

export function gapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  const names = p.areaIds.map((id) => `Area Command ${ctx.areaName(id)}`).join(' / ') || 'the areas'
  return geometricFinding({ kind: 'gap', pieces: [p], areaIds: p.areaIds, neighborhoodIds: [], anchorById: true, message: (m2) => `Gap of ${fmtM2(m2)} in ${names} not covered by any neighborhood` }, tol)
}

export function areaGapFinding(p: StoredPiece, ctx: KeyContext, tol: Tolerances): Finding {
  return geometricFinding({ kind: 'area-gap', pieces: [p], areaIds: [], neighborhoodIds: [], anchorById: true, message: (m2) => (ctx.hasCity ? `Gap of ${fmtM2(m2)} in the city limit not covered by any Area Command` : `Gap of ${fmtM2(m2)} between Area Commands not covered by any of them`) }, tol)
}
