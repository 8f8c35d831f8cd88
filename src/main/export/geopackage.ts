import type { PublishMeta } from '../../shared/publish/public-dataset'
import { openMemoryDatabase } from '../db/integrity'
import type { ExportFormat, PublicLayers } from './formats'
import { envelopeOf, gpkgGeometry, unionEnvelope, type Envelope } from './gpkg-geometry'
import { flatPublicLayers, type FlatLayer, type PublicFieldType } from './public-fields'

/** 'GPKG' in the SQLite header's application_id, and GeoPackage 1.3.0 as user_version (clause 1.1.1.1.1). */
const APPLICATION_ID = 0x47504b47
const USER_VERSION = 10300
const WGS84 = 4326
const GEOMETRY_COLUMN = 'geom'

/** The definition the GeoPackage standard itself gives for EPSG:4326 (Annex C, table 22). */
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]'

/** The core tables, as written in the standard (clauses 1.1.2, 1.1.3, 2.1.5) and the extensions table (2.3). */
const CORE_SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
`

const SQL_TYPE: Record<PublicFieldType, string> = { text: 'TEXT', integer: 'INTEGER', date: 'DATE' }

const id = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * The R-tree spatial index extension (Annex F.3): without it QGIS and ArcGIS offer to build an
 * index, or scan every feature on each pan. The triggers keep the index right when someone
 * edits the file later; they are created after the rows are in, because they call the ST_*
 * functions a GeoPackage reader provides and plain SQLite does not.
 */
function rtreeTriggers(t: string): string {
  const c = GEOMETRY_COLUMN
  const r = id(`rtree_${t}_${c}`)
  const ins = `INSERT OR REPLACE INTO ${r} VALUES (NEW.fid, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c}));`
  const name = (suffix: string) => id(`rtree_${t}_${c}_${suffix}`)
  return `
CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${id(t)}
  WHEN (NEW.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN ${ins} END;
CREATE TRIGGER ${name('update1')} AFTER UPDATE OF ${c} ON ${id(t)}
  WHEN OLD.fid = NEW.fid AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN ${ins} END;
CREATE TRIGGER ${name('update2')} AFTER UPDATE OF ${c} ON ${id(t)}
  WHEN OLD.fid = NEW.fid AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
CREATE TRIGGER ${name('update3')} AFTER UPDATE ON ${id(t)}
  WHEN OLD.fid != NEW.fid AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.fid; ${ins} END;
CREATE TRIGGER ${name('update4')} AFTER UPDATE ON ${id(t)}
  WHEN OLD.fid != NEW.fid AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${id(t)}
  WHEN OLD.${c} NOT NULL
BEGIN DELETE FROM ${r} WHERE id = OLD.fid; END;
`
}

const DESCRIPTION: Record<FlatLayer['name'], string> = {
  areas: 'Area Commands',
  neighborhoods: 'Neighborhoods with their adopting officers',
}

function writeLayer(db: ReturnType<typeof openMemoryDatabase>, layer: FlatLayer, meta: PublishMeta): void {
  const t = layer.name
  const columns = layer.fields.map((f) => `${id(f.name)} ${SQL_TYPE[f.type]}`)
  db.exec(`CREATE TABLE ${id(t)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${GEOMETRY_COLUMN} MULTIPOLYGON, ${columns.join(', ')})`)
  db.exec(`CREATE VIRTUAL TABLE ${id(`rtree_${t}_${GEOMETRY_COLUMN}`)} USING rtree(id, minx, maxx, miny, maxy)`)
  const insert = db.prepare(`INSERT INTO ${id(t)} VALUES (?, ?, ${layer.fields.map(() => '?').join(', ')})`)
  const index = db.prepare(`INSERT INTO ${id(`rtree_${t}_${GEOMETRY_COLUMN}`)} VALUES (?, ?, ?, ?, ?)`)
  let bounds: Envelope | null = null
  layer.features.forEach((f, i) => {
    const fid = i + 1
    const env = envelopeOf(f.geometry)
    bounds = bounds ? unionEnvelope(bounds, env) : env
    insert.run(fid, gpkgGeometry(f.geometry, WGS84, env), ...f.values)
    index.run(fid, ...env)
  })
  const b: (number | null)[] = bounds ?? [null, null, null, null]
  db.prepare('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    t,
    'features',
    t,
    `${DESCRIPTION[t]}, plan version ${meta.version} effective ${meta.effectiveDate}`,
    // The version's effective date, not the clock: the same version exports to the same bytes.
    `${meta.effectiveDate}T00:00:00.000Z`,
    b[0],
    b[2],
    b[1],
    b[3],
    WGS84,
  )
  db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)').run(t, GEOMETRY_COLUMN, 'MULTIPOLYGON', WGS84)
  db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)').run(
    t,
    GEOMETRY_COLUMN,
    'gpkg_rtree_index',
    'http://www.geopackage.org/spec120/#extension_rtree',
    'write-only',
  )
  db.exec(rtreeTriggers(t))
}

/** The published dataset as one OGC GeoPackage 1.3 file, built in memory: layers `areas` and `neighborhoods` in WGS84. */
export function renderGeoPackage(layers: PublicLayers, meta: PublishMeta): Uint8Array {
  const db = openMemoryDatabase()
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma(`user_version = ${USER_VERSION}`)
    db.transaction(() => {
      db.exec(CORE_SCHEMA)
      db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)').run(
        'WGS 84 geodetic',
        WGS84,
        'EPSG',
        WGS84,
        WGS84_WKT,
        'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
      )
      for (const layer of flatPublicLayers(layers)) writeLayer(db, layer, meta)
    })()
    const bytes = db.serialize()
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  } finally {
    db.close()
  }
}

/** `.gpkg`: one file holding both layers, for ArcGIS Pro, QGIS and other GIS tools. */
export const GEOPACKAGE: ExportFormat = {
  label: 'GeoPackage (.gpkg)',
  endings: ['.gpkg'],
  paths: (outFile) => [outFile],
  render: (layers, meta) => [renderGeoPackage(layers, meta)],
}
