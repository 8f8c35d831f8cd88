import type { ImportProgress, Ticker } from './progress'

/**
 * Walks a GeoJSON FeatureCollection feature by feature: the bytes are scanned for the extent of
 * each feature (strings and nesting tracked, nothing built), and only that slice is decoded and
 * parsed. The whole document never becomes one string or one object tree, so a 100 MB file costs
 * its features, not three copies of them.
 *
 * Anything that is not a plain, well-formed FeatureCollection makes it give up (`null`): the
 * caller then reads the file whole, as before, which also words every syntax error the way it
 * always has (line, column, "looks truncated").
 */

const WS = new Uint8Array(256)
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1

/** A syntax problem the scan found: the caller falls back to the whole-file reader for its message. */
class NotPlain extends Error {}

const decoder = new TextDecoder('utf-8')

function skipWs(b: Uint8Array, p: number): number {
  while (p < b.length && WS[b[p]]) p++
  return p
}

function stringEnd(b: Uint8Array, p: number): number {
  // p is at the opening quote.
  for (let i = p + 1; i < b.length; i++) {
    const c = b[i]
    if (c === 0x5c) i++
    else if (c === 0x22) return i + 1
  }
  throw new NotPlain()
}

/** The index just after the JSON value at p; iterative, so nesting 100,000 deep costs nothing but the scan. */
function valueEnd(b: Uint8Array, p: number): number {
  const c = b[p]
  if (c === 0x22) return stringEnd(b, p)
  if (c === 0x7b || c === 0x5b) {
    let depth = 0
    for (let i = p; i < b.length; i++) {
      const d = b[i]
      if (d === 0x22) i = stringEnd(b, i) - 1
      else if (d === 0x7b || d === 0x5b) depth++
      else if (d === 0x7d || d === 0x5d) {
        depth--
        if (depth === 0) return i + 1
      }
    }
    throw new NotPlain()
  }
  let i = p
  while (i < b.length && !WS[b[i]] && b[i] !== 0x2c && b[i] !== 0x5d && b[i] !== 0x7d) i++
  if (i === p) throw new NotPlain()
  return i
}

function parseSlice(b: Uint8Array, from: number, to: number): unknown {
  try {
    return JSON.parse(decoder.decode(b.subarray(from, to)))
  } catch {
    throw new NotPlain()
  }
}

export interface StreamedCollection {
  /** The top-level members other than `features` (`type`, `crs`, ...). */
  members: Record<string, unknown>
  count: number
}

/**
 * Calls `each` with every element of the top-level `features` array, in order. Returns null when
 * the document is not a plain FeatureCollection (see above); errors `each` throws pass through.
 */
export async function streamFeatureCollection(
  file: string,
  b: Uint8Array,
  ticker: Ticker,
  each: (feature: unknown, index: number) => void,
): Promise<StreamedCollection | null> {
  const progress = (features: number, bytes: number): ImportProgress => ({ phase: 'reading', features, totalFeatures: null, bytes, totalBytes: b.length })
  try {
    let p = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0
    p = skipWs(b, p)
    if (b[p] !== 0x7b) return null
    p = skipWs(b, p + 1)
    const members: Record<string, unknown> = {}
    let sawFeatures = false
    let count = 0
    if (b[p] === 0x7d) return null
    for (;;) {
      if (b[p] !== 0x22) throw new NotPlain()
      const keyEnd = stringEnd(b, p)
      const key = parseSlice(b, p, keyEnd) as string
      p = skipWs(b, keyEnd)
      if (b[p] !== 0x3a) throw new NotPlain()
      p = skipWs(b, p + 1)
      if (key === 'features' && b[p] === 0x5b) {
        // A second `features` member would replace the first in JSON.parse: leave that to the whole-file reader.
        if (sawFeatures) throw new NotPlain()
        sawFeatures = true
        p = skipWs(b, p + 1)
        if (b[p] === 0x5d) p++
        else {
          for (;;) {
            const end = valueEnd(b, p)
            each(parseSlice(b, p, end), count++)
            if (ticker.due()) await ticker.pause(progress(count, end))
            p = skipWs(b, end)
            if (b[p] === 0x2c) p = skipWs(b, p + 1)
            else if (b[p] === 0x5d) {
              p++
              break
            } else throw new NotPlain()
          }
        }
      } else {
        // `features` that is not a list: the whole-file reader says so in its own words.
        if (key === 'features') throw new NotPlain()
        const end = valueEnd(b, p)
        // JSON.parse keeps the last of repeated keys; so does this.
        members[key] = parseSlice(b, p, end)
        p = end
      }
      p = skipWs(b, p)
      if (b[p] === 0x2c) p = skipWs(b, p + 1)
      else if (b[p] === 0x7d) break
      else throw new NotPlain()
    }
    if (skipWs(b, p + 1) !== b.length) throw new NotPlain()
    if (members.type !== 'FeatureCollection' || !sawFeatures) return null
    ticker.report(progress(count, b.length))
    return { members, count }
  } catch (e) {
    if (e instanceof NotPlain) return null
    throw e
  }
}
