import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import proj4 from 'proj4'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveCrs } from '../../../src/main/import/crs'
import { gdal } from '../../helpers/gdal'
import { metresBetween } from './helpers/sample-layer'
import { STATES, statePlaneZones, type Zone } from './helpers/state-plane-zones'

const dir = mkdtempSync(join(tmpdir(), 'acp-state-plane-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * One NAD83 zone in metres and one NAD83(2011) zone (in feet where the state has them) per state,
 * plus the projections that are easy to get wrong: Transverse Mercator and Lambert in US feet
 * (Illinois East, Long Island), Alaska zone 1's Hotine Oblique Mercator, the Aleutian zone across
 * 180°, Hawaii, Michigan's scaled ellipsoid (metres and international feet), and UTM.
 */
function picks(): { code: number; name: string; centre: [number, number]; target: string }[] {
  const zones = statePlaneZones()
  const first = (f: (z: Zone) => boolean) => zones.filter(f).sort((a, b) => a.code - b.code)[0]
  const base = { NAD83: 'EPSG:4269', 'NAD83(2011)': 'EPSG:6318' }
  const chosen: Zone[] = []
  for (const state of STATES) {
    chosen.push(first((z) => z.datum === 'NAD83' && z.state === state && z.unit === 'm'))
    const z2011 = first((z) => z.datum === 'NAD83(2011)' && z.state === state && z.unit !== 'm') ?? first((z) => z.datum === 'NAD83(2011)' && z.state === state)
    if (z2011) chosen.push(z2011)
  }
  for (const code of [3435, 2263, 26931, 26940, 26963, 26988, 2251, 6455]) chosen.push(zones.find((z) => z.code === code)!)
  const out = chosen.map((z) => ({ code: z.code, name: z.name, centre: z.centre, target: base[z.datum] }))
  // WGS84 itself as the target for a few: in the conterminous states PROJ takes NAD83 as WGS84, as the app does.
  out.push({ code: 3435, name: 'NAD83 / Illinois East (ftUS)', centre: [-87.63, 41.88], target: 'EPSG:4326' })
  out.push({ code: 2263, name: 'NAD83 / New York Long Island (ftUS)', centre: [-73.97, 40.78], target: 'EPSG:4326' })
  out.push({ code: 6455, name: 'NAD83(2011) / Illinois East (ftUS)', centre: [-87.63, 41.88], target: 'EPSG:4326' })
  out.push({ code: 26916, name: 'NAD83 / UTM zone 16N', centre: [-87.63, 41.88], target: 'EPSG:4326' })
  out.push({ code: 32616, name: 'WGS 84 / UTM zone 16N', centre: [-87.63, 41.88], target: 'EPSG:4326' })
  return out
}

describe('State Plane zones reprojected by the app agree with GDAL/PROJ', () => {
  it('within 1 cm for one zone per state and datum, and the special projections', () => {
    const cases = picks().map((p, i) => {
      const crs = resolveCrs(`EPSG:${p.code}`, 'beats.zip', 'the chosen coordinate system')
      // A point near the middle of the zone, in the zone's own unit, as a file exported in it would hold.
      const xy = proj4('EPSG:4326', `EPSG:${p.code}`).forward(p.centre) as [number, number]
      return { ...p, layer: `p${i}`, xy, ours: crs.toLonLat!(xy) }
    })
    expect(cases.length).toBeGreaterThan(110)
    // All of them through one GDAL process: a VRT layer per point, each in its EPSG code and
    // reprojected by GDAL (PROJ) to the target on reading.
    const layers = cases.map((c) => {
      writeFileSync(join(dir, `${c.layer}.csv`), `x,y\n${c.xy[0]},${c.xy[1]}\n`)
      return `<OGRVRTWarpedLayer><OGRVRTLayer name="${c.layer}"><SrcDataSource relativeToVRT="1">${c.layer}.csv</SrcDataSource><LayerSRS>EPSG:${c.code}</LayerSRS><GeometryType>wkbPoint</GeometryType><GeometryField encoding="PointFromColumns" x="x" y="y"/></OGRVRTLayer><TargetSRS>${c.target}</TargetSRS></OGRVRTWarpedLayer>`
    })
    writeFileSync(join(dir, 'points.vrt'), `<OGRVRTDataSource>\n${layers.join('\n')}\n</OGRVRTDataSource>\n`)
    const r = gdal('ogrinfo', '-ro', '-al', '-q', join(dir, 'points.vrt'))
    expect(r.err).toBe('')
    const theirs = new Map([...r.out.matchAll(/OGRFeature\((\w+)\):\d+\n[\s\S]*?POINT \((\S+) (\S+)\)/g)].map((m) => [m[1], [Number(m[2]), Number(m[3])]]))
    expect(theirs.size).toBe(cases.length)
    // Compared on the zone's own datum: the app takes NAD83 as WGS84 (towgs84 0), which PROJ also
    // does for the conterminous states; in Hawaii and the Aleutians PROJ instead picks a metre-level
    // regional shift that depends on which NOAA grids are installed, so the projection maths is what
    // is held to 1 cm there.
    const off = cases
      .map((c) => ({ code: c.code, name: c.name, target: c.target, metres: metresBetween(c.ours, theirs.get(c.layer)!) }))
      .filter((d) => !(d.metres < 0.01))
    expect(off).toEqual([])
  }, 180_000)
})
