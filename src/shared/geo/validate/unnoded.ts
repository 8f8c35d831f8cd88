import type { Finding } from '../../domain'
import { GRID } from '../kernel'
import { buildArrangement, collectSegments, twoSidedEdge } from './arrangement'
import { plainFinding } from './finding-build'
import type { Owner } from './owners'

/**
 * The one finding for a plan whose boundaries cannot be noded into one consistent
 * arrangement, even snap-rounded: gaps, overlaps and ground outside areas cannot be measured
 * then, and the check says so (an error, so nothing is published on a check that did not
 * happen) instead of passing them over. It names the boundaries along the first edge found
 * with the same face on both sides, the place where the arrangement breaks.
 */
export function unnodedFinding(owners: (Owner | null)[]): Finding {
  const arr = buildArrangement(collectSegments(owners.map((o) => (o ? o.shape : null))), true)
  let at: [number, number] | null = null
  let involved: Owner[] = []
  const h = twoSidedEdge(arr)
  if (h >= 0) {
    at = [arr.vx[arr.org[h]] / GRID, arr.vy[arr.org[h]] / GRID]
    involved = arr.owners[h >> 1].map((o) => owners[o]).filter((o): o is Owner => !!o)
  }
  const names = involved.map((o) => (o.kind === 'city' ? 'the city limit' : o.kind === 'area' ? `Area Command ${o.name}` : o.name))
  const where = `${at ? ` near ${at[0].toFixed(6)}, ${at[1].toFixed(6)}` : ''}${names.length ? ` (${names.join(', ')})` : ''}`
  return plainFinding(
    'coverage-unchecked',
    'error',
    { areaIds: involved.filter((o) => o.kind === 'area').map((o) => o.id), neighborhoodIds: involved.filter((o) => o.kind === 'nb').map((o) => o.id) },
    at,
    `Gaps, overlaps and ground outside the areas were not checked: the boundaries${where} could not be joined into one consistent map; look there for edges that nearly coincide`,
  )
}
