import proj4 from 'proj4'
import { afterEach, describe, expect, it } from 'vitest'
import { toProjected } from '../../../src/shared/map/projected-crs'
import { makeServices } from '../../helpers/services'
import { EPSG_2227_PROJ4, toStatePlaneFeet } from '../import/helpers/sample-layer'
import { ADMIN, featureCollection, square, type Ring } from './layer'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

const feet = (r: Ring): Ring => r.map((p) => toStatePlaneFeet(p) as [number, number])
const layer = (crsName: string | null, rings: Ring[], name = 'areas.geojson') => {
  const fc = featureCollection([{ props: { CODE: 'A1' }, rings }]) as Record<string, unknown>
  if (crsName) fc.crs = { type: 'name', properties: { name: crsName } }
  return { name, bytes: new TextEncoder().encode(JSON.stringify(fc)) }
}

describe('the projected system of imported layers', () => {
  it('is recorded, with its proj4 definition, when areas come in EPSG:2227, and projects like the test’s own definition', async () => {
    s = makeServices({ seed: false })
    expect(s.settings.get().projectedCrs).toBeNull()
    await s.imports.apply(layer('urn:ogc:def:crs:EPSG::2227', [feet(square(-121.9, 37.5))]), { layer: 'areas', idField: 'CODE', mode: 'add' }, ADMIN)
    const crs = s.settings.get().projectedCrs!
    expect(crs.code).toBe('EPSG:2227')
    expect(crs.proj4).toMatch(/^\+proj=lcc .*\+units=us-ft/)
    const got = toProjected(crs, -121.77, 37.7)
    const [x, y] = proj4('EPSG:4326', EPSG_2227_PROJ4, [-121.77, 37.7])
    expect(got.unit).toBe('US ft')
    expect(Math.abs(got.x - x)).toBeLessThan(0.01)
    expect(Math.abs(got.y - y)).toBeLessThan(0.01)
  })

  it('is left as it was by a lon/lat import, a city limit import and a preview', async () => {
    s = makeServices({ seed: false })
    await s.imports.apply(layer(null, [square(-121.9, 37.5)]), { layer: 'areas', idField: 'CODE', mode: 'add' }, ADMIN)
    expect(s.settings.get().projectedCrs).toBeNull()
    await s.imports.preview(layer('EPSG:2227', [feet(square(-121.9, 37.5))]), { layer: 'areas', idField: 'CODE' })
    expect(s.settings.get().projectedCrs).toBeNull()
    await s.imports.apply(layer('EPSG:26910', [square(-121.9, 37.5).map((p) => proj4('EPSG:4326', '+proj=utm +zone=10 +datum=NAD83 +units=m +no_defs', p) as [number, number])], 'city.geojson'), { layer: 'city', mode: 'replace' }, ADMIN)
    expect(s.settings.get().projectedCrs).toBeNull()
  })
})
