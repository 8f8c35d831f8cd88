import { zxyToTileId } from 'pmtiles'

/** Unsigned LEB128, as PMTiles directories store their numbers. */
function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80)
    n = Math.floor(n / 0x80)
  }
  out.push(n)
}

export interface PmtilesInput {
  /** 2 = PNG, 1 = MVT (pmtiles TileType). */
  tileType: number
  /** One tile content per zoom/x/y; identical byte arrays (same object) are stored once. */
  tiles: { z: number; x: number; y: number; data: Uint8Array }[]
  metadata?: Record<string, unknown>
  bounds: [number, number, number, number]
}

/**
 * A PMTiles v3 archive (uncompressed directory and tiles, one root directory), written the way
 * the specification lays it out: header, root directory, JSON metadata, tile data. Test use only.
 */
export function writePmtiles(input: PmtilesInput): Uint8Array {
  const contents = new Map<Uint8Array, { offset: number; length: number }>()
  const chunks: Uint8Array[] = []
  let dataLength = 0
  const entries = input.tiles
    .map((t) => {
      let c = contents.get(t.data)
      if (!c) {
        c = { offset: dataLength, length: t.data.length }
        contents.set(t.data, c)
        chunks.push(t.data)
        dataLength += t.data.length
      }
      return { tileId: zxyToTileId(t.z, t.x, t.y), offset: c.offset, length: c.length, runLength: 1 }
    })
    .sort((a, b) => a.tileId - b.tileId)
  // Consecutive tile ids with the same content become one run.
  const runs: typeof entries = []
  for (const e of entries) {
    const last = runs[runs.length - 1]
    if (last && last.offset === e.offset && last.tileId + last.runLength === e.tileId) last.runLength++
    else runs.push({ ...e })
  }
  const dir: number[] = []
  varint(runs.length, dir)
  let lastId = 0
  for (const e of runs) {
    varint(e.tileId - lastId, dir)
    lastId = e.tileId
  }
  for (const e of runs) varint(e.runLength, dir)
  for (const e of runs) varint(e.length, dir)
  runs.forEach((e, i) => varint(i > 0 && e.offset === runs[i - 1].offset + runs[i - 1].length ? 0 : e.offset + 1, dir))
  const meta = new TextEncoder().encode(JSON.stringify(input.metadata ?? {}))
  const header = new Uint8Array(127)
  const v = new DataView(header.buffer)
  header.set(new TextEncoder().encode('PMTiles'), 0)
  header[7] = 3
  const u64 = (at: number, n: number) => {
    v.setUint32(at, n % 2 ** 32, true)
    v.setUint32(at + 4, Math.floor(n / 2 ** 32), true)
  }
  const rootAt = 127
  const metaAt = rootAt + dir.length
  const dataAt = metaAt + meta.length
  u64(8, rootAt)
  u64(16, dir.length)
  u64(24, metaAt)
  u64(32, meta.length)
  u64(40, dataAt)
  u64(48, 0)
  u64(56, dataAt)
  u64(64, dataLength)
  u64(72, entries.length)
  u64(80, runs.length)
  u64(88, contents.size)
  header[96] = 0
  header[97] = 1
  header[98] = 1
  header[99] = input.tileType
  const zs = input.tiles.map((t) => t.z)
  header[100] = Math.min(...zs)
  header[101] = Math.max(...zs)
  const [w, s, e, n] = input.bounds
  v.setInt32(102, Math.round(w * 1e7), true)
  v.setInt32(106, Math.round(s * 1e7), true)
  v.setInt32(110, Math.round(e * 1e7), true)
  v.setInt32(114, Math.round(n * 1e7), true)
  header[118] = header[100]
  v.setInt32(119, Math.round(((w + e) / 2) * 1e7), true)
  v.setInt32(123, Math.round(((s + n) / 2) * 1e7), true)
  const out = new Uint8Array(dataAt + dataLength)
  out.set(header, 0)
  out.set(dir, rootAt)
  out.set(meta, metaAt)
  let at = dataAt
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** The XYZ tiles of zooms lo..hi that cover a lon/lat box. */
export function tilesCovering(bounds: [number, number, number, number], lo: number, hi: number): { z: number; x: number; y: number }[] {
  const [w, s, e, n] = bounds
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z)
  const ty = (lat: number, z: number) => {
    const r = (lat * Math.PI) / 180
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
  }
  const out: { z: number; x: number; y: number }[] = []
  for (let z = lo; z <= hi; z++) for (let x = tx(w, z); x <= tx(e, z); x++) for (let y = ty(n, z); y <= ty(s, z); y++) out.push({ z, x, y })
  return out
}

/** Protocol-buffer varint field helpers for the vector tile below. */
const key = (field: number, wire: number): number[] => {
  const out: number[] = []
  varint(field * 8 + wire, out)
  return out
}
const bytesField = (field: number, body: number[]): number[] => {
  const len: number[] = []
  varint(body.length, len)
  return [...key(field, 2), ...len, ...body]
}
const zigzag = (n: number): number => (n << 1) ^ (n >> 31)

/**
 * A Mapbox vector tile (spec 2.1) with one layer holding one square polygon over the whole
 * tile: enough for the window to decode and fill with the layer's colour. Test use only.
 */
export function squareVectorTile(layerName: string): Uint8Array {
  const E = 4096
  const cmd = (id: number, count: number) => (id & 7) | (count << 3)
  const geometry: number[] = [cmd(1, 1), zigzag(0), zigzag(0), cmd(2, 3), zigzag(E), zigzag(0), zigzag(0), zigzag(E), zigzag(-E), zigzag(0), cmd(7, 1)]
  const packed: number[] = []
  for (const g of geometry) varint(g, packed)
  const feature = [...key(1, 0), 1, ...key(3, 0), 3, ...bytesField(4, packed)]
  const name = [...new TextEncoder().encode(layerName)]
  const extent: number[] = []
  varint(E, extent)
  const layer = [...key(15, 0), 2, ...bytesField(1, name), ...bytesField(2, feature), ...key(5, 0), ...extent]
  return new Uint8Array(bytesField(3, layer))
}
