import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * GDAL (Debian's gdal-bin, installed by .ci/run) is the independent reader and writer our GIS
 * files are checked against; it is never a dependency of the app.
 */
export function gdal(tool: 'ogrinfo' | 'ogr2ogr', ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 })
  if (r.error) throw new Error(`${tool} could not be run (${r.error.message}); install gdal-bin (sudo apt-get install gdal-bin)`)
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr }
}

/** GDAL's own GeoPackage conformance checker (python3-gdal); it needs only Python's sqlite3. */
export const VALIDATE_GPKG = ['/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py', '/usr/share/doc/python3-gdal/examples/validate_gpkg.py'].find((p) => existsSync(p))

export interface OgrLayer {
  name: string
  geometry: string
  featureCount: number
  /** e.g. 'EPSG:4326', from the layer's top-level ID. */
  srs: string | null
  /** name → OGR type, e.g. { id: 'String', version: 'Integer64' }. */
  fields: Record<string, string>
}

/** The layers of `ogrinfo -al -so` output. */
export function ogrSummary(text: string): OgrLayer[] {
  return text
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => {
      const name = block.slice(0, block.indexOf('\n')).trim()
      const geometry = /^Geometry: (.+)$/m.exec(block)?.[1] ?? ''
      const featureCount = Number(/^Feature Count: (\d+)$/m.exec(block)?.[1])
      const wktStart = block.indexOf('Layer SRS WKT:')
      const wkt = wktStart < 0 ? '' : block.slice(wktStart, block.indexOf('Data axis to CRS axis mapping'))
      // The last ID is the CRS's own; the ones before belong to its parts (datum, units).
      const ids = [...wkt.matchAll(/ID\["EPSG",(\d+)\]/g)]
      const srs = ids.length ? `EPSG:${ids[ids.length - 1][1]}` : null
      const tail = block.slice(block.search(/^Geometry Column = /m))
      const fields = Object.fromEntries([...tail.matchAll(/^(\w+): (\w+) \(/gm)].map((m) => [m[1], m[2]]))
      return { name, geometry, featureCount, srs, fields }
    })
}
