import { zipSync } from 'fflate'
import { csvCell } from '../../shared/staffing/csv-rows'
import type { PublishMeta } from '../../shared/publish/public-dataset'
import type { ExportFormat } from './formats'
import { flatPublicLayers, type FlatLayer } from './public-fields'
import { DBF_TEXT_MAX, dbaseNames, writeDbf } from './write-dbf'
import { writeShp } from './write-shp'

/** ESRI's own WKT for WGS84 lon/lat, the form ArcGIS writes; GDAL and QGIS read it as EPSG:4326. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

const ENDING = '.shp.zip'

/** The zip's file name without '.shp.zip' (in any case), so the mapping file sits beside it. */
function stemOf(outFile: string): string {
  return outFile.toLowerCase().endsWith(ENDING) ? outFile.slice(0, -ENDING.length) : outFile
}

/** The year, month and day of the effective date, inside the range a zip's DOS timestamp can hold. */
function fileDate(meta: PublishMeta): [number, number, number] {
  const [y, m, d] = meta.effectiveDate.split('-').map(Number)
  if (y < 1980) return [1980, 1, 1]
  if (y > 2099) return [2099, 12, 31]
  return [y, m, d]
}

interface WrittenLayer {
  layer: FlatLayer
  names: string[]
  cut: number[]
  files: Record<string, Uint8Array>
}

function writeLayer(layer: FlatLayer, date: [number, number, number]): WrittenLayer {
  const names = dbaseNames(layer.fields.map((f) => f.name))
  const { shp, shx } = writeShp(layer.features.map((f) => f.geometry))
  const { dbf, cut } = writeDbf(
    layer.fields,
    names,
    layer.features.map((f) => f.values),
    date,
  )
  const text = new TextEncoder()
  const files = {
    [`${layer.name}.shp`]: shp,
    [`${layer.name}.shx`]: shx,
    [`${layer.name}.dbf`]: dbf,
    [`${layer.name}.prj`]: text.encode(WGS84_PRJ),
    [`${layer.name}.cpg`]: text.encode('UTF-8'),
  }
  return { layer, names, cut, files }
}

/** What a field holds and how it was written, for the note column of the mapping file. */
function noteFor(w: WrittenLayer, i: number): string {
  const f = w.layer.fields[i]
  if (f.type === 'integer') return `${f.help}; integer`
  if (f.type === 'date') return `${f.help}; date`
  const cut = w.cut[i]
  const cutNote = cut > 0 ? `; ${cut} value${cut === 1 ? ' was' : 's were'} longer and cut in this export` : ''
  return `${f.help}; text, UTF-8, at most ${DBF_TEXT_MAX} bytes (a longer value is cut at a character boundary)${cutNote}`
}

/**
 * The dBase names are cut to 10 characters, so the full names sit beside the zip as CSV:
 * one row per field of each layer, the name every other format uses and its dBase name.
 */
function mappingCsv(written: WrittenLayer[]): string {
  const rows = [['layer', 'field', 'dbase_name', 'note']]
  for (const w of written) w.layer.fields.forEach((f, i) => rows.push([w.layer.name, f.name, w.names[i], noteFor(w, i)]))
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/**
 * `.shp.zip`: both layers as Shapefiles in one zip (areas.* and neighborhoods.*, each with .shp,
 * .shx, .dbf, .prj and .cpg), for CAD map imports; `<name>.fields.csv` beside it maps the dBase
 * field names back to the full ones. The zip's entries are dated with the effective date, so two
 * exports of the same version are byte-identical.
 */
export const SHAPEFILE_ZIP: ExportFormat = {
  label: 'zipped Shapefile (.shp.zip)',
  endings: [ENDING],
  paths: (outFile) => [outFile, `${stemOf(outFile)}.fields.csv`],
  render(layers, meta) {
    const date = fileDate(meta)
    const written = flatPublicLayers(layers).map((l) => writeLayer(l, date))
    const entries = Object.assign({}, ...written.map((w) => w.files)) as Record<string, Uint8Array>
    const zip = zipSync(entries, { level: 6, mtime: new Date(date[0], date[1] - 1, date[2], 12) })
    return [zip, mappingCsv(written)]
  },
}
