import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { zipSync } from 'fflate'
import { expect } from 'vitest'
import { inProcess } from '../spawn-cli'
import type { HostileCase } from './hostile-case'
import {
  BOMB_BYTES,
  BOMB_MIB,
  WGS84_PRJ,
  billionLaughs,
  bombZip,
  damaged,
  encode,
  featureCollection,
  kmlDoc,
  manyEntries,
  markEncrypted,
  markZip64,
  put,
  shapefileParts,
  square,
  withMethod,
} from './baseline-fixtures'

/**
 * Hostile input the command line already handled before issue 17 (zip bombs, XXE, billion
 * laughs, non-finite coordinates, deep nesting, encrypted zips, wrong files and flags), kept as
 * rows so none of them can regress. Imports are refused (exit 2) with the plan unchanged, except
 * two rows that show what is accepted on purpose: a zip whose entry names climb out of the folder
 * (read in memory, nothing written) and a two-position ring (stored, then reported by validate).
 */

/** `import` of one file as Area Commands, adding only new ids, so an accepted file would show up as a changed plan. */
const areas = (db: string, file: string): string[] => ['import', '--db', db, '--layer', 'areas', '--file', file, '--id-field', 'ID', '--mode', 'add']
const neighborhoods = (db: string, file: string): string[] => [
  'import', '--db', db, '--layer', 'neighborhoods', '--file', file, '--id-field', 'ID', '--area-field', 'AREA', '--mode', 'add',
]
const city = (db: string, file: string): string[] => ['import', '--db', db, '--layer', 'city', '--file', file]

/** State Plane feet (EPSG:2227-like numbers): a layer that needs a .prj or --crs. */
const feet = ([x, y]: number[]): [number, number] => [6_150_000 + (x + 121.9) * 290_000, 2_060_000 + (y - 37.5) * 365_000]

/** Nothing the run printed may quote /etc/passwd. */
function quotesNoPasswd(_: unknown, run: { out: string; err: string }): void {
  expect(run.out + run.err).not.toMatch(/root:.*:0:0:/)
}

/** No evil.shp/.dbf/.prj appeared in the case folder or the two folders above it (where ../../ points). */
function wroteNothingOutside(ctx: { dir: string }): void {
  for (const d of [ctx.dir, dirname(ctx.dir), dirname(dirname(ctx.dir))]) {
    expect(readdirSync(d).filter((f) => /^evil\.(shp|dbf|prj)$/.test(f)), `files written into ${d}`).toEqual([])
  }
}

const ZIP_CASES: HostileCase[] = [
  {
    name: `zip bomb: a Shapefile zip whose entry declares ${BOMB_MIB} MB is refused before inflating`,
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'bomb.zip', bombZip('layer.shp', BOMB_MIB, BOMB_BYTES, { 'layer.dbf': shapefileParts()['layer.dbf'] }))),
    exit: 2,
    message: `bomb.zip would uncompress to ${BOMB_MIB} MB; the limit is 500 MB, so the zip is refused without unpacking it`,
  },
  {
    name: `zip bomb: an entry whose header says 1 KB but inflates to ${BOMB_MIB} MB is stopped while inflating`,
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'liar.zip', bombZip('layer.shp', BOMB_MIB, 1024, { 'layer.dbf': shapefileParts()['layer.dbf'] }))),
    exit: 2,
    message: 'liar.zip: layer.shp uncompresses to more than the 1024 bytes its header declares; the zip is refused for safety',
  },
  {
    name: `KMZ bomb: doc.kml declaring ${BOMB_MIB} MB is refused before inflating`,
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'bomb.kmz', bombZip('doc.kml', BOMB_MIB, BOMB_BYTES))),
    exit: 2,
    message: `bomb.kmz would uncompress to ${BOMB_MIB} MB; the limit is 500 MB, so the zip is refused without unpacking it`,
  },
  {
    name: `KMZ bomb: doc.kml whose header says 1 KB but inflates to ${BOMB_MIB} MB`,
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'liar.kmz', bombZip('doc.kml', BOMB_MIB, 1024))),
    exit: 2,
    message: 'liar.kmz: doc.kml uncompresses to more than the 1024 bytes its header declares; the zip is refused for safety',
  },
  {
    name: `zip bomb as the neighborhoods layer (declares ${BOMB_MIB} MB)`,
    item: 'baseline',
    build: ({ dir, db }) => neighborhoods(db, put(dir, 'beats.zip', bombZip('beats.shp', BOMB_MIB, BOMB_BYTES, { 'beats.dbf': shapefileParts()['layer.dbf'] }))),
    exit: 2,
    message: `beats.zip would uncompress to ${BOMB_MIB} MB; the limit is 500 MB, so the zip is refused without unpacking it`,
  },
  {
    name: 'nested zip: a zip holding only another (bomb) zip is not unpacked recursively',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'outer.zip', zipSync({ 'inner.zip': bombZip('layer.shp', 64, 64 * 1024 * 1024) }, { level: 0 }))),
    exit: 2,
    message: 'outer.zip holds no .shp file (it contains: inner.zip)',
  },
  {
    name: 'nested zip: a KMZ holding a zip instead of a .kml',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'outer.kmz', zipSync({ 'inner.kmz': bombZip('doc.kml', 64, 64 * 1024 * 1024) }, { level: 0 }))),
    exit: 2,
    message: 'outer.kmz holds no .kml document',
  },
  {
    name: 'a zip of 20,000 entries and no .shp: refused, the message lists only a few names',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'many.zip', manyEntries(20_000, (i) => `f${i}.txt`))),
    exit: 2,
    message: /^many\.zip holds no \.shp file \(it contains: f0\.txt, f1\.txt, f2\.txt, f3\.txt, f4\.txt, f5\.txt, f6\.txt, f7\.txt\b/,
  },
  {
    name: 'a zip whose end record claims 65535 entries (ZIP64)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'zip64.zip', markZip64(zipSync({ ...shapefileParts(), 'layer.prj': WGS84_PRJ })))),
    exit: 2,
    message: 'zip64.zip is a ZIP64 archive, which the importer does not read',
  },
  {
    name: 'a zip of 300 Shapefiles: refused as several layers',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'shapes.zip', manyEntries(300, (i) => `layer${i}.shp`))),
    exit: 2,
    message: /^shapes\.zip holds 300 Shapefiles \(layer0\.shp, layer1\.shp, .*\); zip one layer per file$/,
  },
  {
    name: 'path traversal entry names (../../evil.shp) holding garbage: refused, nothing written outside',
    item: 'baseline',
    build: ({ dir, db }) =>
      areas(db, put(dir, 'traversal.zip', zipSync({ '../../evil.shp': encode('not a shapefile'.repeat(10)), '../../evil.dbf': shapefileParts()['layer.dbf'] }))),
    exit: 2,
    message: 'traversal.zip: evil.shp is not a readable Shapefile',
    after: (ctx) => wroteNothingOutside(ctx),
  },
  {
    name: 'path traversal entry names (../../evil.shp) holding a real layer: read from memory, nothing written outside',
    item: 'baseline',
    build: ({ dir, db }) => {
      const p = shapefileParts()
      return areas(db, put(dir, 'traversal.zip', zipSync({ '../../evil.shp': p['layer.shp'], '../../evil.dbf': p['layer.dbf'], '../../evil.prj': WGS84_PRJ })))
    },
    exit: 0,
    message: /Imported 1 Area Command from traversal\.zip \(add\): 1 added/,
    planUnchanged: false,
    after: (ctx) => wroteNothingOutside(ctx),
  },
  {
    name: 'an absolute entry name (/tmp/evil.shp) is only a name',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'absolute.zip', zipSync({ '/tmp/evil.shp': encode('garbage!'.repeat(20)), '/tmp/evil.dbf': shapefileParts()['layer.dbf'] }))),
    exit: 2,
    message: 'absolute.zip: evil.shp is not a readable Shapefile',
    after: () => expect(existsSync('/tmp/evil.shp')).toBe(false),
  },
  {
    name: 'encrypted zip (general-purpose flag bit 0 set)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'locked.zip', markEncrypted(zipSync({ ...shapefileParts(), 'layer.prj': WGS84_PRJ })))),
    exit: 2,
    message: 'locked.zip: layer.shp is encrypted; remove the password and zip it again',
  },
  {
    name: 'encrypted KMZ',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'locked.kmz', markEncrypted(zipSync({ 'doc.kml': encode(kmlDoc()) })))),
    exit: 2,
    message: 'locked.kmz: doc.kml is encrypted; remove the password and zip it again',
  },
  {
    name: 'a zip compressed with a method the reader lacks (bzip2, 12)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'bzip.zip', withMethod(zipSync({ ...shapefileParts(), 'layer.prj': WGS84_PRJ }), 12))),
    exit: 2,
    message: 'uses compression method 12; only stored and deflated entries can be read',
  },
  {
    name: 'a 0-byte .zip',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'empty.zip', '')),
    exit: 2,
    message: 'empty.zip is empty; there is nothing to import',
  },
  {
    name: 'a truncated zip (no end-of-archive record)',
    item: 'baseline',
    build: ({ dir, db }) => {
      const whole = zipSync({ ...shapefileParts(), 'layer.prj': WGS84_PRJ })
      return areas(db, put(dir, 'cut.zip', whole.subarray(0, Math.floor(whole.length / 2))))
    },
    exit: 2,
    message: 'cut.zip is not a readable zip file (no end-of-archive record; the file may be truncated)',
  },
  {
    name: 'a Shapefile zip without its .dbf',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'nodbf.zip', zipSync({ 'layer.shp': shapefileParts()['layer.shp'], 'layer.prj': WGS84_PRJ }))),
    exit: 2,
    message: 'nodbf.zip: layer.shp has no .dbf beside it',
  },
  {
    name: 'a Shapefile zip in State Plane feet without its .prj',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'noprj.zip', zipSync(shapefileParts(feet)))),
    exit: 2,
    message: /^noprj\.zip: coordinates look projected .* choose the CRS it was exported in with --crs <EPSG>/,
  },
  {
    name: 'a bare .shp instead of the zip',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'layer.shp', shapefileParts()['layer.shp'])),
    exit: 2,
    message: 'layer.shp is one part of a Shapefile; zip the .shp, .dbf and .prj together and import the .zip',
  },
]

const KML_CASES: HostileCase[] = [
  {
    name: 'XXE: KML declaring an external entity for file:///etc/passwd, used in a name',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'xxe.kml', kmlDoc({ prologue: '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', name: '&xxe;' }))),
    exit: 2,
    message: 'xxe.kml declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety',
    after: quotesNoPasswd,
  },
  {
    name: 'XXE in a KML imported as neighborhoods',
    item: 'baseline',
    build: ({ dir, db }) => neighborhoods(db, put(dir, 'beats.kml', kmlDoc({ prologue: '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', name: '&xxe;' }))),
    exit: 2,
    message: 'beats.kml declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety',
    after: quotesNoPasswd,
  },
  {
    name: 'XXE inside a KMZ',
    item: 'baseline',
    build: ({ dir, db }) =>
      city(db, put(dir, 'xxe.kmz', zipSync({ 'doc.kml': encode(kmlDoc({ prologue: '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', name: '&xxe;' })) }))),
    exit: 2,
    message: 'xxe.kmz declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety',
    after: quotesNoPasswd,
  },
  {
    name: 'XXE through a parameter entity (<!ENTITY % ...>)',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'param.kml', kmlDoc({ prologue: '<!DOCTYPE kml [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>\n' }))),
    exit: 2,
    message: 'param.kml declares a DOCTYPE or ENTITY',
    after: quotesNoPasswd,
  },
  {
    name: 'XXE with a lower-case <!doctype> after a comment and a BOM',
    item: 'baseline',
    build: ({ dir, db }) =>
      city(db, put(dir, 'lower.kml', `\uFEFF<!-- exported -->\n${kmlDoc({ prologue: '<!doctype kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', name: '&xxe;' })}`)),
    exit: 2,
    message: 'lower.kml declares a DOCTYPE or ENTITY',
    after: quotesNoPasswd,
  },
  {
    name: 'an ENTITY declaration inside the document body',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'body.kml', kmlDoc({ name: '&xxe;' }).replace('<Document>', '<Document><!ENTITY xxe SYSTEM "file:///etc/passwd">'))),
    exit: 2,
    message: /^body\.kml is not valid XML: /,
    after: quotesNoPasswd,
  },
  {
    name: 'XXE in a UTF-16 KML (the prologue check cannot read it as UTF-8)',
    item: 'baseline',
    build: ({ dir, db }) => {
      const text = `\uFEFF${kmlDoc({ prologue: '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', name: '&xxe;' }).replace('UTF-8', 'UTF-16')}`
      const bytes = new Uint8Array(text.length * 2)
      for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true)
      return city(db, put(dir, 'utf16.kml', bytes))
    },
    exit: 2,
    message: /^utf16\.kml is not valid XML: /,
    after: quotesNoPasswd,
  },
  {
    name: 'billion laughs: ten levels of nested entities',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'laughs.kml', kmlDoc({ prologue: billionLaughs(), name: '&lol9;' }))),
    exit: 2,
    message: 'laughs.kml declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety',
  },
  {
    name: 'an undeclared entity used in a name (&xxe; without a DOCTYPE)',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'undeclared.kml', kmlDoc({ name: '&xxe;' }))),
    exit: 2,
    message: /^undeclared\.kml is not valid XML: .*xxe/,
    after: quotesNoPasswd,
  },
  {
    name: 'XML that is not KML',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'svg.kml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')),
    exit: 2,
    message: 'svg.kml is XML but not KML (its root element is <svg>)',
  },
  {
    name: 'KML with only points',
    item: 'baseline',
    build: ({ dir, db }) =>
      city(db, put(dir, 'points.kml', '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>-121.7,37.6</coordinates></Point></Placemark></kml>')),
    exit: 2,
    message: 'points.kml has no polygons (1 placemark, none with a Polygon); only polygon layers can be imported',
  },
  {
    name: 'KML cut off in the middle',
    item: 'baseline',
    build: ({ dir, db }) => city(db, put(dir, 'cut.kml', kmlDoc().slice(0, 200))),
    exit: 2,
    message: /^cut\.kml is not valid XML: unclosed xml tag\(s\)/,
  },
]

const polygonWith = (ring: unknown[]): object => featureCollection({ type: 'Polygon', coordinates: [ring] })
const closedRing = (a: unknown, b: unknown): unknown[] => [[-121.9, 37.5], [a, b], [-121.89, 37.51], [-121.9, 37.5]]

const GEOJSON_CASES: HostileCase[] = [
  {
    name: 'a coordinate written 1e999 (parses to Infinity)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'inf.geojson', JSON.stringify(polygonWith(closedRing(0, 0))).replace('[0,0]', '[1e999,37.5]'))),
    exit: 2,
    message: 'inf.geojson: feature 0 has a coordinate that is not a finite number (Infinity) at ring 0, vertex 1',
  },
  {
    name: 'a coordinate written -1e999 (parses to -Infinity)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'ninf.geojson', JSON.stringify(polygonWith(closedRing(0, 0))).replace('[0,0]', '[-121.8,-1e999]'))),
    exit: 2,
    message: 'ninf.geojson: feature 0 has a coordinate that is not a finite number (-Infinity) at ring 0, vertex 1',
  },
  {
    name: 'a coordinate written 1e999 in the neighborhoods layer',
    item: 'baseline',
    build: ({ dir, db }) =>
      neighborhoods(db, put(dir, 'beats.geojson', JSON.stringify(featureCollection({ type: 'Polygon', coordinates: [closedRing(0, 0)] }, { ID: 'B1', AREA: '1' })).replace('[0,0]', '[-121.8,1e999]'))),
    exit: 2,
    message: 'beats.geojson: feature 0 has a coordinate that is not a finite number (Infinity) at ring 0, vertex 1',
  },
  {
    name: 'coordinates given as the strings "NaN" and "Infinity"',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'nan.geojson', polygonWith(closedRing('NaN', 'Infinity')))),
    exit: 2,
    message: 'nan.geojson: feature 0 has malformed coordinates (ring 0, vertex 1 holds a non-number)',
  },
  {
    name: 'a bare NaN token (not JSON)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'nantoken.geojson', JSON.stringify(polygonWith(closedRing(0, 0))).replace('[0,0]', '[NaN,37.5]'))),
    exit: 2,
    message: /^nantoken\.geojson is not valid JSON: Unexpected token 'N'/,
  },
  {
    name: 'longitude 400 in a file that names no coordinate system',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'lon400.geojson', polygonWith(closedRing(400, 37.5)))),
    exit: 2,
    message: /^lon400\.geojson: coordinates look projected \(e\.g\. 400, 37\.5 at feature 0\)/,
  },
  {
    name: 'longitude 400 in a file that says it is WGS84',
    item: 'baseline',
    build: ({ dir, db }) =>
      areas(db, put(dir, 'lon400.geojson', { ...polygonWith(closedRing(400, 37.5)), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } })),
    exit: 2,
    message: /^lon400\.geojson: feature 0 has coordinates \(400, 37\.5\) that are not on Earth/,
  },
  {
    name: 'a ring of one position',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'dot.geojson', polygonWith([[-121.9, 37.5]]))),
    exit: 2,
    message: 'dot.geojson: feature 0, ring 0 has 1 position; that is not a polygon',
  },
  {
    // Invalid polygons are stored as they are and reported by validate (README); only a ring of fewer than 2 positions is refused.
    name: 'a ring of two positions: stored, and validate reports it as invalid geometry',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'line.geojson', polygonWith([[-121.9, 37.5], [-121.89, 37.51]]))),
    exit: 0,
    message: /Imported 1 Area Command from line\.geojson \(add\): 1 added.*\nPlan now: .*publishing is blocked/s,
    planUnchanged: false,
    after: async (ctx) => {
      const v = await inProcess('validate', '--db', ctx.db)
      expect(v.code).toBe(1)
      expect(v.out).toContain('Area Command Z9 has invalid geometry: outer ring of polygon 1 has 2 positions; a ring needs at least 4')
    },
  },
  {
    name: 'a Polygon with empty coordinates',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'empty-coords.geojson', featureCollection({ type: 'Polygon', coordinates: [] }))),
    exit: 2,
    message: 'empty-coords.geojson: feature 0 has malformed coordinates (the polygon has no rings)',
  },
  {
    name: 'a MultiPolygon with empty coordinates',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'empty-multi.geojson', featureCollection({ type: 'MultiPolygon', coordinates: [] }))),
    exit: 2,
    message: 'empty-multi.geojson: feature 0 has malformed coordinates (the MultiPolygon has no polygons)',
  },
  {
    name: 'a null geometry',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'null.geojson', featureCollection(null))),
    exit: 2,
    message: 'null.geojson: feature 0 has no geometry',
  },
  {
    name: 'a GeometryCollection',
    item: 'baseline',
    build: ({ dir, db }) =>
      areas(db, put(dir, 'gc.geojson', featureCollection({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: square() }] }))),
    exit: 2,
    message: 'gc.geojson: feature 0 is a GeometryCollection; only Polygon and MultiPolygon layers can be imported',
  },
  {
    name: 'a geometry of an unknown type',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'circle.geojson', featureCollection({ type: 'Circle', coordinates: [-121.9, 37.5], radius: 5 }))),
    exit: 2,
    message: "circle.geojson: feature 0 has a geometry of unknown type 'Circle'",
  },
  {
    name: 'a FeatureCollection with no features',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'none.geojson', { type: 'FeatureCollection', features: [] })),
    exit: 2,
    message: 'none.geojson contains no features; there is nothing to import',
  },
  {
    name: 'a top-level array',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'array.geojson', [featureCollection({ type: 'Polygon', coordinates: square() })])),
    exit: 2,
    message: "array.geojson is JSON but not GeoJSON (no 'type' member at the top)",
  },
  {
    name: 'a top-level number',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'number.geojson', '42')),
    exit: 2,
    message: "number.geojson is JSON but not GeoJSON (no 'type' member at the top)",
  },
  {
    name: 'a top-level string',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'string.geojson', '"FeatureCollection"')),
    exit: 2,
    message: "string.geojson is JSON but not GeoJSON (no 'type' member at the top)",
  },
  {
    name: 'a top-level null',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'null-top.geojson', 'null')),
    exit: 2,
    message: "null-top.geojson is JSON but not GeoJSON (no 'type' member at the top)",
  },
  {
    name: 'an empty .geojson',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'empty.geojson', '')),
    exit: 2,
    message: 'empty.geojson is empty; there is nothing to import',
  },
  {
    name: 'a .geojson of only whitespace',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'blank.geojson', '   \n\n  ')),
    exit: 2,
    message: 'blank.geojson is not valid JSON: it ends early at line 3 (the file looks truncated)',
  },
  {
    name: 'a top-level array nested 100,000 levels deep',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'deep.geojson', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    exit: 2,
    message: "deep.geojson is JSON but not GeoJSON (no 'type' member at the top)",
    spawn: true,
  },
  {
    name: 'coordinates nested 100,000 levels deep',
    item: 'baseline',
    build: ({ dir, db }) =>
      areas(db, put(dir, 'deep-coords.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ID":"Z9"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`)),
    exit: 2,
    message: 'deep-coords.geojson: feature 0, ring 0 has 1 position; that is not a polygon',
    spawn: true,
  },
  {
    name: 'an attribute value nested 100,000 levels deep',
    item: 'baseline',
    build: ({ dir, db }) => {
      const geometry = JSON.stringify({ type: 'Polygon', coordinates: square() })
      const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ID":"Z9","DEEP":${'['.repeat(100_000)}${']'.repeat(100_000)}},"geometry":${geometry}}]}`
      return ['import', '--db', db, '--layer', 'areas', '--file', put(dir, 'deep-props.geojson', text), '--id-field', 'DEEP', '--mode', 'add']
    },
    exit: 2,
    message: "deep-props.geojson: feature 0 has the value [an array], which is not an id in the id field 'DEEP'",
    spawn: true,
  },
  {
    name: 'an unclosed array nested 100,000 levels deep (truncated)',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'deep-open.geojson', '['.repeat(100_000))),
    exit: 2,
    message: 'deep-open.geojson is not valid JSON: it ends early at line 1 (the file looks truncated)',
    spawn: true,
  },
  {
    name: 'a file of an unknown format with no extension',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, put(dir, 'layer', 'just some words')),
    exit: 2,
    message: 'layer is not a format the importer reads; use GeoJSON, a zipped Shapefile, KML or GeoPackage',
  },
]

const COMMAND_CASES: HostileCase[] = [
  {
    name: 'restore --from a file that is not a database',
    item: 'baseline',
    build: ({ dir, db }) => ['restore', '--db', db, '--from', put(dir, 'notes.sqlite', 'these are my notes, not a backup\n'.repeat(100))],
    exit: 2,
    message: /The backup .*notes\.sqlite cannot be read as a database \(SQLITE_NOTADB/,
    unchanged: ['notes.sqlite'],
    after: (ctx) => expect(readdirSync(ctx.dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]),
  },
  {
    name: 'restore --from a damaged backup (SQLite header, garbage pages)',
    item: 'baseline',
    build: ({ dir, db }) => ['restore', '--db', db, '--from', put(dir, 'damaged.sqlite', damaged(new Uint8Array(readFileSync(db))))],
    exit: 2,
    message: /The backup .*damaged\.sqlite cannot be read as a database/,
    unchanged: ['damaged.sqlite'],
    after: (ctx) => expect(readdirSync(ctx.dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]),
  },
  {
    name: 'restore --from an empty file',
    item: 'baseline',
    build: ({ dir, db }) => ['restore', '--db', db, '--from', put(dir, 'zero.sqlite', '')],
    exit: 2,
    message: /The backup .*zero\.sqlite is not an Area Command Planner database \(it has no plan tables\)/,
    after: (ctx) => expect(readdirSync(ctx.dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]),
  },
  {
    name: 'restore --from a backup that does not exist',
    item: 'baseline',
    build: ({ dir, db }) => ['restore', '--db', db, '--from', join(dir, 'backups', 'nowhere.sqlite')],
    exit: 2,
    message: /There is no backup at .*nowhere\.sqlite/,
  },
  {
    name: 'restore --from the plan itself',
    item: 'baseline',
    build: ({ db }) => ['restore', '--db', db, '--from', db],
    exit: 2,
    message: 'is the database itself, not a backup of it',
  },
  {
    name: 'lookup --lon 200',
    item: 'baseline',
    build: ({ db }) => ['lookup', '--db', db, '--lon', '200', '--lat', '37.68'],
    exit: 2,
    message: 'lookup: --lon must be between -180 and 180, not 200',
  },
  {
    name: 'lookup --lat -91',
    item: 'baseline',
    build: ({ db }) => ['lookup', '--db', db, '--lon', '-121.76', '--lat', '-91'],
    exit: 2,
    message: 'lookup: --lat must be between -90 and 90, not -91',
  },
  {
    name: 'lookup --lon NaN',
    item: 'baseline',
    build: ({ db }) => ['lookup', '--db', db, '--lon', 'NaN', '--lat', '37.68'],
    exit: 2,
    message: "lookup: --lon must be a number, not 'NaN'",
  },
  {
    name: 'lookup --lat Infinity',
    item: 'baseline',
    build: ({ db }) => ['lookup', '--db', db, '--lon', '-121.76', '--lat', 'Infinity'],
    exit: 2,
    message: "lookup: --lat must be a number, not 'Infinity'",
  },
  {
    name: 'lookup --lat 1e999',
    item: 'baseline',
    build: ({ db }) => ['lookup', '--db', db, '--lon', '-121.76', '--lat', '1e999'],
    exit: 2,
    message: "lookup: --lat must be a number, not '1e999'",
  },
  {
    name: 'init on an existing plan that holds the sample city',
    item: 'baseline',
    build: ({ db }) => ['init', '--db', db, '--sample'],
    exit: 2,
    message: /already holds a plan \(\d+ Area Commands, \d+ neighborhoods, \d+ officers\); init never overwrites a plan: choose a new file/,
  },
  {
    name: 'init over a GeoJSON file',
    item: 'baseline',
    build: ({ dir }) => ['init', '--db', put(dir, 'layer.geojson', featureCollection({ type: 'Polygon', coordinates: square() }))],
    exit: 2,
    message: 'layer.geojson is not a plan database (it is not an SQLite file); nothing was changed',
    unchanged: ['layer.geojson'],
  },
  {
    name: 'validate --db a GeoJSON file',
    item: 'baseline',
    build: ({ dir }) => ['validate', '--db', put(dir, 'layer.geojson', featureCollection({ type: 'Polygon', coordinates: square() }))],
    exit: 2,
    message: 'layer.geojson is not a plan database (it is not an SQLite file); nothing was changed',
    unchanged: ['layer.geojson'],
  },
  {
    name: 'validate --db a plan that does not exist',
    item: 'baseline',
    build: ({ dir }) => ['validate', '--db', join(dir, 'nowhere.sqlite')],
    exit: 2,
    message: /There is no plan database at .*nowhere\.sqlite; create one with: npm run cli -- init --db/,
    after: (ctx) => expect(existsSync(join(ctx.dir, 'nowhere.sqlite'))).toBe(false),
  },
  {
    name: 'validate --db a folder',
    item: 'baseline',
    build: ({ dir }) => ['validate', '--db', dir],
    exit: 2,
    message: 'is a folder, not a plan database file',
  },
  {
    name: 'an unknown command',
    item: 'baseline',
    build: ({ db }) => ['drop', '--db', db],
    exit: 2,
    message: "unknown command 'drop'; commands are: init, import, validate, export, lookup, ",
  },
  {
    name: 'an unknown flag',
    item: 'baseline',
    build: ({ db }) => ['validate', '--db', db, '--fix'],
    exit: 2,
    message: 'validate: unknown flag --fix. Run: npm run cli -- validate --help',
  },
  {
    name: 'a stray argument',
    item: 'baseline',
    build: ({ db }) => ['validate', db],
    exit: 2,
    message: "validate: unexpected argument '",
  },
  {
    name: 'import without --file',
    item: 'baseline',
    build: ({ db }) => ['import', '--db', db, '--layer', 'areas', '--id-field', 'ID'],
    exit: 2,
    message: 'import: --file <f> is required',
  },
  {
    name: 'lookup without --db',
    item: 'baseline',
    build: () => ['lookup', '--lon', '-121.76', '--lat', '37.68'],
    exit: 2,
    message: 'lookup: --db <file> is required',
  },
  {
    name: 'import --layer areas without --id-field',
    item: 'baseline',
    build: ({ dir, db }) => ['import', '--db', db, '--layer', 'areas', '--file', put(dir, 'a.geojson', featureCollection({ type: 'Polygon', coordinates: square() }))],
    exit: 2,
    message: 'import: --layer areas needs --id-field <F>',
  },
  {
    name: 'import --layer with a value outside the list',
    item: 'baseline',
    build: ({ db }) => ['import', '--db', db, '--layer', 'officers', '--file', 'x.geojson'],
    exit: 2,
    message: "import: --layer must be one of areas, neighborhoods, city, not 'officers'",
  },
  {
    name: 'a flag given twice',
    item: 'baseline',
    build: ({ db }) => ['validate', '--db', db, '--db', db],
    exit: 2,
    message: 'validate: --db is given twice',
  },
  {
    name: 'a flag without its value',
    item: 'baseline',
    build: ({ db }) => ['import', '--db', db, '--layer', 'areas', '--id-field', 'ID', '--file'],
    exit: 2,
    message: 'import: --file needs a value <f>',
  },
  {
    name: 'import of a file that does not exist',
    item: 'baseline',
    build: ({ dir, db }) => areas(db, join(dir, 'nowhere.geojson')),
    exit: 2,
    message: 'nowhere.geojson cannot be opened: it does not exist',
  },
]

export const CASES: HostileCase[] = [...ZIP_CASES, ...KML_CASES, ...GEOJSON_CASES, ...COMMAND_CASES]
