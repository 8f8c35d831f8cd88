import { describe, expect, it } from 'vitest'
import type { AreaGeometry } from '../../../src/shared/domain'
import { geometryIssues } from '../../../src/shared/geo/ops'
import { geometryProblems } from '../../../src/shared/geo/validate'

/**
 * The editor's own geometry check and the validator decide touching with the same kernel:
 * on a 3° edge, a vertex exactly on the edge and one a hair (four units of area on the grid)
 * inside it get the same verdict from both. Multiplying grid integers in doubles, as the
 * editor once did, calls the second one collinear and refuses a valid shape.
 */
const GRID = 1e9
const A: [number, number] = [-87.9 * GRID, 41.6 * GRID]
const deg = ([x, y]: [number, number]): [number, number] => [(A[0] + x) / GRID, (A[1] + y) / GRID]

/** a → b (the long edge, 0.78° × 2.99°) → top-left → c (near the edge) → left → a, counter-clockwise. */
function shapeWith(c: [number, number]): AreaGeometry {
  const b: [number, number] = [783_033_786, 2_994_901_394]
  const ring: [number, number][] = [[0, 0], b, [0, b[1]], c, [-100_000_000, 100_000_000], [0, 0]]
  return { type: 'Polygon', coordinates: [ring.map(deg)] }
}

describe('the editor and the validator agree on a vertex beside a long edge', () => {
  it('a vertex exactly on the 3° edge: both call the ring self-touching', () => {
    const g = shapeWith([391_516_893, 1_497_450_697]) // the edge's midpoint, a grid point
    expect(geometryIssues(g)).not.toEqual([])
    expect(geometryProblems(g)).not.toEqual([])
  })

  it('a vertex four units of area inside it: both accept the shape', () => {
    const g = shapeWith([143_247_880, 547_886_034])
    expect(geometryIssues(g)).toEqual([])
    expect(geometryProblems(g)).toEqual([])
  })
})
