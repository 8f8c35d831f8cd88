import type { Extent } from 'ol/extent'
import type { FeatureLike } from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Fill, Stroke, Style, Text } from 'ol/style'
import type { FeatureCollection } from 'geojson'
import { LABELS } from './map-labels'

/**
 * What the colours of the import preview mean; the dialog shows the same legend. Dashed, thick and
 * in colours the plan does not use, so the file's units read as "not stored yet" over the plan.
 */
export const PREVIEW_LOOK = {
  exact: { color: '#5e2a84', dash: [10, 5], label: 'Area Command found' },
  normalized: { color: '#c51b7d', dash: [3, 4], label: 'Area Command found after ignoring case, spaces or leading zeros' },
  none: { color: '#d00000', dash: [10, 5], label: 'Area Command not found (blocks the import)' },
  plain: { color: '#5e2a84', dash: [10, 5], label: 'Unit from the file' },
  removed: { color: '#555555', dash: [2, 5], label: 'In the plan, removed by Replace (grayed)' },
} as const

type Look = keyof typeof PREVIEW_LOOK
const lookOf = (f: FeatureLike): Look => {
  if (f.get('removed') === true) return 'removed'
  const m = f.get('parentMatch') as string | null
  return m === 'exact' ? 'exact' : m === 'normalized' ? 'normalized' : m === 'none' || m === 'ambiguous' ? 'none' : 'plain'
}

const cache = new Map<Look, Style>()
function style(f: FeatureLike): Style[] {
  const look = lookOf(f)
  let s = cache.get(look)
  if (!s) {
    const { color, dash } = PREVIEW_LOOK[look]
    s = new Style({
      stroke: new Stroke({ color, width: 3, lineDash: [...dash] }),
      fill: new Fill({ color: look === 'none' ? 'rgba(208, 0, 0, 0.22)' : look === 'removed' ? 'rgba(60, 60, 60, 0.28)' : 'rgba(94, 42, 132, 0.07)' }),
      zIndex: look === 'removed' ? 7 : 8,
    })
    cache.set(look, s)
  }
  const id = f.get('id') as string
  const name = f.get('name') as string
  // Removed units stay unlabelled: their names would collide with the file's labels on the same ground; the dialog lists them.
  const text = id.startsWith('#') || look === 'removed' ? '' : name && name !== id ? `${name}\n${id}` : id
  if (!text) return [s]
  return [
    s,
    new Style({
      text: new Text({ text, font: 'bold 12px system-ui, sans-serif', fill: new Fill({ color: PREVIEW_LOOK[look].color }), stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 3.5 }), overflow: true }),
      zIndex: 9,
    }),
  ]
}

const format = new GeoJSON()

/** The import dialog's units over the plan; never hit-tested, never edited. */
export class ImportPreviewLayer {
  readonly source = new VectorSource()
  /** Its labels are decluttered with the plan's (a file of hundreds of small units would otherwise print them over each other). */
  readonly layer = new VectorLayer({ source: this.source, style, zIndex: 20, declutter: LABELS })

  set(geojson: FeatureCollection | null): void {
    this.source.clear()
    if (geojson) this.source.addFeatures(format.readFeatures(geojson))
  }

  /** Units from the file (the plan's units a replace would remove are drawn too, but not counted). */
  count(): number {
    return this.source.getFeatures().filter((f) => f.get('removed') !== true).length
  }

  removedCount(): number {
    return this.source.getFeatures().length - this.count()
  }

  extent(): Extent | null {
    return this.source.getFeatures().length ? this.source.getExtent() : null
  }
}
