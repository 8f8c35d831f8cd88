import { createEmpty, extend, type Extent } from 'ol/extent'
import Feature, { type FeatureLike } from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import type Geometry from 'ol/geom/Geometry'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Fill, Stroke, Style, Text } from 'ol/style'
import type { AreaGeometry } from '../../../shared/domain'
import type { RepairMapPreview } from '../stores/repair'
import { hexToRgba } from './styles'
import { REPAIR_LOOK, type RepairLook } from './repair-look'
import { LABELS } from './map-labels'

// The dashed outline of the shape now goes on top: under the moved ground it would hide where that ground starts.
const STYLES: Record<RepairLook, Style> = {
  before: new Style({ stroke: new Stroke({ color: REPAIR_LOOK.before.color, width: 2.5, lineDash: [...REPAIR_LOOK.before.dash] }), zIndex: 12 }),
  after: new Style({
    fill: new Fill({ color: hexToRgba(REPAIR_LOOK.after.color, 0.1) }),
    stroke: new Stroke({ color: REPAIR_LOOK.after.color, width: 3.5 }),
    zIndex: 9,
  }),
  moved: new Style({
    fill: new Fill({ color: hexToRgba(REPAIR_LOOK.moved.color, 0.6) }),
    stroke: new Stroke({ color: REPAIR_LOOK.moved.color, width: 3 }),
    zIndex: 11,
  }),
}

function style(f: FeatureLike): Style[] {
  const look = f.get('look') as RepairLook
  const name = f.get('name') as string | undefined
  if (look !== 'after' || !name) return [STYLES[look]]
  return [
    STYLES[look],
    new Style({
      text: new Text({ text: name, font: 'bold 12px system-ui, sans-serif', fill: new Fill({ color: REPAIR_LOOK.after.color }), stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 3.5 }), overflow: true }),
      zIndex: 13,
    }),
  ]
}

const format = new GeoJSON()
const toGeom = (g: AreaGeometry): Geometry => format.readGeometry(g) as Geometry

/** A repair's before and after shapes and the ground it moves, over the plan; never hit-tested. */
export class RepairPreviewLayer {
  readonly source = new VectorSource()
  readonly layer = new VectorLayer({ source: this.source, style, zIndex: 18, declutter: LABELS })

  set(p: RepairMapPreview | null): void {
    this.source.clear()
    if (!p) return
    const features: Feature[] = []
    for (const s of p.shapes) {
      features.push(new Feature({ geometry: toGeom(s.before), look: 'before' }))
      if (s.after) features.push(new Feature({ geometry: toGeom(s.after), look: 'after', name: s.name }))
    }
    for (const g of p.moved) features.push(new Feature({ geometry: toGeom(g), look: 'moved' }))
    this.source.addFeatures(features)
  }

  /** Features drawn of one look: the browser tests read them from the map element. */
  count(look: RepairLook): number {
    return this.source.getFeatures().filter((f) => f.get('look') === look).length
  }

  /** Where to look: the moved ground (a sliver is lost in a view of its whole neighborhood), else the shapes. */
  focusExtent(): Extent | null {
    const features = this.source.getFeatures()
    const moved = features.filter((f) => f.get('look') === 'moved')
    const shown = moved.length ? moved : features
    if (!shown.length) return null
    const extent = createEmpty()
    for (const f of shown) extend(extent, f.getGeometry()!.getExtent())
    return extent
  }
}
