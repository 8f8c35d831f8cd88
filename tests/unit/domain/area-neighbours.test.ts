import { describe, expect, it } from 'vitest'
import type { Neighborhood, PlanState } from '../../../src/shared/domain'
import { neighboursOf } from '../../../src/shared/domain/area-readout'

type Ring = [number, number][]
const hood = (id: string, areaId: string, ...polys: Ring[]): Neighborhood => ({
  id, name: id, areaId, color: '#aabbcc',
  geometry: polys.length === 1 ? { type: 'Polygon', coordinates: [polys[0]] } : { type: 'MultiPolygon', coordinates: polys.map((r) => [r]) },
})
const box = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]

describe('the neighbours an edit readout lists beside the edited neighborhood', () => {
  it('are the same area’s neighborhoods sharing a vertex, not those only near it or in another area', () => {
    const edited = hood('e', 'NE', box(0, 0, 1, 1))
    const plan = {
      neighborhoods: [
        edited,
        hood('east', 'NE', box(1, 0, 2, 1)), // shares the edge's two corners
        hood('corner', 'NE', box(1, 1, 2, 2)), // shares one corner only
        hood('near', 'NE', [[1, 0.5], [2, 0.5], [2, 0.75], [1, 0.5]]), // its corner lies on the edge, not on a vertex
        hood('other-area', 'NW', box(-1, 0, 0, 1)),
        hood('far', 'NE', box(5, 5, 6, 6)),
        hood('second-part', 'NE', box(7, 7, 8, 8), box(0, 1, 0.5, 2)), // a multipolygon touching through its second part
      ],
    } as unknown as PlanState
    expect(neighboursOf(plan, edited).map((n) => n.id)).toEqual(['east', 'corner', 'second-part'])
  })

  it('matches a vertex exactly: a corner a millionth of a degree off is not shared', () => {
    const edited = hood('e', 'NE', box(0, 0, 1, 1))
    const off = hood('off', 'NE', box(1 + 1e-6, 0, 2, 1))
    expect(neighboursOf({ neighborhoods: [edited, off] } as unknown as PlanState, edited)).toEqual([])
  })
})
