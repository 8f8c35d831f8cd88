import type { FeatureLike } from 'ol/Feature'
import { Fill, Stroke, Style } from 'ol/style'

// Quiet colors under the plan: water blue, green space, built-up grey, roads white with a grey edge.
const water = new Style({ fill: new Fill({ color: '#c9dcec' }) })
const green = new Style({ fill: new Fill({ color: '#dfe9d3' }) })
const built = new Style({ fill: new Fill({ color: '#e6e2da' }), stroke: new Stroke({ color: '#d6d1c7', width: 0.5 }) })
const land = new Style({ fill: new Fill({ color: '#efece5' }) })
const road = [new Style({ stroke: new Stroke({ color: '#b9b4aa', width: 3 }), zIndex: 1 }), new Style({ stroke: new Stroke({ color: '#ffffff', width: 1.8 }), zIndex: 2 })]
const line = new Style({ stroke: new Stroke({ color: '#c8c3b8', width: 1 }) })

/**
 * A plain style for any Mapbox vector tile schema (OpenMapTiles, Protomaps, Shortbread...): by
 * the source layer's name where it says what it is, else by the geometry. Points and labels are
 * left out, so the plan's own labels stay the only text on the map.
 */
export function backgroundVectorStyle(f: FeatureLike): Style | Style[] | undefined {
  const layer = String(f.get('layer') ?? '').toLowerCase()
  const type = f.getGeometry()?.getType()
  if (type === 'Point' || type === 'MultiPoint') return undefined
  if (/water|ocean|river|lake/.test(layer)) return type?.includes('Polygon') ? water : new Style({ stroke: new Stroke({ color: '#a9c6de', width: 1 }) })
  if (type?.includes('Polygon')) {
    if (/park|green|wood|forest|grass|landcover|natural/.test(layer)) return green
    if (/building/.test(layer)) return built
    return land
  }
  if (/road|transport|street|highway/.test(layer)) return road
  return line
}
