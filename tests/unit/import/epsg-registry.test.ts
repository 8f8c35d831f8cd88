import proj4 from 'proj4'
import { describe, expect, it } from 'vitest'
import { resolveCrs } from '../../../src/main/import/crs'
import { ImportError } from '../../../src/main/import/import-error'
import { STATES, statePlaneZones, type Zone } from './helpers/state-plane-zones'

const zones = statePlaneZones()
const chosen = (spec: string) => resolveCrs(spec, 'beats.zip', 'the chosen coordinate system')

function refusal(spec: string): ImportError {
  try {
    chosen(spec)
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
    return e as ImportError
  }
  throw new Error(`${spec} was accepted`)
}

const METRES_PER = { m: 1, ftUS: 1200 / 3937, ft: 0.3048 }

describe('any EPSG code from the registry (epsg-index)', () => {
  it('reads a code from the registry only when an import names it, so startup loads none of it', () => {
    expect(proj4.defs('EPSG:3435')).toBeUndefined()
    expect(chosen('EPSG:3435').label).toBe('EPSG:3435')
    expect(proj4.defs('EPSG:3435')).toMatchObject({ projName: 'tmerc', units: 'us-ft' })
  })

  it('finds every NAD83 and NAD83(2011) State Plane zone, in metres, US survey feet and international feet, for every state', () => {
    const count = (datum: Zone['datum'], units: Zone['unit'][]) => zones.filter((z) => z.datum === datum && units.includes(z.unit)).length
    // EPSG has about 120 zones per datum in metres and a little fewer in feet; a broken name filter lands far outside.
    expect(count('NAD83', ['m'])).toBeGreaterThanOrEqual(115)
    expect(count('NAD83', ['m'])).toBeLessThanOrEqual(130)
    expect(count('NAD83', ['ftUS', 'ft'])).toBeGreaterThanOrEqual(100)
    expect(count('NAD83', ['ftUS', 'ft'])).toBeLessThanOrEqual(120)
    expect(count('NAD83(2011)', ['m'])).toBeGreaterThanOrEqual(110)
    expect(count('NAD83(2011)', ['m'])).toBeLessThanOrEqual(125)
    expect(count('NAD83(2011)', ['ftUS', 'ft'])).toBeGreaterThanOrEqual(95)
    expect(count('NAD83(2011)', ['ftUS', 'ft'])).toBeLessThanOrEqual(115)
    const statesOf = (datum: Zone['datum']) => new Set(zones.filter((z) => z.datum === datum && z.unit === 'm').map((z) => z.state))
    expect(statesOf('NAD83')).toEqual(new Set(STATES))
    // Hawaii's realization of NAD83 is PA11, not 2011.
    expect(statesOf('NAD83(2011)')).toEqual(new Set(STATES.filter((s) => s !== 'Hawaii')))
    // The zones the issue names, and the ranges GIS staff know them by.
    const codes = new Set(zones.map((z) => z.code))
    for (const code of [3435, 2263, 2227, 26929, 26998, 32100, 32161, 2222, 2289, 6455, 6539]) expect(codes, `EPSG:${code}`).toContain(code)
  })

  it('resolves every State Plane zone, and its feet version lands where its metre version does', () => {
    const metreZone = new Map(zones.filter((z) => z.unit === 'm').map((z) => [z.name, z]))
    let twins = 0
    for (const z of zones) {
      const crs = chosen(`EPSG:${z.code}`)
      expect(crs.label).toBe(`EPSG:${z.code}`)
      const xy = proj4('EPSG:4326', `EPSG:${z.code}`).forward(z.centre)
      const back = crs.toLonLat!(xy as [number, number])
      expect(Math.abs(back[0] - z.centre[0]) + Math.abs(back[1] - z.centre[1]), z.name).toBeLessThan(1e-8)
      // Same zone, other unit: the registry's feet definitions must scale by the right foot.
      const twin = metreZone.get(z.name.replace(/ \((ftUS|ft)\)$/, ''))
      if (z.unit === 'm' || !twin) continue
      twins++
      chosen(`EPSG:${twin.code}`)
      const m = proj4('EPSG:4326', `EPSG:${twin.code}`).forward(z.centre)
      expect(Math.hypot(xy[0] * METRES_PER[z.unit] - m[0], xy[1] * METRES_PER[z.unit] - m[1]), z.name).toBeLessThan(0.01)
    }
    expect(twins).toBeGreaterThan(180)
  })

  it('resolves UTM zones on NAD83 and WGS84 by code', () => {
    for (const code of ['EPSG:26910', 'EPSG:26919', 'EPSG:32610', 'EPSG:32616']) expect(chosen(code).toLonLat).not.toBeNull()
    const [lon, lat] = chosen('EPSG:26916').toLonLat!([447000, 4637000])
    expect(lon).toBeCloseTo(-87.63, 1)
    expect(lat).toBeCloseTo(41.88, 1)
  })

  it('takes a geographic code as lon/lat: EPSG:4269 as it is, NAD83(2011) (EPSG:6318) through the registry', () => {
    expect(chosen('EPSG:4269')).toEqual({ label: 'EPSG:4269', toLonLat: null })
    const [lon, lat] = chosen('urn:ogc:def:crs:EPSG::6318').toLonLat!([-87.63, 41.88])
    expect(lon).toBeCloseTo(-87.63, 9)
    expect(lat).toBeCloseTo(41.88, 9)
  })

  it('refuses a code the registry does not hold, naming it', () => {
    const e = refusal('EPSG:99999')
    expect(e.code).toBe('unknown-crs')
    expect(e.message).toBe(
      'beats.zip: the chosen coordinate system EPSG:99999 is not a coordinate system this app knows (it is not in the EPSG registry); check the code, or choose the coordinate system by its proj4 definition or WKT instead',
    )
    expect(e.details).toEqual({ file: 'beats.zip' })
  })

  it('refuses a height or Earth-centred system, and one the registry cannot compute with, naming it', () => {
    expect(refusal('EPSG:5703').message).toBe(
      'beats.zip: the chosen coordinate system EPSG:5703 (NAVD88 height) is a vertical (height) coordinate system, not one of map positions; choose the projected or geographic system the coordinates are in',
    )
    expect(refusal('EPSG:4978').message).toMatch(/^beats\.zip: the chosen coordinate system EPSG:4978 \(WGS 84\) is an Earth-centered \(geocentric X, Y, Z\) coordinate system/)
    expect(refusal('EPSG:2000').message).toBe(
      'beats.zip: the chosen coordinate system EPSG:2000 (Anguilla 1957 / British West Indies Grid) has no definition in the EPSG registry this app can compute with; choose the coordinate system by its proj4 definition or WKT instead',
    )
  })
})
