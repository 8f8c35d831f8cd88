import { Deflate, zipSync } from 'fflate'

/**
 * A raw deflate stream of `mib` MiB of zeros, built in milliseconds: one sync-flushed 1 MiB block
 * (about 1 KB) repeated, then an empty final block. Each block only refers back to zeros, so the
 * concatenation is a valid stream.
 */
export function zerosDeflate(mib: number): Uint8Array {
  const parts: Uint8Array[] = []
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk))
  d.push(new Uint8Array(1024 * 1024))
  d.flush(true)
  const block = concat(parts)
  const out = new Uint8Array(block.length * mib + 2)
  for (let i = 0; i < mib; i++) out.set(block, i * block.length)
  out.set([0x03, 0x00], block.length * mib) // fixed-Huffman final block holding only end-of-block
  return out
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** A zip whose entry `name` holds `data` (raw deflate) while its headers declare `declaredSize`; plus a real .dbf. */
export function craftZip(name: string, data: Uint8Array, declaredSize: number, others: Record<string, Uint8Array> = {}): Uint8Array {
  const enc = new TextEncoder()
  const nameBytes = enc.encode(name)
  const local = new Uint8Array(30 + nameBytes.length)
  const lv = new DataView(local.buffer)
  lv.setUint32(0, 0x04034b50, true)
  lv.setUint16(4, 20, true)
  lv.setUint16(8, 8, true)
  lv.setUint32(18, data.length, true)
  lv.setUint32(22, declaredSize, true)
  lv.setUint16(26, nameBytes.length, true)
  local.set(nameBytes, 30)
  // The other entries come from fflate; their local records and central entries are re-based after ours.
  const base = zipSync(others, { level: 0 })
  const bv = new DataView(base.buffer)
  const eocdAt = base.length - 22
  const cdSize = bv.getUint32(eocdAt + 12, true)
  const cdOffset = bv.getUint32(eocdAt + 16, true)
  const count = bv.getUint16(eocdAt + 10, true)
  const shift = local.length + data.length
  const otherLocals = base.subarray(0, cdOffset)
  const otherCentral = base.slice(cdOffset, cdOffset + cdSize)
  const ocv = new DataView(otherCentral.buffer)
  for (let p = 0; p < otherCentral.length; ) {
    ocv.setUint32(p + 42, ocv.getUint32(p + 42, true) + shift, true)
    p += 46 + ocv.getUint16(p + 28, true) + ocv.getUint16(p + 30, true) + ocv.getUint16(p + 32, true)
  }
  const central = new Uint8Array(46 + nameBytes.length)
  const cv = new DataView(central.buffer)
  cv.setUint32(0, 0x02014b50, true)
  cv.setUint16(4, 20, true)
  cv.setUint16(6, 20, true)
  cv.setUint16(10, 8, true)
  cv.setUint32(20, data.length, true)
  cv.setUint32(24, declaredSize, true)
  cv.setUint16(28, nameBytes.length, true)
  cv.setUint32(42, 0, true)
  central.set(nameBytes, 46)
  const eocd = new Uint8Array(22)
  const ev = new DataView(eocd.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, count + 1, true)
  ev.setUint16(10, count + 1, true)
  ev.setUint32(12, central.length + otherCentral.length, true)
  ev.setUint32(16, shift + otherLocals.length, true)
  return concat([local, data, otherLocals, central, otherCentral, eocd])
}
