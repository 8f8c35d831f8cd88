/**
 * The inputs of bench/import, written into a folder (never committed: together ~150 MB on disk,
 * ~1 GB uncompressed). Fixed layouts, no randomness, so every run reads the same bytes:
 *
 * - geojson-50mb.geojson: 2,000 Area Commands, each a 1,000-vertex square of a grid (~50 MB).
 * - small-200k.geojson: 200,000 small squares tiling a grid, each its own Area Command (a parcel-like layer).
 * - parcels-480mb.zip: a zipped Shapefile of 900,000 twenty-vertex parcels tiling a grid whose .shp, .dbf and
 *   .prj uncompress to ~480 MB (under the 500 MB unzip limit; the zip itself stays under the
 *   100 MB file limit because the coordinates sit on a coarse binary grid and deflate well).
 * - placemarks-450mb.kmz: a KMZ whose doc.kml is ~450 MB of 394,000 placemarks with the same parcels.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { Zip, ZipDeflate } from 'fflate'

export interface BenchInput {
  key: string
  file: string
  /** What the bench prints as the input's name. */
  label: string
  idField: string
}

/** Writes through a stream, waiting when it is full, so the generator itself stays small in memory. */
class Sink {
  private readonly out
  private pending: Buffer[] = []
  private size = 0
  constructor(file: string) {
    this.out = createWriteStream(file)
  }
  async write(chunk: Uint8Array | string): Promise<void> {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    this.pending.push(b)
    this.size += b.length
    if (this.size >= 1 << 20) await this.flush()
  }
  async flush(): Promise<void> {
    if (this.size === 0) return
    const b = Buffer.concat(this.pending)
    this.pending = []
    this.size = 0
    if (!this.out.write(b)) await new Promise<void>((r) => this.out.once('drain', () => r()))
  }
  async close(): Promise<void> {
    await this.flush()
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())))
  }
}

const fixed = (v: number, d = 7): string => v.toFixed(d)

/**
 * The square cell (col, row) of a grid of `cell` x `cell` units of 1e-7 degree, each side cut into
 * `perSide` edges, counter-clockwise and closed. Neighbours compute their shared side from the same
 * integers, so they share every vertex exactly: the layer tiles like real beats or parcels.
 */
function cellRing(col: number, row: number, cell: number, perSide: number): string[] {
  const x0 = -880_000_000 + col * cell
  const y0 = 410_000_000 + row * cell
  const at = (i: number) => Math.round((i * cell) / perSide)
  const pts: [number, number][] = []
  for (let i = 0; i < perSide; i++) pts.push([x0 + at(i), y0])
  for (let i = 0; i < perSide; i++) pts.push([x0 + cell, y0 + at(i)])
  for (let i = 0; i < perSide; i++) pts.push([x0 + cell - at(i), y0 + cell])
  for (let i = 0; i < perSide; i++) pts.push([x0, y0 + cell - at(i)])
  pts.push(pts[0])
  const deg = (v: number) => (v / 1e7).toFixed(7)
  return pts.map(([x, y]) => `[${deg(x)},${deg(y)}]`)
}

async function writeGeoJson(file: string, count: number, perSide: number, cols: number, cell: number): Promise<void> {
  const s = new Sink(file)
  await s.write('{"type":"FeatureCollection","features":[\n')
  for (let i = 0; i < count; i++) {
    const coords = cellRing(i % cols, Math.floor(i / cols), cell, perSide).join(',')
    await s.write(`${i ? ',\n' : ''}{"type":"Feature","properties":{"ID":"A${i}","NAME":"Unit ${i}","ZONE":"Z${i % 17}"},"geometry":{"type":"Polygon","coordinates":[[${coords}]]}}`)
  }
  await s.write('\n]}\n')
  await s.close()
}

/**
 * Parcel k: a square cell of 2^-12 degree on a 1,000-column grid, 5 edges a side (20 vertices and
 * the closing one), clockwise as a Shapefile shell is. The cells tile (neighbours share their
 * vertices) and sit on a binary grid, so the doubles deflate well.
 */
function parcel(k: number): number[][] {
  const cols = 1000
  const step = 2 ** -12
  const x0 = -88 + (k % cols) * step
  const y0 = 41 + Math.floor(k / cols) * step
  const d = step / 5
  const pts: number[][] = []
  for (let i = 0; i < 5; i++) pts.push([x0, y0 + i * d])
  for (let i = 0; i < 5; i++) pts.push([x0 + i * d, y0 + step])
  for (let i = 0; i < 5; i++) pts.push([x0 + step, y0 + step - i * d])
  for (let i = 0; i < 5; i++) pts.push([x0 + step - i * d, y0])
  pts.push(pts[0])
  return pts
}

const PRJ_WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

interface DbfField { name: string; type: 'C' | 'N'; length: number; value: (k: number) => string }

const DBF_FIELDS: DbfField[] = [
  { name: 'PARCEL_ID', type: 'C', length: 12, value: (k) => `P${String(k).padStart(8, '0')}` },
  { name: 'AREA_ID', type: 'C', length: 6, value: (k) => `D${Math.floor(k / 40000)}` },
  { name: 'OWNER', type: 'C', length: 40, value: (k) => `Owner of parcel ${k}` },
  { name: 'ADDRESS', type: 'C', length: 60, value: (k) => `${k % 9000} W Example Street Unit ${k % 7}` },
  { name: 'ZONING', type: 'C', length: 10, value: (k) => `RS-${k % 5}` },
  { name: 'LAND_VAL', type: 'N', length: 12, value: (k) => String((k * 37) % 900000) },
]

async function zipFiles(file: string, parts: { name: string; write: (push: (chunk: Uint8Array, last?: boolean) => Promise<void>) => Promise<void> }[]): Promise<void> {
  const s = new Sink(file)
  const queue: Uint8Array[] = []
  let failed: Error | null = null
  const zip = new Zip((err, data) => {
    if (err) failed = err
    else queue.push(data)
  })
  const drain = async () => {
    if (failed) throw failed
    while (queue.length) await s.write(queue.shift()!)
  }
  for (const p of parts) {
    const entry = new ZipDeflate(p.name, { level: 6 })
    zip.add(entry)
    await p.write(async (chunk, last = false) => {
      entry.push(chunk, last)
      await drain()
    })
  }
  zip.end()
  await drain()
  await s.close()
}

/** Buffers small writes into ~1 MB chunks before they are deflated. */
function chunked(push: (chunk: Uint8Array, last?: boolean) => Promise<void>) {
  let buf = Buffer.alloc(1 << 20)
  let at = 0
  return {
    async put(b: Uint8Array): Promise<void> {
      if (at + b.length > buf.length) {
        await push(buf.subarray(0, at))
        buf = Buffer.alloc(Math.max(1 << 20, b.length))
        at = 0
      }
      buf.set(b, at)
      at += b.length
    },
    async end(): Promise<void> {
      await push(buf.subarray(0, at), true)
    },
  }
}

async function writeShapefileZip(file: string, count: number): Promise<void> {
  const verts = 21
  const contentLen = 44 + 4 + verts * 16
  const shpLen = 100 + count * (8 + contentLen)
  const header = (len: number): Buffer => {
    const h = Buffer.alloc(100)
    h.writeInt32BE(9994, 0)
    h.writeInt32BE(len / 2, 24)
    h.writeInt32LE(1000, 28)
    h.writeInt32LE(5, 32)
    h.writeDoubleLE(-88, 36)
    h.writeDoubleLE(41, 44)
    h.writeDoubleLE(-87.75, 52)
    h.writeDoubleLE(41.25, 60)
    return h
  }
  const recordLen = 1 + DBF_FIELDS.reduce((s, f) => s + f.length, 0)
  const headerLen = 32 + DBF_FIELDS.length * 32 + 1
  await zipFiles(file, [
    {
      name: 'parcels.shp',
      async write(push) {
        const c = chunked(push)
        await c.put(header(shpLen))
        for (let k = 0; k < count; k++) {
          const pts = parcel(k)
          const r = Buffer.alloc(8 + contentLen)
          r.writeInt32BE(k + 1, 0)
          r.writeInt32BE(contentLen / 2, 4)
          r.writeInt32LE(5, 8)
          const xs = pts.map((p) => p[0])
          const ys = pts.map((p) => p[1])
          r.writeDoubleLE(Math.min(...xs), 12)
          r.writeDoubleLE(Math.min(...ys), 20)
          r.writeDoubleLE(Math.max(...xs), 28)
          r.writeDoubleLE(Math.max(...ys), 36)
          r.writeInt32LE(1, 44)
          r.writeInt32LE(verts, 48)
          r.writeInt32LE(0, 52)
          pts.forEach((p, i) => {
            r.writeDoubleLE(p[0], 56 + i * 16)
            r.writeDoubleLE(p[1], 64 + i * 16)
          })
          await c.put(r)
        }
        await c.end()
      },
    },
    {
      name: 'parcels.dbf',
      async write(push) {
        const c = chunked(push)
        const h = Buffer.alloc(headerLen)
        h[0] = 3
        h.writeUInt32LE(count, 4)
        h.writeUInt16LE(headerLen, 8)
        h.writeUInt16LE(recordLen, 10)
        DBF_FIELDS.forEach((f, i) => {
          h.write(f.name, 32 + i * 32, 'latin1')
          h[32 + i * 32 + 11] = f.type.charCodeAt(0)
          h[32 + i * 32 + 16] = f.length
        })
        h[headerLen - 1] = 0x0d
        await c.put(h)
        for (let k = 0; k < count; k++) {
          const rec = ' ' + DBF_FIELDS.map((f) => (f.type === 'N' ? f.value(k).padStart(f.length) : f.value(k).padEnd(f.length))).join('')
          await c.put(Buffer.from(rec, 'latin1'))
        }
        await c.put(Buffer.from([0x1a]))
        await c.end()
      },
    },
    {
      name: 'parcels.prj',
      async write(push) {
        await push(Buffer.from(PRJ_WGS84), true)
      },
    },
  ])
}

async function writeKmz(file: string, count: number): Promise<void> {
  await zipFiles(file, [
    {
      name: 'doc.kml',
      async write(push) {
        const c = chunked(push)
        await c.put(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Parcels</name>\n'))
        for (let k = 0; k < count; k++) {
          // KML rings go counter-clockwise; the shapefile parcel is clockwise.
          const coords = parcel(k).reverse().map((p) => `${fixed(p[0], 8)},${fixed(p[1], 8)},0`).join(' ')
          const data = DBF_FIELDS.map((f) => `<Data name="${f.name}"><value>${f.value(k)}</value></Data>`).join('')
          await c.put(
            Buffer.from(
              `<Placemark><name>Parcel ${k}</name><description>Parcel ${k} of the generated layer</description><ExtendedData>${data}</ExtendedData>` +
                `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n`,
            ),
          )
        }
        await c.put(Buffer.from('</Document></kml>\n'))
        await c.end()
      },
    },
  ])
}

export const INPUTS: (BenchInput & { make: (file: string) => Promise<void> })[] = [
  { key: 'geojson-50mb', file: 'geojson-50mb.geojson', label: '50 MB GeoJSON (2,000 areas x 1,000 vertices)', idField: 'ID', make: (f) => writeGeoJson(f, 2000, 250, 50, 200_000) },
  { key: 'small-200k', file: 'small-200k.geojson', label: '200,000 small features (GeoJSON)', idField: 'ID', make: (f) => writeGeoJson(f, 200_000, 1, 500, 10_000) },
  { key: 'shapefile-480mb', file: 'parcels-480mb.zip', label: 'zipped Shapefile, 480 MB unzipped (900,000 parcels)', idField: 'PARCEL_ID', make: (f) => writeShapefileZip(f, 900_000) },
  { key: 'kmz-450mb', file: 'placemarks-450mb.kmz', label: 'KMZ, 450 MB doc.kml (394,000 placemarks)', idField: 'PARCEL_ID', make: (f) => writeKmz(f, 394_000) },
]

/** Makes the inputs missing from `dir` (a finished file is renamed into place, so a stopped run leaves none half-written). */
export async function ensureInputs(dir: string, keys: string[], log: (s: string) => void): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (const input of INPUTS.filter((i) => keys.includes(i.key))) {
    const target = path.join(dir, input.file)
    if (existsSync(target)) continue
    const t = performance.now()
    const partial = `${target}.partial`
    await input.make(partial)
    renameSync(partial, target)
    log(`generated ${input.file}: ${(statSync(target).size / 2 ** 20).toFixed(1)} MB on disk in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
}
