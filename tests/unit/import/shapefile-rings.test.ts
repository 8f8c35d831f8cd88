import { describe, expect, it } from 'vitest'
import { parseLayerBuffer } from '../../../src/main/import/parse-layer'
import { assemblePolygon } from '../../../src/main/import/read-shp'
import { sampleShapefileZip } from './helpers/sample-layer'

// Shapefile order: shells clockwise, holes counter-clockwise (y up).
const cwSquare = (x: number, y: number, s: number) => [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]]
const ccwSquare = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]

describe('Shapefile rings become GeoJSON polygons', () => {
  it('gives each hole to the shell that holds it, even when listed after another shell', () => {
    const g = assemblePolygon([cwSquare(0, 0, 10), cwSquare(20, 0, 10), ccwSquare(22, 2, 2)])
    expect(g).toEqual({
      type: 'MultiPolygon',
      coordinates: [[ccwSquare(0, 0, 10)], [ccwSquare(20, 0, 10), cwSquare(22, 2, 2)]],
    })
  })

  it('keeps a hole that lies outside every shell, attached to the shell before it, for the validator to report', () => {
    const g = assemblePolygon([cwSquare(0, 0, 10), ccwSquare(50, 50, 2)])
    expect(g).toEqual({ type: 'Polygon', coordinates: [ccwSquare(0, 0, 10), cwSquare(50, 50, 2)] })
  })

  it('treats rings as shells when a writer ignored the clockwise rule for all of them', () => {
    const g = assemblePolygon([ccwSquare(0, 0, 10)])
    expect(g).toEqual({ type: 'Polygon', coordinates: [ccwSquare(0, 0, 10)] })
  })

  it("prefers the .prj over a user-picked CRS, saying the pick was not used", async () => {
    const layer = await parseLayerBuffer('beats.zip', sampleShapefileZip(), { crs: 'EPSG:26910' })
    expect(layer.crs).toBe('NAD_1983_StatePlane_California_III_FIPS_0403_Feet')
    expect(layer.notices).toEqual(['beats.zip names its own coordinate system (NAD_1983_StatePlane_California_III_FIPS_0403_Feet); the chosen EPSG:26910 was not used'])
  })
})
