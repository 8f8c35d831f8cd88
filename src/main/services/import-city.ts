import { basename, extname } from 'node:path'
import type { AreaGeometry, CityLimit, Position } from '../../shared/domain'
import { clip } from '../../shared/geo/ops/clip'
import type { ParsedLayer } from '../import/parse-layer'
import { cutText, showList, showValue } from '../../shared/text/bounded'
import { cleanName } from '../../shared/text/safe-text'
import { AppError } from './app-error'

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

const MAX_NAME = 120

/** The city's name as stored: cleaned of control characters and bidi overrides (see cleanName), cut to 120. */
function storable(raw: string, file: string, notices: string[]): string {
  const c = cleanName(raw.trim())
  if (c.changed) notices.push(`${file}: the city name held control characters or bidirectional overrides; they were removed`)
  return cutText(c.text, MAX_NAME)
}

function nameOf(layer: ParsedLayer, nameField: string | undefined, notices: string[]): string {
  if (nameField) {
    if (!layer.fields.includes(nameField)) {
      throw new AppError('unknown-field', `${layer.file} has no field '${showValue(nameField, 60)}'; fields are: ${showList(layer.fields) || 'none'}`, { file: layer.file, field: nameField })
    }
    for (const f of layer.features) {
      const v = f.properties[nameField]
      if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') {
        const name = storable(String(v), layer.file, notices)
        if (name !== '') return name
      }
    }
  }
  // The file's own name stands in; it can hold control characters too.
  return storable(basename(layer.file, extname(layer.file)), layer.file, notices) || 'City limit'
}

/**
 * The city limit is one boundary: every feature of the layer dissolved into one Polygon or
 * MultiPolygon. A layer whose rings the overlay cannot handle (self-intersections) is kept
 * as the plain collection of its polygons, so the validator can still show what is wrong.
 */
export function cityFromLayer(layer: ParsedLayer, nameField: string | undefined, notices: string[]): CityLimit {
  const name = nameOf(layer, nameField, notices)
  const geoms = layer.features.map((f) => f.geometry)
  let geometry: AreaGeometry
  if (geoms.length === 1) geometry = geoms[0]
  else {
    let merged: AreaGeometry | null = null
    try {
      merged = clip('union', [], geoms[0], ...geoms.slice(1))
    } catch {
      merged = null
    }
    if (merged) {
      notices.push(`${layer.file}: ${geoms.length} features were dissolved into one city limit`)
      geometry = merged
    } else {
      notices.push(`${layer.file}: the ${geoms.length} features could not be dissolved (their outlines are not valid polygons); they were kept as the parts of one city limit`)
      geometry = { type: 'MultiPolygon', coordinates: geoms.flatMap(polygonsOf) }
    }
  }
  return { name, sample: false, geometry }
}
