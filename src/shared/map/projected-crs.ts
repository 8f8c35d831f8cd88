import proj4 from 'proj4'

/**
 * The projected coordinate system the department's own layers came in (say California State
 * Plane zone III, EPSG:2227, in US survey feet). Recorded when areas or neighborhoods are
 * imported from such a file, so the map can show the pointer's x/y as the department's GIS does.
 */
export interface ProjectedCrs {
  /** 'EPSG:2227'. */
  code: string
  /** Its proj4 definition, so the renderer needs no table of codes of its own. */
  proj4: string
}

const UNIT_WORDS: Record<string, string> = { 'us-ft': 'US ft', ft: 'ft', m: 'm', km: 'km' }

/** lon/lat → x/y in the system, with the unit its definition names ('m' when it names none). */
export function toProjected(crs: ProjectedCrs, lon: number, lat: number): { x: number; y: number; unit: string } {
  const [x, y] = proj4('EPSG:4326', crs.proj4, [lon, lat])
  const unit = /\+units=(\S+)/.exec(crs.proj4)?.[1] ?? (/\+to_meter=0\.3048006/.test(crs.proj4) ? 'us-ft' : 'm')
  return { x, y, unit: UNIT_WORDS[unit] ?? unit }
}
