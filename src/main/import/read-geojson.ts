import { collectFields } from './collect-fields'
import { LayerChecks, type LayerHead } from './finish-layer'
import { ImportError } from './import-error'
import type { Ticker } from './progress'
import { streamFeatureCollection } from './stream-geojson'
import type { RawFeature, RawGeometry, RawLayer } from './types'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: pos - lineStart + 1 }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message
    const m = /at position (\d+)/.exec(msg)
    if (m && Number(m[1]) < text.trimEnd().length) {
      const { line, column } = lineColumn(text, Number(m[1]))
      const reason = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '')
      throw new ImportError('malformed-json', `${file} is not valid JSON: ${reason} at line ${line}, column ${column} (character ${m[1]})`, {
        file,
        line,
      })
    }
    if (m || /end of (JSON )?input|Unterminated/i.test(msg)) {
      const { line } = lineColumn(text, text.length)
      throw new ImportError('malformed-json', `${file} is not valid JSON: it ends early at line ${line} (the file looks truncated)`, {
        file,
        line,
      })
    }
    throw new ImportError('malformed-json', `${file} is not valid JSON: ${msg}`, { file })
  }
}

/** The legacy (2008) GeoJSON `crs` member, which RFC 7946 dropped but exporters still write. */
function legacyCrs(file: string, crs: unknown, notices: string[]): string | null {
  if (crs == null) return null
  if (isObject(crs) && isObject(crs.properties)) {
    if (crs.type === 'name' && typeof crs.properties.name === 'string') return crs.properties.name
    if (crs.type === 'EPSG' && (typeof crs.properties.code === 'number' || typeof crs.properties.code === 'string')) {
      return `EPSG:${crs.properties.code}`
    }
  }
  notices.push(`${file}: its 'crs' member could not be read and was ignored`)
  return null
}

function toRawFeature(file: string, f: unknown, index: number): RawFeature {
  if (!isObject(f) || (f.type !== 'Feature' && f.type !== undefined)) {
    throw new ImportError('malformed-geojson', `${file}: feature ${index} is not a GeoJSON Feature`, { file, feature: index })
  }
  const props = f.properties
  if (props != null && !isObject(props)) {
    throw new ImportError('malformed-geojson', `${file}: feature ${index} has properties that are not an object`, {
      file,
      feature: index,
    })
  }
  const g = f.geometry
  if (g != null && !isObject(g)) {
    throw new ImportError('malformed-geojson', `${file}: feature ${index} has a geometry that is not an object`, {
      file,
      feature: index,
    })
  }
  return { index, properties: { ...(props ?? {}) }, geometry: (g ?? null) as RawGeometry | null }
}

/** FeatureCollection, a single Feature, or a bare Polygon/MultiPolygon. */
export function readGeoJson(file: string, bytes: Uint8Array): RawLayer {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  const doc = parseJson(file, text)
  if (!isObject(doc) || typeof doc.type !== 'string') {
    throw new ImportError('malformed-geojson', `${file} is JSON but not GeoJSON (no 'type' member at the top)`, { file })
  }
  const notices: string[] = []
  const crs = legacyCrs(file, doc.crs, notices)
  let features: RawFeature[]
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) {
      throw new ImportError('malformed-geojson', `${file}: the FeatureCollection has no 'features' list`, { file })
    }
    features = doc.features.map((f, i) => toRawFeature(file, f, i))
  } else if (doc.type === 'Feature') {
    features = [toRawFeature(file, doc, 0)]
  } else {
    features = [{ index: 0, properties: {}, geometry: doc as RawGeometry }]
  }
  return { format: 'geojson', fields: collectFields(features), features, crs, notices }
}

/**
 * A FeatureCollection read feature by feature (stream-geojson.ts), each checked as it is read.
 * Null when the file is not a plain, well-formed FeatureCollection: readGeoJson then reads it
 * whole and words the problem. Refusals come in the whole-file reader's order: a feature that is
 * not a Feature anywhere in the file before the first bad geometry.
 */
export async function readGeoJsonStreaming(file: string, bytes: Uint8Array, ticker: Ticker): Promise<{ head: LayerHead; checks: LayerChecks } | null> {
  const checks = new LayerChecks(file)
  let shapeError: unknown = null
  let geometryError: unknown = null
  const streamed = await streamFeatureCollection(file, bytes, ticker, (f, index) => {
    if (shapeError) return
    let raw: RawFeature
    try {
      raw = toRawFeature(file, f, index)
    } catch (e) {
      shapeError = e
      return
    }
    if (geometryError) return
    try {
      checks.add(raw)
    } catch (e) {
      geometryError = e
    }
  })
  if (!streamed) return null
  if (shapeError) throw shapeError
  const notices: string[] = []
  const crs = legacyCrs(file, streamed.members.crs, notices)
  if (geometryError) throw geometryError
  return { head: { format: 'geojson', fields: checks.fields, crs, notices }, checks }
}
