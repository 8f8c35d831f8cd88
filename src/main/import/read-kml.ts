import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom'
import { kml } from '@tmcw/togeojson'
import { collectFields } from './collect-fields'
import { ImportError } from './import-error'
import type { RawFeature, RawGeometry, RawLayer } from './types'
import { showValue } from '../../shared/text/bounded'

/** Styling that togeojson copies into properties; it is not an attribute a user would pick as an id or name. */
const STYLE_KEYS = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|visibility|icon|icon-.*|label-.*)$/

type Geo = { type: string; coordinates?: unknown; geometries?: Geo[] }

/** KML writes a multi-part area as MultiGeometry (a GeometryCollection here); only its polygons are an area. */
function polygonsOf(g: Geo | null): { geometry: RawGeometry | null; droppedOther: boolean } {
  if (!g) return { geometry: null, droppedOther: false }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return { geometry: g, droppedOther: false }
  if (g.type !== 'GeometryCollection') return { geometry: null, droppedOther: true }
  const polys: unknown[] = []
  let droppedOther = false
  for (const part of g.geometries ?? []) {
    const inner = polygonsOf(part)
    droppedOther ||= inner.droppedOther
    const ig = inner.geometry
    if (ig?.type === 'Polygon') polys.push(ig.coordinates)
    else if (ig?.type === 'MultiPolygon') polys.push(...(ig.coordinates as unknown[]))
  }
  if (polys.length === 0) return { geometry: null, droppedOther: true }
  return { geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }, droppedOther }
}

function parseXml(file: string, text: string): XmlDocument {
  // Refused before any parser sees it: no entity expansion, no external file or URL ever read.
  // Only the prologue can declare entities; HTML inside a CDATA description may mention DOCTYPE harmlessly.
  const rootAt = text.search(/<([\w-]+:)?kml[\s>]/)
  if (/<!DOCTYPE|<!ENTITY/i.test(rootAt >= 0 ? text.slice(0, rootAt) : text)) {
    throw new ImportError(
      'kml-doctype',
      `${file} declares a DOCTYPE or ENTITY; KML files never need one and such files are refused for safety`,
      { file },
    )
  }
  let first: string | null = null
  try {
    const parser = new DOMParser({
      onError: (level: string, message: string) => {
        if (level === 'warning') return
        first ??= message
        if (level === 'error') throw new Error(message)
      },
    })
    return parser.parseFromString(text, 'text/xml')
  } catch (e) {
    const loc = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator
    const line = loc?.lineNumber
    const reason = (first ?? String((e as Error).message ?? e)).split('\n')[0].trim()
    throw new ImportError(
      'malformed-kml',
      `${file} is not valid XML: ${showValue(reason)}${line ? ` at line ${line}, column ${loc?.columnNumber ?? '?'}` : ''}`,
      { file, ...(line ? { line } : {}) },
    )
  }
}

/** KML: always WGS84 lon/lat; Placemarks with polygons become features, others are skipped with a notice. */
export function readKml(file: string, bytes: Uint8Array): RawLayer {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  const doc = parseXml(file, text)
  if (!doc.documentElement || doc.documentElement.localName !== 'kml') {
    throw new ImportError('malformed-kml', `${file} is XML but not KML (its root element is <${showValue(doc.documentElement?.localName ?? '?', 60)}>)`, { file })
  }
  const collection = kml(doc as unknown as Parameters<typeof kml>[0])
  const features: RawFeature[] = []
  let skipped = 0
  let partial = 0
  collection.features.forEach((f, index) => {
    const { geometry, droppedOther } = polygonsOf(f.geometry as Geo | null)
    if (!geometry) {
      skipped++
      return
    }
    if (droppedOther) partial++
    const properties: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (STYLE_KEYS.test(k)) continue
      // togeojson wraps CDATA/HTML descriptions as { '@type': 'html', value }; the text is what a user picks from.
      const wrapped = typeof v === 'object' && v !== null && '@type' in v && 'value' in v
      properties[k] = wrapped ? (v as { value: unknown }).value : v
    }
    features.push({ index, properties, geometry })
  })
  if (features.length === 0) {
    throw new ImportError(
      'no-polygons',
      `${file} has no polygons (${collection.features.length} placemark${collection.features.length === 1 ? '' : 's'}, none with a Polygon); only polygon layers can be imported`,
      { file },
    )
  }
  const notices: string[] = []
  if (skipped > 0) notices.push(`${file}: ${skipped} placemark${skipped === 1 ? ' has' : 's have'} no polygon (points or lines) and ${skipped === 1 ? 'was' : 'were'} skipped`)
  if (partial > 0) notices.push(`${file}: points or lines inside ${partial} placemark${partial === 1 ? '' : 's'} were dropped; their polygons were kept`)
  return { format: 'kml', fields: collectFields(features), features, crs: null, lonLatOnly: true, notices }
}
