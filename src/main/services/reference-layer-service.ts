import type { ReferenceLayerInfo, ReferenceLayerShapes } from '../../shared/domain/reference-layer'
import type { ReferenceLayerRepo } from '../db/repos/reference-layer-repo'
import { ImportError } from '../import/import-error'
import { parseReferenceBuffer, type ParsedReference } from '../import/parse-reference'
import type { ProjectedCrs } from '../../shared/map/projected-crs'
import { AppError } from './app-error'
import { toAppError } from './import-source'

export interface ReferenceImported {
  layer: ReferenceLayerInfo
  shapes: ReferenceLayerShapes
  notices: string[]
}

/**
 * Street centerline and parcel layers kept with the plan, drawn under it and snapped to while
 * editing. They never enter a change set or the public files: importing or removing one is not
 * an edit of the plan and is not undone with it.
 */
export class ReferenceLayerService {
  constructor(
    private readonly repo: ReferenceLayerRepo,
    /** The coordinate system the plan's own layers came in, if they were projected. */
    private readonly planCrs: () => ProjectedCrs | null = () => null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): ReferenceLayerInfo[] {
    return this.repo.list()
  }

  shapes(id: number): ReferenceLayerShapes {
    const geometries = this.repo.geometries(id)
    if (!geometries) throw this.missing(id)
    return { id, geometries }
  }

  import(file: { name: string; bytes: Uint8Array }, opts: { crs?: string; gpkgLayer?: string } = {}): ReferenceImported {
    let parsed: ParsedReference
    try {
      parsed = this.parse(file, opts)
    } catch (e) {
      throw toAppError(e, file.name)
    }
    const id = this.repo.insert(
      { name: parsed.name, file: parsed.file, kind: parsed.kind, vertices: parsed.vertices, importedAt: this.now().toISOString() },
      parsed.geometries,
    )
    return { layer: this.repo.get(id)!, shapes: { id, geometries: parsed.geometries }, notices: parsed.notices }
  }

  /**
   * A street file exported without its coordinate system (a Shapefile without .prj) usually
   * comes from the same GIS as the plan's own layers: projected coordinates are then read in the
   * plan's system, and the notice says so.
   */
  private parse(file: { name: string; bytes: Uint8Array }, opts: { crs?: string; gpkgLayer?: string }): ParsedReference {
    try {
      return parseReferenceBuffer(file.name, file.bytes, opts)
    } catch (e) {
      const own = this.planCrs()
      if (!(e instanceof ImportError) || e.code !== 'projected-no-crs' || opts.crs || !own) throw e
      const parsed = parseReferenceBuffer(file.name, file.bytes, { ...opts, crs: own.code })
      parsed.notices.unshift(`${parsed.file} names no coordinate system; its coordinates were read in ${own.code}, the system the plan's own layers came in`)
      return parsed
    }
  }

  setVisible(id: number, visible: boolean): ReferenceLayerInfo {
    if (!this.repo.setVisible(id, visible)) throw this.missing(id)
    return this.repo.get(id)!
  }

  remove(id: number): void {
    if (!this.repo.remove(id)) throw this.missing(id)
  }

  private missing(id: number): AppError {
    return new AppError('unknown-reference-layer', `There is no reference layer with id ${id}; it may have been removed already.`)
  }
}
