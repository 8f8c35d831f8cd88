import type { FeatureLike } from 'ol/Feature'
import { Circle, Fill, Stroke, Style } from 'ol/style'

// Bluish green for ground gained, reddish purple for ground lost (Okabe–Ito): apart for colour-blind readers too.
const STYLES: Record<string, Style> = {
  gained: new Style({ fill: new Fill({ color: 'rgba(0, 158, 115, 0.55)' }), stroke: new Stroke({ color: '#00694c', width: 3 }), zIndex: 6 }),
  lost: new Style({ fill: new Fill({ color: 'rgba(204, 121, 167, 0.6)' }), stroke: new Stroke({ color: '#8c3b6a', width: 3, lineDash: [5, 3] }), zIndex: 6 }),
  point: new Style({
    image: new Circle({ radius: 7, fill: new Fill({ color: '#0072b2' }), stroke: new Stroke({ color: '#fff', width: 2.5 }) }),
    zIndex: 7,
  }),
}

export function highlightStyle(f: FeatureLike): Style {
  return STYLES[f.get('kind') as string] ?? STYLES.point
}
