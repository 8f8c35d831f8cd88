import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

/** Each pick as a one-point CSV in its zone's unit, at a point near the zone's middle, with where the app puts it. */
function cases() {
  return picks().map((p, i) => {
    const crs = resolveCrs(`EPSG:${p.code}`, 'beats.zip', 'the chosen coordinate system')
    const xy = proj4('EPSG:4326', `EPSG:${p.code}`).forward(p.centre) as [number, number]
    const layer = `p${i}`
    writeFileSync(join(dir, `${layer}.csv`), `x,y\n${xy[0]},${xy[1]}\n`)
    return { ...p, layer, xy, ours: crs.toLonLat!(xy) }
  })
}

/** A VRT with one point layer per case in its EPSG code, optionally reprojected by GDAL (PROJ) to the case's target on reading. */
function writeVrt(name: string, all: ReturnType<typeof cases>, warp: boolean): string {
  const layers = all.map((c) => {
    const layer = `<OGRVRTLayer name="${c.layer}"><SrcDataSource relativeToVRT="1">${c.layer}.csv</SrcDataSource><LayerSRS>EPSG:${c.code}</LayerSRS><GeometryType>wkbPoint</GeometryType><GeometryField encoding="PointFromColumns" x="x" y="y"/></OGRVRTLayer>`
    return warp ? `<OGRVRTWarpedLayer>${layer}<TargetSRS>${c.target}</TargetSRS></OGRVRTWarpedLayer>` : layer
  })
  const file = join(dir, name)
  writeFileSync(file, `<OGRVRTDataSource>\n${layers.join('\n')}\n</OGRVRTDataSource>\n`)
  return file
}

describe('State Plane zones reprojected by the app agree with GDAL/PROJ', () => {
  it('within 1 cm for one zone per state and datum, and the special projections', () => {
    const all = cases()
    expect(all.length).toBeGreaterThan(110)
    // All of them through one GDAL process.
    const r = gdal('ogrinfo', '-ro', '-al', '-q', writeVrt('warped.vrt', all, true))
    expect(r.err).toBe('')
    const theirs = new Map([...r.out.matchAll(/OGRFeature\((\w+)\):\d+\n[\s\S]*?POINT \((\S+) (\S+)\)/g)].map((m) => [m[1], [Number(m[2]), Number(m[3])]]))
    expect(theirs.size).toBe(all.length)
    // Compared on the zone's own datum: the app takes NAD83 as WGS84 (towgs84 0), which PROJ also
    // does for the conterminous states; in Hawaii and the Aleutians PROJ instead picks a metre-level
    // regional shift that depends on which NOAA grids are installed, so the projection maths is what
    // is held to 1 cm there.
    const off = all
      .map((c) => ({ code: c.code, name: c.name, target: c.target, metres: metresBetween(c.ours, theirs.get(c.layer)!) }))
      .filter((d) => !(d.metres < 0.01))
    expect(off).toEqual([])
  }, 180_000)

  it('a Shapefile .prj that GDAL writes for each of those zones (ESRI WKT) lands within 1 cm of the EPSG code', () => {
    const all = cases()
    const out = join(dir, 'shp')
    const r = gdal('ogr2ogr', '-f', 'ESRI Shapefile', out, writeVrt('plain.vrt', all, false))
    expect(r.err).toBe('')
    const off = all.flatMap((c) => {
      const prj = readFileSync(join(out, `${c.layer}.prj`), 'utf8')
      // ESRI's dialect: no AUTHORITY codes, so the .prj's own parameters are what the import reads.
      expect(prj).toMatch(/^PROJCS\[/)
      expect(prj).not.toMatch(/AUTHORITY/)
      const fromPrj = resolveCrs(prj, `${c.layer}.zip`, 'the file names coordinate system')
      const metres = metresBetween(c.ours, fromPrj.toLonLat!(c.xy))
      return metres < 0.01 ? [] : [{ code: c.code, name: c.name, prj: fromPrj.label, metres }]
    })
    expect(off).toEqual([])
  }, 180_000)
})
