import Feature from 'ol/Feature'
import type { FeatureLike } from 'ol/Feature'
import type { Geometry, LineString } from 'ol/geom'
import { Point } from 'ol/geom'
import Draw, { type DrawEvent } from 'ol/interaction/Draw'
import { never } from 'ol/events/condition'
import { getCenter } from 'ol/extent'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { getArea, getLength } from 'ol/sphere'
import { Circle, Fill, Stroke, Style, Text } from 'ol/style'
import type { MeasureKind, Measurement } from '../../stores/measure'
import type { PlanMap } from '../plan-map'

/** What the measure tool needs from the stores; plain functions so no OpenLayers object meets Vue. */
export interface MeasureHost {
  active(): boolean
  kind(): MeasureKind
  setResult(m: Measurement | null): void
  /** The figure in words, in the plan's units. */
  format(m: Measurement): string
}

const ORANGE = '#d55e00'

/**
 * Geodesic length or area on the sphere of ol/sphere. The drawing is in lon/lat (the map uses
 * useGeographic); measured on the Web Mercator plane instead it would be ~27% long in the Bay Area.
 */
function figure(kind: MeasureKind, g: Geometry): number {
  return kind === 'distance' ? getLength(g, { projection: 'EPSG:4326' }) : getArea(g, { projection: 'EPSG:4326' })
}

/** Draws the line or outline being measured and its figure; its own layer and interactions. */
export class MeasureTool {
  readonly source = new VectorSource()
  readonly layer: VectorLayer<VectorSource>
  private readonly draws: Record<MeasureKind, Draw>
  private readonly el: HTMLElement

  constructor(private readonly pm: PlanMap, private readonly host: MeasureHost) {
    this.el = pm.map.getTargetElement() as HTMLElement
    this.layer = new VectorLayer({ source: this.source, style: (f) => this.style(f), updateWhileInteracting: true, zIndex: 20 })
    const sketchStyle = (f: FeatureLike) => this.style(f)
    this.draws = {
      distance: new Draw({ type: 'LineString', stopClick: true, freehandCondition: never, style: sketchStyle }),
      area: new Draw({ type: 'Polygon', stopClick: true, freehandCondition: never, style: sketchStyle }),
    }
    for (const [kind, d] of Object.entries(this.draws) as [MeasureKind, Draw][]) {
      d.setActive(false)
      d.on('drawstart', (e: DrawEvent) => {
        this.source.clear()
        const geom = e.feature.getGeometry()!
        geom.on('change', () => {
          const value = figure(kind, geom)
          e.feature.set('label', this.host.format({ kind, value, done: false }))
          this.host.setResult({ kind, value, done: false })
        })
      })
      d.on('drawend', (e: DrawEvent) => {
        const geom = e.feature.getGeometry()!
        const m: Measurement = { kind, value: figure(kind, geom), done: true }
        const shown = new Feature({ geometry: geom, label: this.host.format(m) })
        this.source.addFeature(shown)
        this.host.setResult(m)
        this.el.dataset.measureValue = String(m.value)
      })
      pm.map.addInteraction(d)
    }
    pm.map.addLayer(this.layer)
    // Clicks while measuring place points; they must not also select the neighborhood under them.
    const selects = pm.selectOnClick
    pm.selectOnClick = (e) => !this.host.active() && selects(e)
    pm.map.on('pointermove', (e) => {
      if (this.host.active() && !e.dragging) this.el.style.cursor = 'crosshair'
    })
  }

  /** Turns on the drawing of the chosen kind while measuring; everything off otherwise. */
  sync(): void {
    const active = this.host.active()
    for (const [kind, d] of Object.entries(this.draws) as [MeasureKind, Draw][]) {
      const on = active && kind === this.host.kind()
      if (!on) d.abortDrawing()
      d.setActive(on)
    }
    if (!active) this.clear()
    this.el.dataset.measuring = active ? this.host.kind() : ''
  }

  /** Drops the measurement drawn or being drawn; the mode stays on. */
  clear(): void {
    for (const d of Object.values(this.draws)) d.abortDrawing()
    this.source.clear()
    delete this.el.dataset.measureValue
    this.host.setResult(null)
  }

  /** Refreshes the label of a finished measurement (the units setting changed). */
  relabel(): void {
    for (const f of this.source.getFeatures()) {
      const g = f.getGeometry()!
      const kind: MeasureKind = g.getType() === 'Polygon' ? 'area' : 'distance'
      f.set('label', this.host.format({ kind, value: figure(kind, g), done: true }))
    }
  }

  private style(f: FeatureLike): Style[] {
    const g = f.getGeometry()
    const out = [
      new Style({
        fill: new Fill({ color: 'rgba(213,94,0,0.12)' }),
        stroke: new Stroke({ color: ORANGE, width: 2.5, lineDash: [8, 5] }),
        image: new Circle({ radius: 4, fill: new Fill({ color: ORANGE }) }),
      }),
    ]
    const label = f.get('label') as string | undefined
    if (label && g && g.getType() !== 'Point') {
      // The label sits at the last point of a line and at the middle of an outline.
      const at = new Point(g.getType() === 'Polygon' ? getCenter(g.getExtent()) : (g as LineString).getLastCoordinate())
      out.push(
        new Style({
          geometry: at,
          text: new Text({
            text: label,
            font: 'bold 13px system-ui, sans-serif',
            offsetY: g.getType() === 'Polygon' ? 0 : -14,
            fill: new Fill({ color: '#5a2300' }),
            stroke: new Stroke({ color: '#fff', width: 4 }),
            overflow: true,
          }),
        }),
      )
    }
    return out
  }

  dispose(): void {
    for (const d of Object.values(this.draws)) this.pm.map.removeInteraction(d)
    this.pm.map.removeLayer(this.layer)
  }
}
