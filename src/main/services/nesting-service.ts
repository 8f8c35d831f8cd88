import { crosswalkCsv, nestBeats, type CadBeat, type NestingReport } from '../../shared/geo/nesting'
import { buildUnits } from '../import/build-units'
import type { Repos } from '../db/repos'
import { parseLayerBuffer, parseLayerFile, type ParsedLayer } from '../import/parse-layer'
import { toAppError, type ImportSource } from './import-source'
import type { PlanService } from './plan-service'

export interface NestingRequest {
  /** The field holding each CAD beat's id; features sharing an id are one beat. */
  idField: string
  tolerance?: number
  crs?: string
  gpkgLayer?: string
}

export interface NestingResult extends NestingReport {
  file: string
  /** What the reader noticed (merged ids, reprojection, ...). */
  notices: string[]
  /** Whether stored calls for service were counted into the parts. */
  withCalls: boolean
  crosswalk: string
}

/**
 * Do the dispatch (CAD) beats nest in the plan? The CAD layer is read with the import's own
 * parsers (GeoJSON, zipped Shapefile, GeoPackage, KML) and never stored; the plan as stored now
 * (the draft) and its stored calls for service are measured against it.
 */
export class NestingService {
  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
  ) {}

  async check(source: ImportSource, req: NestingRequest): Promise<NestingResult> {
    const opts = { crs: req.crs, gpkgLayer: req.gpkgLayer }
    let layer: ParsedLayer
    try {
      layer = typeof source === 'string' ? await parseLayerFile(source, opts) : await parseLayerBuffer(source.name, source.bytes, opts)
    } catch (e) {
      throw toAppError(e, typeof source === 'string' ? source : source.name)
    }
    let beats: CadBeat[]
    let notices: string[]
    try {
      const built = buildUnits(layer, { idField: req.idField })
      beats = built.units.map((u) => ({ id: u.id, geometry: u.geometry }))
      notices = [...layer.notices, ...built.notices]
    } catch (e) {
      throw toAppError(e, layer.file)
    }
    const withCalls = this.repos.calls.count() > 0
    const report = nestBeats(beats, this.plans.load(), { tolerance: req.tolerance, calls: withCalls ? this.repos.calls.list() : undefined })
    return { ...report, file: layer.file, notices, withCalls, crosswalk: crosswalkCsv(report) }
  }
}
