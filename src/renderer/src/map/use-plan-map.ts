import { markRaw, onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue'
import { api } from '../api'
import { useFindingsStore } from '../stores/findings'
import { usePlanStore } from '../stores/plan'
import { usePublishStore } from '../stores/publish'
import { useImportStore } from '../stores/import'
import { useRepairStore } from '../stores/repair'
import { useSettingsStore } from '../stores/settings'
import { useUiStore } from '../stores/ui'
import { useReferenceStore } from '../stores/reference'
import { useSessionStore } from '../stores/session'
import { installRosterMapHooks } from './roster-map-hooks'
import { installChangedGround } from './changed-ground'
import { PlanMap } from './plan-map'

declare global {
  interface Window {
    /** Read-only hooks for browser tests and support: where a place is on screen, what is drawn. */
    __acpMap?: { pixelOf(lon: number, lat: number): [number, number] | null; counts(): ReturnType<PlanMap['counts']>; labels(): ReturnType<PlanMap['labels']> }
  }
}

/** Owns the PlanMap for one map element and keeps it in step with the stores. */
export function usePlanMap(target: Ref<HTMLElement | null>) {
  const planMap = shallowRef<PlanMap | null>(null)
  const plan = usePlanStore()
  const findings = useFindingsStore()
  const publish = usePublishStore()
  const imports = useImportStore()
  const repair = useRepairStore()
  const settings = useSettingsStore()
  const ui = useUiStore()
  const references = useReferenceStore()
  const session = useSessionStore()
  /** Why the background map is not showing, while it is not. */
  const backgroundProblem = ref<string | null>(null)
  /** Whether a finding was zoomed to and the view before it can be restored. */
  const canGoBack = ref(false)

  onMounted(() => {
    const el = target.value!
    const pm = markRaw(new PlanMap(el, (z, x, y) => api.getTile({ z, x, y }), (p) => (backgroundProblem.value = p)))
    planMap.value = pm
    pm.onBackChange = (b) => (canGoBack.value = b)
    const syncCounts = () => {
      const c = pm.counts()
      el.dataset.areaCount = String(c.areas)
      el.dataset.neighborhoodCount = String(c.neighborhoods)
      el.dataset.findingCount = String(c.findings)
    }
    pm.map.on('rendercomplete', () => {
      syncCounts()
      if (plan.loaded) el.dataset.mapReady = 'true'
    })
    pm.map.on('singleclick', (e) => pm.selectOnClick(e) && plan.selectNeighborhood(pm.neighborhoodAt(e.pixel)))
    pm.map.on('pointermove', (e) => {
      if (e.dragging) return
      el.style.cursor = pm.neighborhoodAt(e.pixel) ? 'pointer' : ''
    })
    window.__acpMap = { pixelOf: (lon, lat) => pm.pixelOf(lon, lat), counts: () => pm.counts(), labels: () => pm.labels() }
    installRosterMapHooks(pm, el)
    installChangedGround(pm, el)

    watch(
      () => plan.plan,
      (p) => {
        pm.setPlan(p)
        syncCounts()
      },
      { immediate: true },
    )
    watch(() => plan.selectedNeighborhoodId, (id) => pm.setSelected(id), { immediate: true })
    watch(() => (session.profile.role === 'commander' ? session.profile.areaId : null), (id) => pm.setOwnArea(id), { immediate: true })
    watch(
      [() => findings.report, () => findings.focused],
      ([r, f]) => {
        pm.setFindings(r?.findings ?? [], f?.id ?? null)
        syncCounts()
      },
      { immediate: true },
    )
    watch(() => findings.focused, (f) => f && pm.zoomTo(f))
    watch(() => publish.highlight, (h) => {
      pm.setHighlight(h)
      el.dataset.highlightCount = String(h.areas.length)
    }, { immediate: true })
    watch(() => publish.diff, (d) => d && pm.zoomToHighlight())
    watch(() => imports.mapPreview, (g) => {
      pm.showImportPreview(g)
      el.dataset.importPreviewCount = String(pm.importPreview.count())
      el.dataset.importRemovedCount = String(pm.importPreview.removedCount())
    }, { immediate: true })
    watch(() => repair.mapPreview, (p) => {
      pm.showRepairPreview(p)
      el.dataset.repairBeforeCount = String(pm.repairPreview.count('before'))
      el.dataset.repairAfterCount = String(pm.repairPreview.count('after'))
      el.dataset.repairMovedCount = String(pm.repairPreview.count('moved'))
    }, { immediate: true })
    watch(() => settings.settings, (st) => {
      // A map file set as the background wins over the tile URL, which stays stored.
      if (!st?.backgroundFile) return pm.background.set(st?.tileUrl ?? null, st?.tileAttribution ?? null)
      api.getTileInfo().then(
        (info) => (info ? pm.background.setFile(info) : pm.background.set(null, null)),
        (e: Error) => {
          pm.background.set(null, null)
          backgroundProblem.value = e.message
        },
      )
    }, { immediate: true })
    watch(() => settings.units, (u) => pm.setUnits(u), { immediate: true })
    watch([() => references.layers, () => references.shapes], ([layers, shapes]) => {
      pm.reference.set(layers, shapes)
      el.dataset.referenceCount = String(pm.reference.count())
    }, { immediate: true })
    void references.load()
    // The menu's View › Zoom in / Zoom out / Whole plan.
    watch(() => ui.mapRequest, (r) => {
      if (r?.kind === 'zoom-fit') pm.fitAll()
      else if (r?.kind === 'zoom-my-area') pm.zoomToArea(session.profile.role === 'commander' ? session.profile.areaId : null)
      else if (r) pm.zoomBy(r.kind === 'zoom-in' ? 1 : -1)
    })
    if (!settings.settings) void settings.load()
    watch(() => publish.lookupAnswer, (a) => a?.neighborhood && pm.zoomToNeighborhood(a.neighborhood.id))
    watch(() => ui.neighborhoodRequest, (r) => r && pm.zoomToNeighborhood(r.id))
  })

  onBeforeUnmount(() => {
    planMap.value?.dispose()
    delete window.__acpMap
  })

  return { planMap, backgroundProblem, canGoBack, goBack: () => planMap.value?.goBack() }
}
