import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { EpsgRecord } from '../../../../src/main/import/epsg-registry'

export const STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina',
  'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
  'Puerto Rico',
]

/**
 * A State Plane zone's EPSG name: datum, state, the zone's own words and the unit when not metres,
 * e.g. 'NAD83 / Illinois East (ftUS)', 'NAD83(2011) / Alaska zone 1', 'NAD83 / Michigan North (ft)'.
 * State-wide systems that are not State Plane (Albers, Oblique Mercator, county systems) do not match.
 */
const ZONE_NAME = new RegExp(
  `^(NAD83|NAD83\\(2011\\)) / (${STATES.join('|')})` +
    '(?: (?:zone \\d+|North|South|East|West|Central|North Central|South Central|East Central|West Central|Long Island|Mainland|Island|Offshore|Single Zone|(?:&|and) Virgin Is\\.))?' +
    '(?: \\((ftUS|ft)\\))?$',
)

export interface Zone {
  code: number
  name: string
  datum: 'NAD83' | 'NAD83(2011)'
  state: string
  unit: 'm' | 'ftUS' | 'ft'
  /** Near the middle of the zone's area of use, as [lon, lat]. */
  centre: [number, number]
}

function centreOf([north, west, south, east]: [number, number, number, number]): [number, number] {
  // Alaska's Aleutian zone crosses 180°: its west edge is east of its east edge.
  const lon = west <= east ? (west + east) / 2 : (((west + east + 360) / 2 + 180) % 360) - 180
  return [lon, (north + south) / 2]
}

/** Every NAD83 and NAD83(2011) State Plane zone in the registry the app ships (epsg-index), found by name. */
export function statePlaneZones(): Zone[] {
  const all = JSON.parse(readFileSync(createRequire(__filename).resolve('epsg-index/all.json'), 'utf8')) as Record<string, EpsgRecord>
  return Object.values(all).flatMap((r) => {
    const m = r.kind === 'CRS-PROJCRS' ? ZONE_NAME.exec(r.name) : null
    if (!m) return []
    const zone: Zone = { code: Number(r.code), name: r.name, datum: m[1] as Zone['datum'], state: m[2], unit: (m[3] ?? 'm') as Zone['unit'], centre: centreOf(r.bbox!) }
    return [zone]
  })
}
