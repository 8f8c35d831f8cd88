import type { AreaGeometry } from '../../../shared/domain'
import { bboxOnce } from '../../../shared/geo/bbox'

/** The bbox columns of a row being written: an empty geometry still needs numbers in NOT NULL columns. */
export function bboxOf(g: AreaGeometry): [number, number, number, number] {
  const b = bboxOnce(g)
  return Number.isFinite(b[0]) ? b : [0, 0, 0, 0]
}
