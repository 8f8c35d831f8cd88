import { openMemoryDatabase } from '../db/integrity'
import type { Db } from '../db/connection'
import { resolveCrs } from './crs'
import { ImportError } from './import-error'
import { BlobError, readGpkgGeometry, UnsupportedGeometry } from './read-gpkg-geometry'
import type { RawFeature, RawGeometry, RawLayer } from './types'
import { cutText, showList, showValue } from '../../shared/text/bounded'

/** 'SQLite format 3' and its NUL: the first 16 bytes of every SQLite database, GeoPackage included. */
export function isSqlite(bytes: Uint8Array): boolean {
  const magic = 'SQLite format 3\0'
  if (bytes.length < 100) return false
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false
  return true
}

interface FeatureLayer {
  table: string
  column: string
  type: string
  srsId: number
}

/** Declared layer types that cannot hold a polygon: refused before a feature is read. */
const NOT_POLYGONAL = new Set(['POINT', 'LINESTRING', 'MULTIPOINT', 'MULTILINESTRING', 'CIRCULARSTRING', 'COMPOUNDCURVE', 'MULTICURVE', 'CURVE'])

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * A copy of the file in memory: SQLite never opens the user's file, so no -journal, -wal or
 * -shm appears beside it and a read-only folder works. A file saved in WAL mode says so in
 * header bytes 18-19; an in-memory database has no WAL, so the copy is read as a rollback file.
 */
function openCopy(file: string, bytes: Uint8Array): Db {
  const image = Buffer.from(bytes)
  image.fill(1, 18, 20)
  let db: Db | null = null
  try {
    db = openMemoryDatabase(image)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db
  } catch (e) {
    db?.close()
    throw new ImportError('malformed-gpkg', `${file} could not be read as a GeoPackage: ${showValue((e as Error).message)}`, { file })
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE").get(name) !== undefined
}

function featureLayers(file: string, db: Db): FeatureLayer[] {
  if (!hasTable(db, 'gpkg_contents') || !hasTable(db, 'gpkg_geometry_columns')) {
    throw new ImportError('not-gpkg', `${file} is an SQLite database but not a GeoPackage: it has no gpkg_contents or gpkg_geometry_columns table`, { file })
  }
  return db
    .prepare(
      `SELECT c.table_name AS "table", g.column_name AS "column", upper(g.geometry_type_name) AS "type", g.srs_id AS "srsId"
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = 'features' ORDER BY c.rowid`,
    )
    .all() as FeatureLayer[]
}

/** The layer the user named, or the only one there is; several and none named is a question for the user. */
function pickLayer(file: string, layers: FeatureLayer[], wanted: string | undefined): FeatureLayer {
  const names = (): string => showList(layers.map((l) => l.table))
  // For the app's layer choice: the names themselves, bounded like every value sent back.
  const details = { file, layers: layers.slice(0, 200).map((l) => cutText(l.table, 200)) }
  if (layers.length === 0) throw new ImportError('no-polygons', `${file} is a GeoPackage without any feature layer; there is nothing to import`, { file })
  if (wanted !== undefined) {
    const hit = layers.find((l) => l.table === wanted) ?? layers.find((l) => l.table.toLowerCase() === wanted.toLowerCase())
    if (!hit) {
      throw new ImportError('unknown-gpkg-layer', `${file} has no feature layer named ${showValue(wanted, 80)}; its layers are ${names()}`, details)
    }
    return hit
  }
  if (layers.length > 1) {
    throw new ImportError('several-gpkg-layers', `${file} holds ${layers.length} feature layers (${names()}); choose the one to import`, details)
  }
  return layers[0]
}

/**
 * The layer's SRS as the CRS resolution understands it: 'EPSG:<code>' (the registry's definition
 * is the reference), the file's own WKT for an EPSG code the registry lacks or another
 * authority (ESRI), or null for GeoPackage's undefined SRS.
 */
function layerCrs(file: string, db: Db, layer: FeatureLayer, notices: string[]): string | null {
  if (layer.srsId === 0 || layer.srsId === -1) return null
  const row = db.prepare('SELECT organization, organization_coordsys_id AS code, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(layer.srsId) as
    | { organization: string | null; code: number | null; definition: string | null }
    | undefined
  if (!row) {
    throw new ImportError('unknown-crs', `${file}: layer ${showValue(layer.table, 80)} uses SRS id ${layer.srsId}, which its gpkg_spatial_ref_sys table does not define`, { file })
  }
  const def = String(row.definition ?? '').trim()
  const hasDef = def !== '' && def.toLowerCase() !== 'undefined'
  if (String(row.organization).toUpperCase() === 'EPSG' && Number.isInteger(row.code) && Number(row.code) > 0) {
    const code = `EPSG:${row.code}`
    if (!hasDef || knownCode(code)) return code
    notices.push(`${file}: ${code} is not in the planner's coordinate system registry; the definition stored in the file was used`)
    return def
  }
  return hasDef ? def : null
}

function knownCode(code: string): boolean {
  try {
    resolveCrs(code, '', '')
    return true
  } catch (e) {
    if (e instanceof ImportError && e.code === 'unknown-crs') return false
    throw e
  }
}

/** Attribute values as JSON-like scalars: big integers that a double would round become text, blobs are left out. */
function attribute(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
  if (v instanceof Uint8Array) return null
  return v
}

function featureGeometry(file: string, layer: FeatureLayer, index: number, fid: unknown, blob: unknown, lines: boolean): RawGeometry | null {
  if (blob === null || blob === undefined) return null
  const where = `${file}: layer ${showValue(layer.table, 80)}, feature ${index} (fid ${String(fid)})`
  if (!(blob instanceof Uint8Array)) throw new ImportError('malformed-geometry', `${where}: its geometry is ${typeof blob}, not a GeoPackage geometry blob`, { file, feature: index })
  try {
    return readGpkgGeometry(blob, lines)
  } catch (e) {
    if (e instanceof UnsupportedGeometry) {
      const hint = e.curved ? ' (curves cannot be stored; convert them to straight segments, e.g. ogr2ogr -nlt MULTIPOLYGON)' : ''
      const allowed = lines ? 'Polygon, MultiPolygon, LineString and MultiLineString' : 'Polygon and MultiPolygon'
      throw new ImportError('not-polygon', `${where} is a ${e.typeName}; only ${allowed} layers can be imported${hint}`, { file, feature: index })
    }
    if (e instanceof BlobError) throw new ImportError('malformed-geometry', `${where}: its geometry cannot be read: ${e.message}`, { file, feature: index })
    throw e
  }
}

/**
 * One feature layer of an OGC GeoPackage (1.0 to 1.3): its attributes as properties (the
 * primary key and the geometry column left out) and its SRS from gpkg_spatial_ref_sys. With
 * several layers, `layerName` chooses one.
 */
export function readGeoPackage(file: string, bytes: Uint8Array, layerName: string | undefined, lines = false): RawLayer {
  const db = openCopy(file, bytes)
  try {
    const layer = pickLayer(file, featureLayers(file, db), layerName)
    const label = showValue(layer.table, 80)
    if (NOT_POLYGONAL.has(layer.type) && !(lines && /^(MULTI)?LINESTRING$/.test(layer.type))) {
      throw new ImportError('not-polygon', `${file}: layer ${label} holds ${layer.type} geometries; only Polygon and MultiPolygon layers can be imported`, { file })
    }
    if (!hasTable(db, layer.table)) throw new ImportError('malformed-gpkg', `${file}: layer ${label} is listed in gpkg_contents but its table is missing`, { file })
    const columns = db.prepare(`PRAGMA table_info(${quoteId(layer.table)})`).all() as { name: string; type: string; pk: number }[]
    // A view has no rowid; GDAL-written views list their fid column first.
    const isView = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ? COLLATE NOCASE").get(layer.table) !== undefined
    const pk = columns.find((c) => c.pk === 1 && /^INTEGER$/i.test(c.type))?.name
    const geomColumn = columns.find((c) => c.name.toLowerCase() === layer.column.toLowerCase())?.name
    if (!geomColumn) throw new ImportError('malformed-gpkg', `${file}: layer ${label} has no column ${showValue(layer.column, 80)}, which gpkg_geometry_columns names as its geometry`, { file })
    const fields = columns.map((c) => c.name).filter((n) => n !== pk && n !== geomColumn)
    const fid = pk ? quoteId(pk) : isView ? 'NULL' : 'rowid'
    const select = [fid, quoteId(geomColumn), ...fields.map(quoteId)].join(', ')
    const stmt = db.prepare(`SELECT ${select} FROM ${quoteId(layer.table)}${fid === 'NULL' ? '' : ` ORDER BY ${fid}`}`).raw(true).safeIntegers(true)
    const features: RawFeature[] = []
    let index = 0
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      const properties: Record<string, unknown> = {}
      fields.forEach((f, i) => (properties[f] = attribute(row[i + 2])))
      features.push({ index, properties, geometry: featureGeometry(file, layer, index, row[0], row[1], lines) })
      index++
    }
    const notices: string[] = []
    return { format: 'geopackage', fields, features, crs: layerCrs(file, db, layer, notices), notices }
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError('malformed-gpkg', `${file} could not be read as a GeoPackage: ${showValue((e as Error).message)}`, { file })
  } finally {
    db.close()
  }
}
