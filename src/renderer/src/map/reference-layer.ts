import Feature from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import type Geometry from 'ol/geom/Geometry'
import type OlMap from 'ol/Map'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Fill, Stroke, Style } from 'ol/style'
import type { LonLat } from '../../../shared/domain'
import { quantize } from '../../../shared/domain/geometry'
import type { ReferenceGeometry, ReferenceLayerInfo } from '../../../shared/domain/reference-layer'

const format = new GeoJSON()
/** Thin grey lines, no color an Area Command or a finding uses: context, not plan. */
const STYLE = new Style({ stroke: new Stroke({ color: 'rgba(90, 90, 90, 0.75)', width: 1.2 }), fill: new Fill({ color: 'rgba(120, 120, 120, 0.06)' }) })

/** Positions of any line or polygon geometry, flattened. */
function eachPosition(c: unknown, fn: (p: number[]) => void): void {
  if (!Array.isArray(c)) return
  if (typeof c[0] === 'number') return fn(c as number[])
  for (const x of c) eachPosition(x, fn)
}

/**
 * Street centerlines and parcels under the plan. Only shown layers are in the source, so
 * drawing and reshaping snap to what the user sees and to nothing hidden.
 */
export class ReferenceLayer {
  readonly source = new VectorSource()
  readonly layer = new VectorLayer({ source: this.source, style: STYLE })
  private shown = new Map<number, ReferenceGeometry[]>()

  set(layers: ReferenceLayerInfo[], shapes: ReadonlyMap<number, ReferenceGeometry[]>): void {
    const want = new Map<number, ReferenceGeometry[]>()
    for (const l of layers) {
      const g = shapes.get(l.id)
      if (l.visible && g) want.set(l.id, g)
    }
    for (const [id, g] of this.shown) {
      if (want.get(id) === g) continue
      for (const f of this.source.getFeatures()) if (f.get('layerId') === id) this.source.removeFeature(f)
      this.shown.delete(id)
    }
    for (const [id, g] of want) {
      if (this.shown.has(id)) continue
      this.source.addFeatures(g.map((geom) => new Feature({ geometry: format.readGeometry(geom) as Geometry, layerId: id })))
      this.shown.set(id, g)
    }
  }

  count(): number {
    return this.source.getFeatures().length
  }

  /**
   * The shown reference vertex within `px` pixels of the pointer, else the nearest point on a
   * reference line or outline within `px`, quantized like stored coordinates; null when none.
   * Vertices are the stored numbers themselves, so a corner snapped to one is exactly on it.
   */
  snap(map: OlMap, pixel: number[], px: number): LonLat | null {
    if (!this.shown.size) return null
    const a = map.getCoordinateFromPixel([pixel[0] - px, pixel[1] + px])
    const b = map.getCoordinateFromPixel([pixel[0] + px, pixel[1] - px])
    const here = map.getCoordinateFromPixel(pixel)
    if (!a || !b || !here) return null
    const extent = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]
    const dist = (c: number[]) => {
      const q = map.getPixelFromCoordinate(c)
      return Math.hypot(q[0] - pixel[0], q[1] - pixel[1])
    }
    let vertex: number[] | null = null
    let vertexPx = px
    let edge: number[] | null = null
    let edgePx = px
    for (const f of this.source.getFeaturesInExtent(extent)) {
      const g = f.getGeometry()!
      eachPosition((g as unknown as { getCoordinates(): unknown }).getCoordinates(), (p) => {
        const d = dist(p)
        if (d <= vertexPx) {
          vertexPx = d
          vertex = p
        }
      })
      if (vertex) continue
      const c = g.getClosestPoint(here)
      const d = dist(c)
      if (d <= edgePx) {
        edgePx = d
        edge = c
      }
    }
    const hit: number[] | null = vertex ?? edge
    return hit ? [quantize(hit[0]), quantize(hit[1])] : null
  }
}
