import type Flatbush from 'flatbush'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { AreaCommand, AreaGeometry, Neighborhood } from '../../../shared/domain'
import { clip } from '../../../shared/geo/ops/clip'
import { affectedPoints, affectedToCsv, type AffectedPoint } from '../../../shared/insight/affected'
import { measureContinuity, type Continuity } from '../../../shared/insight/continuity'
import { changedBoxes, locatePoints, pointTree, relocatePoints, type Located } from '../../../shared/insight/located-points'
import type { ContinuityBasis } from '../../../shared/ipc/features/insight-contract'
import { api, ApiError } from '../api'
import { usePlanStore } from './plan'
import { usePublishStore } from './publish'

interface DraftPoints {
  tree: Flatbush | null
  from: Located
  to: Located
}

/**
 * Continuity of the draft with the last published plan, the addresses affected and the ground
 * that changed hands. The published plan and the points come once (insight:basis, again only
 * after a publication or a new import of points); every edit is then measured here from the
 * plan the window already holds: only the points near the neighborhoods an edit changed are
 * placed again, and only the changed neighborhoods' ground is clipped again.
 */
export const useContinuityStore = defineStore('continuity', () => {
  const plan = usePlanStore()
  const publish = usePublishStore()
  const basis = shallowRef<ContinuityBasis | null>(null)
  const error = ref<string | null>(null)
  const figures = shallowRef<Continuity | null>(null)
  const affected = shallowRef<AffectedPoint[]>([])
  /** Ground each neighborhood holds now that it did not hold in the published plan. */
  const ground = shallowRef<{ id: string; geometry: AreaGeometry }[]>([])

  let addresses: DraftPoints | null = null
  let calls: DraftPoints | null = null
  let shown: { neighborhoods: Neighborhood[]; areas: AreaCommand[] } | null = null
  const groundCache = new Map<string, { geometry: AreaGeometry; gained: AreaGeometry | null }>()
  let loading: Promise<void> | null = null

  function place(pts: { lon: number[]; lat: number[] }, prev: DraftPoints | null): DraftPoints {
    const p = plan.plan
    const b = basis.value!.plan!
    if (prev && shown && shown.areas === p.areas) {
      return { ...prev, to: relocatePoints(prev.to, p, pts, prev.tree, changedBoxes(shown.neighborhoods, p.neighborhoods)) }
    }
    return { tree: prev?.tree ?? pointTree(pts), from: prev?.from ?? locatePoints(b, pts), to: locatePoints(p, pts) }
  }

  function changedGround(published: Neighborhood[]): { id: string; geometry: AreaGeometry }[] {
    const before = new Map(published.map((n) => [n.id, n.geometry]))
    const out: { id: string; geometry: AreaGeometry }[] = []
    const seen = new Set<string>()
    for (const n of plan.plan.neighborhoods) {
      seen.add(n.id)
      let c = groundCache.get(n.id)
      if (!c || c.geometry !== n.geometry) {
        const old = before.get(n.id)
        let gained: AreaGeometry | null = n.geometry
        if (old) {
          try {
            gained = JSON.stringify(old) === JSON.stringify(n.geometry) ? null : clip('difference', [], n.geometry, old)
          } catch {
            gained = null
          }
        }
        c = { geometry: n.geometry, gained }
        groundCache.set(n.id, c)
      }
      if (c.gained) out.push({ id: n.id, geometry: c.gained })
    }
    for (const id of groundCache.keys()) if (!seen.has(id)) groundCache.delete(id)
    return out
  }

  /** Brings the figures, the affected list and the ground up to the plan the window holds. */
  function update(): void {
    const b = basis.value
    if (!b?.plan) {
      figures.value = null
      affected.value = []
      ground.value = []
      return
    }
    const p = plan.plan
    addresses = b.addresses.lon.length ? place(b.addresses, addresses) : null
    calls = b.calls.lon.length ? place(b.calls, calls) : null
    shown = { neighborhoods: p.neighborhoods, areas: p.areas }
    figures.value = measureContinuity(b.plan, p, { addresses, calls: calls && { ...calls, weight: b.calls.weight } })
    affected.value = addresses ? affectedPoints(b.plan, p, b.addresses, addresses) : []
    ground.value = changedGround(b.plan.neighborhoods)
  }

  /** Asks for the published plan and the points (at start, and after a publication or an import of points). */
  async function load(): Promise<void> {
    loading ??= (async () => {
      try {
        basis.value = await api.continuityBasis()
        error.value = null
        addresses = calls = shown = null
        groundCache.clear()
        update()
      } catch (e) {
        error.value = e instanceof ApiError ? e.message : String(e)
      } finally {
        loading = null
      }
    })()
    return loading
  }

  async function ensureLoaded(): Promise<void> {
    if (!basis.value) await load()
  }

  // Each edit reaches the plan through plan.took(); measured here, nothing is asked again.
  watch(() => plan.plan, () => basis.value && update())
  // A publication makes a new version the one to compare with.
  watch(
    () => publish.status?.last?.number ?? null,
    (n) => basis.value && n !== (basis.value.version?.number ?? null) && void load(),
  )

  function csv(): string {
    const b = basis.value
    return b?.plan ? affectedToCsv(affected.value, { from: b.plan, to: plan.plan }) : ''
  }

  return { basis, error, figures, affected, ground, load, ensureLoaded, csv }
})
