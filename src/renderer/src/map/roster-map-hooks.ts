import type MapBrowserEvent from 'ol/MapBrowserEvent'
import { listenForOfficerDrops } from './drop-adopt'
import type { PlanMap } from './plan-map'
import { usePlanStore } from '../stores/plan'
import { useRosterStore } from '../stores/roster'
import { useSessionStore } from '../stores/session'

/**
 * The roster's part of the map: officer cards dropped on a neighborhood adopt it, and hovering a
 * neighborhood names its officers (the label already shows how many). Returns the undo of both.
 */
export function installRosterMapHooks(pm: PlanMap, el: HTMLElement): () => void {
  const plan = usePlanStore()
  const roster = useRosterStore()
  const session = useSessionStore()
  const stopDrops = listenForOfficerDrops(
    el,
    (e) => pm.neighborhoodAt(pm.map.getEventPixel(e)),
    (officerId, neighborhoodId) => void roster.adopt(officerId, neighborhoodId, session.isAdmin),
  )
  const onMove = (e: MapBrowserEvent) => {
    if (e.dragging) return
    const id = pm.neighborhoodAt(e.pixel)
    const n = id ? plan.neighborhoodById.get(id) : undefined
    if (!n) {
      el.removeAttribute('title')
      return
    }
    const officers = (plan.officersByNeighborhood.get(n.id) ?? []).filter((o) => o.status !== 'vacant')
    el.title = officers.length
      ? `${n.name}: ${officers.map((o) => `${o.rank} ${o.displayName}${o.status === 'leave' ? ' (on leave)' : ''}`.trim()).join(', ')}`
      : `${n.name}: no adopting officer`
  }
  pm.map.on('pointermove', onMove)
  return () => {
    stopDrops()
    pm.map.un('pointermove', onMove)
  }
}
