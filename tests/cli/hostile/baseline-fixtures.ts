import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import type { Position } from '../../../src/shared/domain/geometry'
import { writeDbf, writeShp } from '../../unit/import/helpers/shapefile-writer'
import { craftZip, zerosDeflate } from '../../unit/import/helpers/zip-bomb'

export { craftZip, zerosDeflate }

const MIB = 1024 * 1024

/** Writes `content` as `<dir>/<name>` and returns the path. */
export function put(dir: string, name: string, content: string | Uint8Array | object): string {
  const file = join(dir, name)
  writeFileSync(file, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content))
  return file
}

/** A small square near the sample city (Livermore), exterior counter-clockwise, closed. */
export function square(x = -121.9, y = 37.5, s = 0.01): Position[][] {
  return [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ]
}

/** A FeatureCollection of one feature with `geometry` (any JSON, on purpose) and an id field `ID`. */
export function featureCollection(geometry: unknown, properties: Record<string, unknown> = { ID: 'Z9' }): object {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] }
}

/** The three parts of a one-square Shapefile layer with field `ID`; `project` maps lon/lat to the stored coordinates. */
export function shapefileParts(project: (p: Position) => Position = (p) => p, id = 'Z9'): Record<string, Uint8Array> {
  const { shp, shx } = writeShp([{ kind: 'polygon', polygons: [square()] }], project)
  const dbf = writeDbf([{ name: 'ID', type: 'C', length: 4 }], [{ ID: id }])
  return { 'layer.shp': shp, 'layer.shx': shx, 'layer.dbf': dbf }
}

export const WGS84_PRJ = new TextEncoder().encode(
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
)

/** Walks a zip's central directory and calls `fn` with each central record's and local header's offsets. */
function eachEntry(zip: Uint8Array, fn: (central: number, local: number) => void): void {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const eocd = zip.length - 22
  const count = v.getUint16(eocd + 10, true)
  let p = v.getUint32(eocd + 16, true)
  for (let n = 0; n < count; n++) {
    fn(p, v.getUint32(p + 42, true))
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true)
  }
}

/** A normal zip with the "encrypted" general-purpose flag (bit 0) set on every entry, central and local. */
export function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice()
  const v = new DataView(out.buffer)
  eachEntry(out, (central, local) => {
    v.setUint16(central + 8, v.getUint16(central + 8, true) | 1, true)
    v.setUint16(local + 6, v.getUint16(local + 6, true) | 1, true)
  })
  return out
}

/** A normal zip whose entries claim compression method `method` (e.g. 12, bzip2), central and local. */
export function withMethod(zip: Uint8Array, method: number): Uint8Array {
  const out = zip.slice()
  const v = new DataView(out.buffer)
  eachEntry(out, (central, local) => {
    v.setUint16(central + 10, method, true)
    v.setUint16(local + 8, method, true)
  })
  return out
}

/** A normal zip whose end record claims 0xffff entries, the ZIP64 marker. */
export function markZip64(zip: Uint8Array): Uint8Array {
  const out = zip.slice()
  const v = new DataView(out.buffer)
  v.setUint16(out.length - 22 + 8, 0xffff, true)
  v.setUint16(out.length - 22 + 10, 0xffff, true)
  return out
}

/** A zip of `n` empty entries named by `name(i)`, stored (no compression): many entries, few bytes. */
export function manyEntries(n: number, name: (i: number) => string): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const empty = new Uint8Array(0)
  for (let i = 0; i < n; i++) files[name(i)] = empty
  return zipSync(files, { level: 0 })
}

const streams = new Map<number, Uint8Array>()

/** A zip whose one entry `name` inflates to `mib` MiB of zeros while its headers declare `declared` bytes (the stream is built once per size). */
export function bombZip(name: string, mib: number, declared: number, others: Record<string, Uint8Array> = {}): Uint8Array {
  let stream = streams.get(mib)
  if (!stream) streams.set(mib, (stream = zerosDeflate(mib)))
  return craftZip(name, stream, declared, others)
}

export const BOMB_MIB = 600
export const BOMB_BYTES = BOMB_MIB * MIB

/** A KML document with one polygon placemark; `prologue` goes before the <kml> root, `name` is the placemark's name (raw XML). */
export function kmlDoc(opts: { prologue?: string; name?: string } = {}): string {
  const coords = square()[0].map(([x, y]) => `${x},${y}`).join(' ')
  return `<?xml version="1.0" encoding="UTF-8"?>
${opts.prologue ?? ''}<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>${opts.name ?? 'City'}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>
`
}

/** The classic "billion laughs": ten levels of entities, each ten times the one below. */
export function billionLaughs(): string {
  const lines = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) lines.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return `<!DOCTYPE kml [\n${lines.join('\n')}\n]>\n`
}

/** A tiny SQLite-looking file that is damaged: the real plan's first pages, then garbage. */
export function damaged(plan: Uint8Array): Uint8Array {
  const out = plan.slice()
  // Keep the 100-byte header (so it still looks like SQLite) and overwrite the schema page and what follows.
  for (let i = 100; i < out.length; i++) out[i] = (i * 131) & 0xff
  return out
}

export const encode = (s: string): Uint8Array => new TextEncoder().encode(s)
