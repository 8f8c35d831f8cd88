import Feature, { type FeatureLike } from 'ol/Feature'
import type Geometry from 'ol/geom/Geometry'
import { Point } from 'ol/geom'
import type VectorSource from 'ol/source/Vector'
import type { AreaGeometry, Finding } from '../../../shared/domain'

/**
 * Keeps the findings layer's features in step with the findings list. A write answers with the
 * list as a delta, so the findings it did not touch are the same objects as before: their
 * features stay (no geometry re-read, no re-index), only added, changed and gone findings are
 * touched, and a focus change re-styles two features. Shown as a fresh rebuild would show them:
 * the first finding of an id (the source keeps one feature per id), drawn in list order.
 */
export class FindingFeatures {
  private shown = new Map<string, Finding>()
  private rank = new Map<string, number>()
  private focusedId: string | null = null

  constructor(
    private readonly source: VectorSource,
    private readonly toGeom: (g: AreaGeometry) => Geometry,
  ) {}

  /** The findings layer's draw order: the list's, as when every feature was made afresh in it. */
  readonly order = (a: FeatureLike, b: FeatureLike): number => (this.rank.get(String(a.getId())) ?? 0) - (this.rank.get(String(b.getId())) ?? 0)

  set(findings: readonly Finding[], focusedId: string | null): void {
    const next = new Map<string, Finding>()
    const rank = new Map<string, number>()
    for (const f of findings) {
      if ((!f.geometry && !f.location) || next.has(f.id)) continue
      next.set(f.id, f)
      rank.set(f.id, rank.size)
    }
    for (const id of this.shown.keys()) {
      if (next.get(id) === this.shown.get(id)) continue
      const feat = this.source.getFeatureById(id)
      if (feat) this.source.removeFeature(feat)
    }
    const added: Feature[] = []
    for (const [id, f] of next) {
      if (this.shown.get(id) === f) continue
      const feat = new Feature({
        geometry: f.geometry ? this.toGeom(f.geometry) : new Point(f.location!),
        severity: f.severity,
        focused: id === focusedId,
      })
      feat.setId(id)
      added.push(feat)
    }
    if (added.length) this.source.addFeatures(added)
    if (focusedId !== this.focusedId) {
      for (const id of [this.focusedId, focusedId]) {
        const feat = id === null ? null : this.source.getFeatureById(id)
        if (feat && feat.get('focused') !== (id === focusedId)) feat.set('focused', id === focusedId)
      }
    }
    this.shown = next
    this.rank = rank
    this.focusedId = focusedId
    // The order may change with the list even where no feature did.
    this.source.changed()
  }
}
