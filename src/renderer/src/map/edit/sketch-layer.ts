import Feature from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import type Geometry from 'ol/geom/Geometry'
import { LineString, Point, Polygon } from 'ol/geom'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Circle, Fill, Stroke, Style, Text } from 'ol/style'
import type { FeatureLike } from 'ol/Feature'
import type { AreaGeometry, LonLat } from '../../../../shared/domain'

const format = new GeoJSON()
const BLUE = '#0072b2'
const RED = '#b00020'

const styles: Record<string, Style> = {
  handle: new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color: BLUE, width: 3 }) }), zIndex: 10 }),
  'handle-bad': new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color: RED, width: 3 }) }), zIndex: 10 }),
  hover: new Style({ image: new Circle({ radius: 6, fill: new Fill({ color: 'rgba(0,114,178,0.25)' }), stroke: new Stroke({ color: BLUE, width: 2 }) }), zIndex: 9 }),
  preview: new Style({ fill: new Fill({ color: 'rgba(0,114,178,0.12)' }), stroke: new Stroke({ color: BLUE, width: 2.5, lineDash: [6, 4] }), zIndex: 8 }),
  'preview-bad': new Style({ fill: new Fill({ color: 'rgba(176,0,32,0.10)' }), stroke: new Stroke({ color: RED, width: 2.5, lineDash: [6, 4] }), zIndex: 8 }),
  pending: new Style({ fill: new Fill({ color: 'rgba(0,114,178,0.18)' }), stroke: new Stroke({ color: BLUE, width: 3 }), zIndex: 8 }),
  partner: new Style({ fill: new Fill({ color: 'rgba(0,158,115,0.25)' }), stroke: new Stroke({ color: '#009e73', width: 3, lineDash: [10, 4] }), zIndex: 7 }),
}

/** Previewed pieces carry their name, so "which part is which" is visible before storing. */
function sketchStyle(f: FeatureLike): Style | Style[] {
  const base = styles[f.get('look') as string]
  const label = f.get('label') as string | undefined
  if (!label) return base
  return [base, new Style({ text: new Text({ text: label, font: 'bold 13px system-ui, sans-serif', fill: new Fill({ color: '#003c5e' }), stroke: new Stroke({ color: '#fff', width: 4 }), overflow: true }), zIndex: 11 })]
}

/** The edited outline; the word "edited" is on the neighborhood's own label (see neighborhoodLabel). */
function editedStyle(f: FeatureLike): Style {
  return new Style({ stroke: new Stroke({ color: '#cc79a7', width: 3, lineDash: [2, 5] }), zIndex: f.get('z') as number })
}

/**
 * Everything the editor draws on top of the plan: the dragged handle, previews of the shapes a
 * gesture would store, the shape waiting for a name, the chosen partner and the "edited" marks.
 * Kept apart from the plan's own layers, so a refused change leaves the stored shapes untouched.
 */
export class SketchLayer {
  readonly source = new VectorSource()
  readonly editedSource = new VectorSource()
  readonly layer = new VectorLayer({ source: this.source, style: sketchStyle, updateWhileInteracting: true, updateWhileAnimating: true })
  readonly editedLayer = new VectorLayer({ source: this.editedSource, style: editedStyle })

  private put(key: string, geometry: Geometry | null, look: string): void {
    const old = this.source.getFeatureById(key)
    if (!geometry) {
      if (old) this.source.removeFeature(old)
      return
    }
    if (old) {
      old.setGeometry(geometry)
      old.set('look', look)
      return
    }
    const f = new Feature({ geometry, look })
    f.setId(key)
    this.source.addFeature(f)
  }

  setHandle(at: LonLat | null, ok = true): void {
    this.put('handle', at ? new Point(at) : null, ok ? 'handle' : 'handle-bad')
  }

  setHover(at: LonLat | null): void {
    this.put('hover', at ? new Point(at) : null, 'hover')
  }

  /** Shapes as the gesture would leave them; replaces the previous preview. */
  setPreview(geoms: AreaGeometry[], ok = true, labels: string[] = []): void {
    for (const f of this.source.getFeatures()) if (String(f.getId()).startsWith('preview:')) this.source.removeFeature(f)
    geoms.forEach((g, i) => {
      this.put(`preview:${i}`, format.readGeometry(g) as Geometry, ok ? 'preview' : 'preview-bad')
      this.source.getFeatureById(`preview:${i}`)?.set('label', labels[i])
    })
  }

  setPending(shape: LonLat[] | null, closed: boolean): void {
    this.put('pending', shape ? (closed ? new Polygon([shape]) : new LineString(shape)) : null, 'pending')
  }

  setPartner(g: AreaGeometry | null): void {
    this.put('partner', g ? (format.readGeometry(g) as Geometry) : null, 'partner')
  }

  clearGesture(): void {
    this.setHandle(null)
    this.setPreview([])
  }

  setEdited(geoms: AreaGeometry[]): void {
    this.editedSource.clear()
    this.editedSource.addFeatures(geoms.map((g, i) => new Feature({ geometry: format.readGeometry(g) as Geometry, z: i })))
  }
}
