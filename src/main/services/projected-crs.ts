import proj4 from 'proj4'
import { epsgCodeOf } from '../import/crs'
import type { ProjectedCrs } from '../../shared/map/projected-crs'

/**
 * The projected system of an imported layer ('EPSG:2227'), with the proj4 definition the import
 * resolved it to; null for lon/lat layers and systems given by WKT or proj4 text without a code.
 * Asked after the import read the layer, when resolveCrs has registered the code with proj4.
 */
export function projectedCrsOf(layerCrs: string): ProjectedCrs | null {
  const code = epsgCodeOf(layerCrs)
  if (!code) return null
  const def = proj4.defs(code) as { projName?: string; projStr?: string } | undefined
  if (!def || def.projName === 'longlat' || !def.projStr) return null
  return { code, proj4: def.projStr }
}
