import Feature from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import type Geometry from 'ol/geom/Geometry'
import Point from 'ol/geom/Point'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style'
import { watch } from 'vue'
import type { AreaGeometry } from '../../../shared/domain'
import { useContinuityStore } from '../stores/continuity'
import { hatchPattern } from './finding-look'
import type { PlanMap } from './plan-map'

// Purple (Okabe–Ito reddish purple) and hatched, so it reads apart from areas' hues and findings' red and yellow.
const PURPLE = '#cc79a7'
let groundStyle: Style | null = null
const pointStyle = new Style({ image: new CircleStyle({ radius: 3.5, fill: new Fill({ color: PURPLE }), stroke: new Stroke({ color: '#fff', width: 1 }) }), zIndex: 2 })

const format = new GeoJSON()
const toGeom = (g: AreaGeometry): Geometry => format.readGeometry(g) as Geometry

/**
 * "Ground that changed hands" since the last published plan, over the plan: the ground each
 * neighborhood gained (hatched) and the addresses whose neighborhood, area or officer changed
 * (dots). Redrawn only when the continuity store's lists change; never hit-tested. The map
 * element carries the counts (data-changed-ground-count, data-affected-count) for tests.
 */
export function installChangedGround(pm: PlanMap, el: HTMLElement): () => void {
  const continuity = useContinuityStore()
  const groundSource = new VectorSource()
  const pointSource = new VectorSource()
  groundStyle ??= new Style({ fill: new Fill({ color: hatchPattern(PURPLE, 'rgba(204,121,167,0.12)') }), stroke: new Stroke({ color: PURPLE, width: 1.5 }), zIndex: 1 })
  const groundLayer = new VectorLayer({ source: groundSource, style: groundStyle, zIndex: 15 })
  const pointLayer = new VectorLayer({ source: pointSource, style: pointStyle, zIndex: 16 })
  pm.map.addLayer(groundLayer)
  pm.map.addLayer(pointLayer)
  void continuity.ensureLoaded()

  const stopGround = watch(
    () => continuity.ground,
    (list) => {
      groundSource.clear()
      groundSource.addFeatures(list.map((g) => new Feature({ geometry: toGeom(g.geometry), neighborhoodId: g.id })))
      el.dataset.changedGroundCount = String(list.length)
    },
    { immediate: true },
  )
  const stopPoints = watch(
    () => continuity.affected,
    (list) => {
      pointSource.clear()
      pointSource.addFeatures(list.map((p) => new Feature({ geometry: new Point([p.lon, p.lat]), address: p.address })))
      el.dataset.affectedCount = String(list.length)
    },
    { immediate: true },
  )
  return () => {
    stopGround()
    stopPoints()
    pm.map.removeLayer(groundLayer)
    pm.map.removeLayer(pointLayer)
  }
}
