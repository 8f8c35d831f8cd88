import type { AreaGeometry } from '../../../shared/domain'
import { bboxOf as sharedBboxOf } from '../../../shared/geo/bbox'

/** The bbox columns: an empty geometry still needs numbers in NOT NULL columns. */
export function bboxOf(g: AreaGeometry): [number, number, number, number] {
  const b = sharedBboxOf(g)
  return Number.isFinite(b[0]) ? b : [0, 0, 0, 0]
}
