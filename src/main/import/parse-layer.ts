import { promises as fsp } from 'node:fs'
import { basename, extname } from 'node:path'
import { finishChecked, finishLayer } from './finish-layer'
import { ImportError, formatMegabytes } from './import-error'
import { readGeoJson, readGeoJsonStreaming } from './read-geojson'
import { Ticker } from './progress'
import { isSqlite, readGeoPackage } from './read-geopackage'
import { readKml } from './read-kml'
import { readShapefileZip } from './read-shapefile-zip'
import { checkDeclaredSizes, extractEntries, listZip } from './read-zip'
import { showValue } from '../../shared/text/bounded'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES, MAX_KML_BYTES, type ParsedLayer, type ParseOptions, type RawLayer } from './types'

export { ImportError } from './import-error'
export type { ImportErrorDetails } from './import-error'
export type { ParsedFeature, ParsedLayer, ParseOptions } from './types'
export type { ImportProgress } from './progress'

export type Kind = 'geojson' | 'zip' | 'kml' | 'kmz' | 'gpkg'

function sniff(bytes: Uint8Array): Kind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip'
  // Any SQLite file goes to the GeoPackage reader, which says so when it is another kind of database.
  if (isSqlite(bytes)) return 'gpkg'
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{')) return 'geojson'
  if (head.startsWith('<')) return /<kml[\s>]/.test(head) || head.startsWith('<?xml') ? 'kml' : null
  return null
}

export function kindOf(name: string, bytes: Uint8Array): Kind {
  const ext = extname(name).toLowerCase()
  if (ext === '.geojson' || ext === '.json') return 'geojson'
  if (ext === '.zip') return 'zip'
  if (ext === '.kml') return 'kml'
  if (ext === '.kmz') return 'kmz'
  if (ext === '.gpkg') return 'gpkg'
  if (['.shp', '.dbf', '.shx', '.prj'].includes(ext)) {
    throw new ImportError('shapefile-not-zipped', `${name} is one part of a Shapefile; zip the .shp, .dbf and .prj together and import the .zip`, {
      file: name,
    })
  }
  const found = sniff(bytes)
  if (!found) {
    throw new ImportError('unknown-format', `${name} is not a format the importer reads; use GeoJSON, a zipped Shapefile, KML or GeoPackage`, { file: name })
  }
  return found
}

export function checkSize(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new ImportError('file-too-large', `${file} is ${formatMegabytes(size)}; the import limit is ${formatMegabytes(maxBytes)}`, { file })
  }
}

/** Refused before the document is unpacked or parsed: see MAX_KML_BYTES. */
function checkKmlSize(file: string, what: string, size: number, max: number): void {
  if (size > max) {
    throw new ImportError(
      'layer-too-large',
      `${file}: ${what} is ${formatMegabytes(size)}; the import limit for KML is ${formatMegabytes(max)}, so it is refused without reading it. Split the layer, or save it as GeoJSON or a zipped Shapefile`,
      { file },
    )
  }
}

function readKmz(file: string, bytes: Uint8Array, limit: number, maxKml: number): RawLayer {
  const entries = listZip(file, bytes).filter((e) => /\.kml$/i.test(e.name) && !e.name.startsWith('__MACOSX/'))
  checkDeclaredSizes(file, entries, limit)
  const main = entries.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? entries[0]
  if (!main) throw new ImportError('no-polygons', `${file} holds no .kml document`, { file })
  checkKmlSize(file, `its ${showValue(main.name)}`, main.size, maxKml)
  return readKml(file, extractEntries(file, bytes, [main], limit).get(main.name)!)
}

/** Parses an in-memory layer; `name` gives the format by its extension and is used in every message. */
export async function parseLayerBuffer(name: string, bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedLayer> {
  const file = basename(name)
  checkSize(file, bytes.length, opts.maxBytes ?? DEFAULT_MAX_BYTES)
  if (bytes.length === 0) throw new ImportError('empty-layer', `${file} is empty; there is nothing to import`, { file })
  const limit = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES
  const kind = kindOf(file, bytes)
  if (opts.gpkgLayer !== undefined && kind !== 'gpkg') {
    throw new ImportError('not-gpkg', `${file} is not a GeoPackage, so it has no layer ${showValue(opts.gpkgLayer, 80)} to choose; a layer name applies to .gpkg files only`, { file })
  }
  const maxKml = opts.maxKmlBytes ?? MAX_KML_BYTES
  if (kind === 'kml') checkKmlSize(file, 'the document', bytes.length, maxKml)
  const ticker = new Ticker(file, opts.onProgress, opts.signal)
  if (kind === 'geojson') {
    const streamed = await readGeoJsonStreaming(file, bytes, ticker)
    if (streamed) return finishChecked(file, streamed.head, streamed.checks, opts, ticker)
  }
  const raw =
    kind === 'geojson'
      ? readGeoJson(file, bytes)
      : kind === 'zip'
        ? readShapefileZip(file, bytes, limit, opts.maxShpBytes)
        : kind === 'kmz'
          ? readKmz(file, bytes, limit, maxKml)
          : kind === 'gpkg'
            ? readGeoPackage(file, bytes, opts.gpkgLayer)
            : readKml(file, bytes)
  return finishLayer(file, raw, opts, ticker)
}

/** Parses a layer file; its size is checked before a byte of it is read. */
export async function parseLayerFile(path: string, opts: ParseOptions = {}): Promise<ParsedLayer> {
  const file = basename(path)
  let size: number
  try {
    const st = await fsp.stat(path)
    if (!st.isFile()) throw new ImportError('not-a-file', `${file} is not a file`, { file })
    size = st.size
  } catch (e) {
    if (e instanceof ImportError) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)
    throw new ImportError('file-unreadable', `${file} cannot be opened: ${why}`, { file })
  }
  checkSize(file, size, opts.maxBytes ?? DEFAULT_MAX_BYTES)
  const bytes = await fsp.readFile(path)
  return parseLayerBuffer(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts)
}
