import type { AreaGeometry } from '../../shared/domain'
import type { PublicAreaProperties, PublicCover, PublicNeighborhoodProperties, PublicOfficer } from '../../shared/publish/public-dataset'
import type { PublicLayers } from './formats'

/**
 * The public dataset as flat tables, for the formats whose attributes are one value per column
 * (GeoPackage, Shapefile, KML). Every such format uses these names and values, so a field means
 * the same thing whichever file a department opens; a format with shorter names (dBase's 10
 * characters) maps from these and writes the mapping beside the file.
 */
/** 'date' values are 'YYYY-MM-DD' text; a format with a date type (GeoPackage DATE, dBase D) stores them as dates. */
export type PublicFieldType = 'text' | 'integer' | 'date'

export interface PublicField {
  name: string
  type: PublicFieldType
  /** What the column holds, for a format's field descriptions or mapping file. */
  help: string
}

export type PublicValue = string | number | null

export interface FlatFeature {
  /** The unit's id (also the `id` column). */
  id: string
  /** One value per field, in the layer's field order; null where there is nothing (no commander). */
  values: PublicValue[]
  /** WGS84 lon/lat, RFC 7946 winding, 6 decimals: the published geometry unchanged. */
  geometry: AreaGeometry
}

export interface FlatLayer {
  name: 'areas' | 'neighborhoods'
  fields: PublicField[]
  features: FlatFeature[]
}

const COMMANDER_FIELDS: PublicField[] = [
  { name: 'commander_name', type: 'text', help: "the Area Commander's name (empty when the post is vacant)" },
  { name: 'commander_rank', type: 'text', help: "the Area Commander's rank" },
  { name: 'commander_email', type: 'text', help: "the Area Commander's official email" },
  { name: 'commander_phone', type: 'text', help: "the Area Commander's official desk phone" },
]

const VERSION_FIELDS: PublicField[] = [
  { name: 'version', type: 'integer', help: 'the published plan version' },
  { name: 'effective_date', type: 'date', help: 'the date the version takes effect (YYYY-MM-DD)' },
]

export const AREA_FIELDS: PublicField[] = [
  { name: 'id', type: 'text', help: "the Area Command's id" },
  { name: 'name', type: 'text', help: "the Area Command's name" },
  ...COMMANDER_FIELDS,
  ...VERSION_FIELDS,
]

export const NEIGHBORHOOD_FIELDS: PublicField[] = [
  { name: 'id', type: 'text', help: "the neighborhood's id" },
  { name: 'name', type: 'text', help: "the neighborhood's name" },
  { name: 'area_id', type: 'text', help: 'the id of the Area Command it belongs to' },
  { name: 'area_name', type: 'text', help: 'the name of the Area Command it belongs to' },
  ...COMMANDER_FIELDS,
  { name: 'officer_count', type: 'integer', help: 'how many officers adopt the neighborhood' },
  { name: 'officers', type: 'text', help: 'the active adopting officers, "Rank Name, email, phone" separated by "; " (never one on leave)' },
  { name: 'cover_role', type: 'text', help: 'with no active officer, who covers the neighborhood: sergeant, commander or department (empty when an officer does)' },
  { name: 'cover_name', type: 'text', help: "the covering sergeant's or Area Commander's name, or the department's name" },
  { name: 'cover_rank', type: 'text', help: "the covering officer's rank" },
  { name: 'cover_email', type: 'text', help: "the covering officer's official email" },
  { name: 'cover_phone', type: 'text', help: "the covering officer's official desk phone, or the department's non-emergency phone" },
  ...VERSION_FIELDS,
  { name: 'department_name', type: 'text', help: "the department's name" },
  { name: 'department_phone', type: 'text', help: "the department's non-emergency phone (the contact when there is no commander)" },
  { name: 'department_emergency', type: 'text', help: 'the emergency number' },
]

/** One officer on one line of text; parts left empty in the roster are left out rather than shown as ", ,". */
export function officerText(o: PublicOfficer): string {
  const who = [o.rank, o.name].filter((s) => s.trim() !== '').join(' ')
  return [who, o.email, o.phone].filter((s) => s.trim() !== '').join(', ')
}

function commanderValues(c: PublicOfficer | null): PublicValue[] {
  return c ? [c.name, c.rank, c.email, c.phone] : [null, null, null, null]
}

function coverValues(c: PublicCover | null | undefined): PublicValue[] {
  return c ? [c.role, c.name, c.rank, c.email, c.phone] : [null, null, null, null, null]
}

interface Feature<P> {
  properties: P
  geometry: AreaGeometry
}

function featuresOf<P>(text: string): Feature<P>[] {
  return (JSON.parse(text) as { features: Feature<P>[] }).features
}

export function flatAreas(text: string): FlatLayer {
  return {
    name: 'areas',
    fields: AREA_FIELDS,
    features: featuresOf<PublicAreaProperties>(text).map(({ properties: p, geometry }) => ({
      id: p.id,
      values: [p.id, p.name, ...commanderValues(p.commander), p.version, p.effectiveDate],
      geometry,
    })),
  }
}

export function flatNeighborhoods(text: string): FlatLayer {
  return {
    name: 'neighborhoods',
    fields: NEIGHBORHOOD_FIELDS,
    features: featuresOf<PublicNeighborhoodProperties>(text).map(({ properties: p, geometry }) => ({
      id: p.id,
      values: [
        p.id,
        p.name,
        p.areaId,
        p.areaName,
        ...commanderValues(p.commander),
        p.officers.length,
        p.officers.map(officerText).join('; '),
        ...coverValues(p.cover),
        p.version,
        p.effectiveDate,
        p.department.name,
        p.department.nonEmergencyPhone,
        p.department.emergency,
      ],
      geometry,
    })),
  }
}

/** Both published layers, flat: areas first, as a reader lists them. */
export function flatPublicLayers(layers: PublicLayers): FlatLayer[] {
  return [flatAreas(layers.areas), flatNeighborhoods(layers.neighborhoods)]
}
