import type { AreaGeometry, Position } from '../../shared/domain'
import type { ExportFormat } from './formats'
import { COVER_ROLE_WORDS } from '../../shared/publish/public-dataset'
import { flatPublicLayers, type FlatFeature, type FlatLayer, type PublicValue } from './public-fields'

/** Text content and attribute values: the five characters XML gives a meaning, and nothing else. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/**
 * Characters XML 1.0 does not allow at all, not even escaped (C0 controls other than tab and line
 * breaks, lone surrogates, U+FFFE/U+FFFF): a reader refuses the whole file over one, so they are
 * left out of the text rather than written.
 */
function xmlText(s: string): string {
  return xmlEscape(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''))
}

function coordinates(ring: Position[]): string {
  return ring.map((p) => `${p[0]},${p[1]}`).join(' ')
}

function polygonXml(rings: Position[][], indent: string): string {
  const [outer, ...holes] = rings
  const lines = [`${indent}<Polygon>`, `${indent}  <outerBoundaryIs><LinearRing><coordinates>${coordinates(outer)}</coordinates></LinearRing></outerBoundaryIs>`]
  for (const h of holes) lines.push(`${indent}  <innerBoundaryIs><LinearRing><coordinates>${coordinates(h)}</coordinates></LinearRing></innerBoundaryIs>`)
  lines.push(`${indent}</Polygon>`)
  return lines.join('\n')
}

/** Rings as published (RFC 7946: shells counter-clockwise, which KML readers also expect); several parts as a MultiGeometry. */
function geometryXml(g: AreaGeometry, indent: string): string {
  if (g.type === 'Polygon') return polygonXml(g.coordinates, indent)
  return [`${indent}<MultiGeometry>`, ...g.coordinates.map((p) => polygonXml(p, `${indent}  `)), `${indent}</MultiGeometry>`].join('\n')
}

type Row = Record<string, PublicValue>

function rowOf(layer: FlatLayer, f: FlatFeature): Row {
  return Object.fromEntries(layer.fields.map((field, i) => [field.name, f.values[i]]))
}

const has = (v: PublicValue): v is string | number => v !== null && String(v).trim() !== ''

function person(r: Row, prefix: string): string | null {
  const who = [r[`${prefix}_rank`], r[`${prefix}_name`]].filter(has).join(' ')
  if (!who) return null
  return [who, r[`${prefix}_email`], r[`${prefix}_phone`]].filter(has).join(', ')
}

/**
 * What a Google Earth balloon shows: the same facts as the fields, as lines a resident reads.
 * KML descriptions are HTML, so each line is HTML-escaped and the lines joined by <br>;
 * the whole is then XML-escaped like any other text.
 */
function description(layer: FlatLayer, r: Row): string {
  const lines: string[] = []
  if (layer.name === 'neighborhoods') lines.push(`Area Command: ${r.area_name ?? r.area_id}`)
  const commander = person(r, 'commander')
  if (commander) lines.push(`Area Commander: ${commander}`)
  else if (layer.name === 'neighborhoods') lines.push(`No Area Commander; contact ${r.department_name} at ${r.department_phone}`)
  else lines.push('No Area Commander')
  if (layer.name === 'neighborhoods') {
    const officers = has(r.officers) ? String(r.officers).split('; ') : []
    const role = r.cover_role as keyof typeof COVER_ROLE_WORDS | null
    const cover = role && role !== 'department' ? person(r, 'cover') : null
    lines.push(
      officers.length > 0
        ? `Neighborhood officers: ${officers.join('; ')}`
        : cover
          ? `No neighborhood officer assigned at present; contact ${COVER_ROLE_WORDS[role!] ?? role}: ${cover}`
          : `No neighborhood officer assigned at present; contact ${r.department_name} at ${r.department_phone}`,
    )
    lines.push(`Emergency: ${r.department_emergency}`)
  }
  lines.push(`Plan version ${r.version}, effective ${r.effective_date}`)
  return lines.map(xmlEscape).join('<br>')
}

function placemarkXml(layer: FlatLayer, f: FlatFeature): string {
  const r = rowOf(layer, f)
  const data = layer.fields.map((field, i) => {
    const v = f.values[i]
    return `        <Data name="${xmlText(field.name)}"><value>${v === null ? '' : xmlText(String(v))}</value></Data>`
  })
  return [
    '    <Placemark>',
    `      <name>${xmlText(String(r.name ?? f.id))}</name>`,
    `      <description>${xmlText(description(layer, r))}</description>`,
    '      <ExtendedData>',
    ...data,
    '      </ExtendedData>',
    geometryXml(f.geometry, '      '),
    '    </Placemark>',
  ].join('\n')
}

/**
 * `.kml`: KML 2.2 for Google Earth, one Document with a Folder per layer (areas, then
 * neighborhoods), each unit a Placemark with its name, a readable description, every public field
 * as ExtendedData and its boundary. The public dataset carries no colors, so no Style is written
 * and each viewer uses its own.
 */
export const KML: ExportFormat = {
  label: 'KML (.kml)',
  endings: ['.kml'],
  paths: (outFile) => [outFile],
  render(layers, meta) {
    const folders = flatPublicLayers(layers).map((layer) =>
      ['  <Folder>', `    <name>${layer.name}</name>`, ...layer.features.map((f) => placemarkXml(layer, f)), '  </Folder>'].join('\n'),
    )
    const title = `${meta.department.name}: Area Commands and neighborhoods, plan version ${meta.version} (effective ${meta.effectiveDate})`
    return [
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        '<Document>',
        `  <name>${xmlText(title)}</name>`,
        ...folders,
        '</Document>',
        '</kml>',
        '',
      ].join('\n'),
    ]
  },
}
