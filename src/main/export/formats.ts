import { extname } from 'node:path'
import type { PublishMeta } from '../../shared/publish/public-dataset'
import { AppError } from '../services/app-error'
import { GEOPACKAGE } from './geopackage'
import { SHAPEFILE_ZIP } from './shapefile-zip'
import { KML } from './kml'

/** The published dataset as residents get it: the two RFC 7946 GeoJSON texts stored with the version. */
export interface PublicLayers {
  neighborhoods: string
  areas: string
}

/**
 * One file format the public dataset can be exported in. `paths` is known before anything is
 * built, so every output can be checked (and refused) before a backup or a version is made;
 * `render` returns the contents in the same order.
 */
export interface ExportFormat {
  /** For messages and --help, e.g. 'GeoPackage (.gpkg)'. */
  label: string
  /** Lower-case endings this format is chosen by, longest first where one ends another ('.shp.zip' before '.zip'). */
  endings: string[]
  paths(outFile: string): string[]
  render(layers: PublicLayers, meta: PublishMeta): (string | Uint8Array)[]
}

/** `.geojson` (as before): the neighborhoods file, and `<name>.areas.geojson` beside it. */
export const GEOJSON: ExportFormat = {
  label: 'GeoJSON (.geojson, .json)',
  endings: ['.geojson', '.json'],
  paths(outFile) {
    const ext = extname(outFile)
    const stem = ext ? outFile.slice(0, -ext.length) : outFile
    return [outFile, `${stem}.areas${ext || '.geojson'}`]
  },
  render: (layers) => [layers.neighborhoods, layers.areas],
}

/** Every format, one file each in src/main/export (importing only the ExportFormat type from here). */
const FORMATS: ExportFormat[] = [GEOJSON, GEOPACKAGE, SHAPEFILE_ZIP, KML]

/** The format an output file name asks for; a name with no known ending is refused, listing the ones there are. */
export function formatFor(outFile: string): ExportFormat {
  const name = outFile.toLowerCase()
  const hits = FORMATS.flatMap((f) => f.endings.filter((e) => name.endsWith(e)).map((e) => ({ f, e })))
  hits.sort((a, b) => b.e.length - a.e.length)
  if (hits[0]) return hits[0].f
  // A name without any ending keeps today's behaviour: GeoJSON.
  if (!extname(outFile)) return GEOJSON
  throw new AppError('bad-format', `Cannot export to ${outFile}: its ending names no format the planner writes; use one of ${FORMATS.map((f) => f.label).join(', ')}.`)
}
