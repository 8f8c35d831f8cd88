import type { ImportLayer } from '../../../../shared/ipc/features/import-outputs'

/** Singular and plural of what one unit of each layer is called in the dialog. */
export const LAYER_WORDS: Record<ImportLayer, [string, string]> = {
  areas: ['Area Command', 'Area Commands'],
  neighborhoods: ['neighborhood', 'neighborhoods'],
  city: ['city limit', 'city limits'],
}

export const FORMAT_LABEL = { geojson: 'GeoJSON', shapefile: 'zipped Shapefile', kml: 'KML', geopackage: 'GeoPackage' } as const

/** Common coordinate systems offered for files that name none. */
export const CRS_CHOICES = [
  { value: 'EPSG:2227', label: 'California State Plane III, US feet (NAD83)' },
  { value: 'EPSG:26910', label: 'UTM zone 10N, meters (NAD83)' },
  { value: 'EPSG:3857', label: 'Web Mercator, meters' },
  { value: 'EPSG:4326', label: 'WGS84 longitude/latitude' },
]
