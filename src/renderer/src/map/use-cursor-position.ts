import { ref, watch, type ShallowRef } from 'vue'
import type { PlanMap } from './plan-map'

/** The lon/lat under the pointer while it is over the map; null once it leaves. */
export function useCursorPosition(planMap: ShallowRef<PlanMap | null>) {
  const lonLat = ref<[number, number] | null>(null)
  let attached = false
  watch(
    planMap,
    (pm) => {
      if (!pm || attached) return
      attached = true
      // Pointer moves while dragging the map count too: the point under the pointer changes.
      pm.map.on('pointermove', (e) => {
        const [lon, lat] = e.coordinate
        lonLat.value = [lon, lat]
      })
      pm.map.getViewport().addEventListener('pointerleave', () => (lonLat.value = null))
    },
    { immediate: true },
  )
  return lonLat
}
