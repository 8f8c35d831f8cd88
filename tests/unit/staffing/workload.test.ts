import { describe, expect, it } from 'vitest'
import { guessCfsMapping, parseCfsCsv } from '../../../src/main/workload/cfs-csv'
import { aggregateWorkload, createPointIndex } from '../../../src/shared/staffing/workload'
import { area, neighborhood, plan, rect } from './fixtures'

/*
 * Area A: square 0..10. Neighborhood A1 = x 0..5 with a hole 1..2 (a park no neighborhood covers),
 * A2 = x 5..10. Area B: square 10..20 with a hole 14..16 x 4..6 (an enclave outside the city),
 * plus an island 30..31 x 0..1 that no neighborhood covers. B1 = the square with the same hole.
 */
const city = plan(
  [
    area('A', 'North', { type: 'Polygon', coordinates: [rect(0, 0, 10, 10)] }),
    area('B', 'South', {
      type: 'MultiPolygon',
      coordinates: [[rect(10, 0, 20, 10), rect(14, 4, 16, 6).reverse()], [rect(30, 0, 31, 1)]],
    }),
  ],
  [
    neighborhood('A1', 'A', 'West End', { type: 'Polygon', coordinates: [rect(0, 0, 5, 10), rect(1, 1, 2, 2).reverse()] }),
    neighborhood('A2', 'A', 'East End', { type: 'Polygon', coordinates: [rect(5, 0, 10, 10)] }),
    neighborhood('B1', 'B', 'Harbor', { type: 'Polygon', coordinates: [rect(10, 0, 20, 10), rect(14, 4, 16, 6).reverse()] }),
  ],
)

const CFS = [
  'Call Type,Longitude,Latitude,Minutes,Units Sent',
  'Robbery,2,5,60,2', //        A1: 1 h x 2 = 2
  'Alarm,3,3,,', //             A1: default 30 min x 1 = 0.5
  'Noise,1.5,1.5,90,1', //      A1's hole -> A, no neighborhood: 1.5
  'Theft,7,7,45,2', //          A2: 0.75 x 2 = 1.5
  'Assault,12,2,120,3', //      B1: 2 x 3 = 6
  'Welfare,30.5,0.5,20,3', //   B's island, no neighborhood: 1/3 x 3 = 1
  'Traffic,15,5,60,1', //       B's hole -> outside the city: 1
  'Fire,50,50,30,1', //         far outside: 0.5
].join('\n')

describe('calls-for-service workload', () => {
  it('guesses the columns of a typical CFS export', () => {
    expect(guessCfsMapping(['Call Type', 'Longitude', 'Latitude', 'Minutes', 'Units Sent'])).toEqual({
      lon: 'Longitude',
      lat: 'Latitude',
      type: 'Call Type',
      minutes: 'Minutes',
      units: 'Units Sent',
    })
    // A state-plane "X Coordinate" is not longitude.
    expect(guessCfsMapping(['X Coordinate', 'Y Coordinate', 'LON', 'lat']).lon).toBe('LON')
  })

  it('adds hours x units per neighborhood and area, counts holes and outside calls, and reports them', () => {
    const mapping = guessCfsMapping(CFS.split('\n')[0].split(',')) as Parameters<typeof parseCfsCsv>[1]
    const { points, errors } = parseCfsCsv(CFS, mapping)
    expect(errors).toEqual([])
    expect(points).toHaveLength(8)
    expect(points[1]).toEqual({ lon: 3, lat: 3, type: 'Alarm', hours: 0.5, units: 1 })

    const r = aggregateWorkload(points, city)
    expect(r.byNeighborhood.A1).toEqual({ calls: 2, workload: 2.5 })
    expect(r.byNeighborhood.A2).toEqual({ calls: 1, workload: 1.5 })
    expect(r.byNeighborhood.B1).toEqual({ calls: 1, workload: 6 })
    expect(r.byArea.A).toEqual({ calls: 4, workload: 5.5 })
    expect(r.byArea.B.calls).toBe(2)
    expect(r.byArea.B.workload).toBeCloseTo(7, 12)
    expect(r.unassignedInArea.A).toEqual({ calls: 1, workload: 1.5 })
    expect(r.unassignedInArea.B.calls).toBe(1)
    expect(r.unassignedInArea.B.workload).toBeCloseTo(1, 12)
    expect(r.outside).toEqual({ calls: 2, workload: 1.5, sample: [[15, 5], [50, 50]] })
  })

  it('uses the default handling time when the file has no minutes column', () => {
    const { points } = parseCfsCsv('lon,lat\n7,7\n', { lon: 'lon', lat: 'lat' }, { defaultMinutes: 12 })
    expect(points).toEqual([{ lon: 7, lat: 7, type: '', hours: 0.2, units: 1 }])
  })

  it('counts a call on the border between two neighborhoods exactly once', () => {
    const idx = createPointIndex(city)
    for (const y of [0.5, 5, 9.5]) {
      const loc = idx.locate(5, y)
      expect(loc.areaId).toBe('A')
      expect(['A1', 'A2']).toContain(loc.neighborhoodId)
    }
    const pts = [0.5, 5, 9.5].map((y) => ({ lon: 5, lat: y, type: '', hours: 1, units: 1 }))
    const r = aggregateWorkload(pts, city)
    expect(r.byNeighborhood.A1.calls + r.byNeighborhood.A2.calls).toBe(3)
    expect(r.byArea.A.calls).toBe(3)
  })

  it('counts a call in an unassigned neighborhood for the area whose boundary holds it', () => {
    const p = plan(city.areas, [neighborhood('X', '', 'Orphan', { type: 'Polygon', coordinates: [rect(12, 1, 13, 2)] })])
    expect(createPointIndex(p).locate(12.5, 1.5)).toEqual({ neighborhoodId: 'X', areaId: 'B' })
  })
})

describe('bad calls-for-service files', () => {
  it('reports a file that is not CSV at line 1', () => {
    const bin = parseCfsCsv('PK\u0003\u0004\u0000\u0000garbage', { lon: 'lon', lat: 'lat' })
    expect(bin.points).toEqual([])
    expect(bin.errors[0]).toMatchObject({ line: 1 })
    expect(bin.errors[0].message).toMatch(/not a text CSV/)

    const json = parseCfsCsv('{"type": "FeatureCollection"}', { lon: 'lon', lat: 'lat' })
    expect(json.points).toEqual([])
    expect(json.errors[0]).toMatchObject({ line: 1, column: 'lon' })
  })

  it('names the missing longitude column', () => {
    const r = parseCfsCsv('lat,type\n5,Alarm\n', { lon: 'Longitude', lat: 'lat' })
    expect(r.points).toEqual([])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ line: 1, column: 'Longitude' })
    expect(r.errors[0].message).toMatch(/"Longitude".*not in the header/)
  })

  it('reports non-numeric coordinates and bad times with their line numbers, keeping the good rows', () => {
    const text = 'lon,lat,minutes\n1,1,10\nabc,2,10\n"3\nx",4,10\n5,95,10\n6,6,-4\n7,7,0x1f\n8,8,\n'
    const r = parseCfsCsv(text, { lon: 'lon', lat: 'lat', minutes: 'minutes' })
    expect(r.points.map((p) => p.lon)).toEqual([1, 8])
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'lon'],
      [4, 'lon'], // "3<newline>x" is not a number; the row spans lines 4-5
      [6, 'lat'],
      [7, 'minutes'],
      [8, 'minutes'],
    ])
  })
})
