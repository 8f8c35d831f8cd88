import { Inflate } from 'fflate'
import { ImportError, formatMegabytes } from './import-error'
import { showValue } from '../../shared/text/bounded'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD_SIG = 0x06054b50
const CENTRAL_SIG = 0x02014b50
const LOCAL_SIG = 0x04034b50
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one push yields ≤ ~4 MB. */
const PUSH_BYTES = 4096

function corrupt(file: string, what: string): ImportError {
  return new ImportError('zip-corrupt', `${file} is not a readable zip file (${what})`, { file })
}

/** Reads the central directory only: names and declared sizes, no data inflated. */
export function listZip(file: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw corrupt(file, 'no end-of-archive record; the file may be truncated')
  const count = view.getUint16(eocd + 10, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new ImportError('zip-unsupported', `${file} is a ZIP64 archive, which the importer does not read; zip the layer again with a standard zip tool`, {
      file,
    })
  }
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIG) throw corrupt(file, 'damaged central directory')
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    if (p + 46 + nameLen > bytes.length) throw corrupt(file, 'damaged central directory')
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Refuses before inflating anything when the declared sizes add up past the limit. */
export function checkDeclaredSizes(file: string, entries: ZipEntry[], limit: number): void {
  const total = entries.reduce((s, e) => s + e.size, 0)
  if (total > limit) {
    throw new ImportError(
      'zip-too-large',
      `${file} would uncompress to ${formatMegabytes(total)}; the limit is ${formatMegabytes(limit)}, so the zip is refused without unpacking it`,
      { file },
    )
  }
}

/**
 * Inflates the chosen entries, stopping as soon as an entry outgrows its declared size or the
 * running total passes the limit: a header can lie, so the inflater is never trusted to stop.
 */
export function extractEntries(file: string, bytes: Uint8Array, entries: ZipEntry[], limit: number): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out = new Map<string, Uint8Array>()
  let total = 0
  for (const e of entries) {
    if (e.flags & 1) throw new ImportError('zip-unsupported', `${file}: ${showValue(e.name)} is encrypted; remove the password and zip it again`, { file })
    const lp = e.localOffset
    if (lp + 30 > bytes.length || view.getUint32(lp, true) !== LOCAL_SIG) throw corrupt(file, `damaged header for ${showValue(e.name)}`)
    const start = lp + 30 + view.getUint16(lp + 26, true) + view.getUint16(lp + 28, true)
    const end = start + e.compressedSize
    if (end > bytes.length) throw corrupt(file, `${showValue(e.name)} is cut short`)
    const data = bytes.subarray(start, end)
    const tooBig = (): ImportError =>
      new ImportError(
        'zip-too-large',
        `${file}: ${showValue(e.name)} uncompresses to more than ${total > limit ? `the limit of ${formatMegabytes(limit)}` : `the ${e.size} bytes its header declares`}; the zip is refused for safety`,
        { file },
      )
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(file, `${showValue(e.name)} has inconsistent sizes`)
      total += e.size
      if (total > limit) throw tooBig()
      out.set(e.name, data)
      continue
    }
    if (e.method !== 8) {
      throw new ImportError('zip-unsupported', `${file}: ${showValue(e.name)} uses compression method ${e.method}; only stored and deflated entries can be read`, {
        file,
      })
    }
    const result = new Uint8Array(e.size)
    let written = 0
    let overflow = false
    // The running total is a second guard: it cannot pass the limit while every entry keeps to its declared size.
    const inflater = new Inflate((chunk) => {
      total += chunk.length
      if (written + chunk.length > e.size || total > limit) {
        overflow = true
        return
      }
      result.set(chunk, written)
      written += chunk.length
    })
    try {
      for (let i = 0; i < data.length && !overflow; i += PUSH_BYTES) {
        inflater.push(data.subarray(i, Math.min(i + PUSH_BYTES, data.length)), i + PUSH_BYTES >= data.length)
      }
    } catch (err) {
      if (!overflow) throw corrupt(file, `${showValue(e.name)} does not inflate: ${showValue((err as Error).message)}`)
    }
    if (overflow) throw tooBig()
    if (written !== e.size) throw corrupt(file, `${showValue(e.name)} inflates to ${written} bytes, not the ${e.size} its header declares`)
    out.set(e.name, result)
  }
  return out
}
