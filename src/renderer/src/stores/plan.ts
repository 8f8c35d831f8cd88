import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ChangeSet, Finding, FindingSummary, Neighborhood, Officer, PlanState } from '../../../shared/domain'
import { applyChangeSet } from '../../../shared/domain'
import type { HistoryHead, WriteResult } from '../../../shared/ipc/write-result'
import { api, ApiError } from '../api'
import { useFindingsStore } from './findings'
import { useHistoryStore } from './history'
import { usePublishStore } from './publish'
import { useSettingsStore } from './settings'
import { useRepairStore } from './repair'
import { useShiftLoadStore } from './shift-load'
import { useStaffingStore } from './staffing'

const EMPTY: PlanState = { city: null, areas: [], neighborhoods: [], officers: [] }

/**
 * The plan as last stored by the main process. Held in a shallowRef: geometry is large and
 * only ever replaced whole, never mutated, so deep reactivity would only cost time.
 */
export const usePlanStore = defineStore('plan', () => {
  const plan = shallowRef<PlanState>(EMPTY)
  const loaded = ref(false)
  const selectedNeighborhoodId = ref<string | null>(null)
  const selectedAreaId = ref<string | null>(null)
  const canUndo = ref(false)
  const canRedo = ref(false)
  const lastError = ref<string | null>(null)
  /** The last stored step, with its change set as stored (what the editor's result line tells). */
  /** `by`: the login that stored it on the department server, when it came from there (null for this window's own steps). */
  const lastChange = shallowRef<{ label: string; seq: number; changeSet: ChangeSet; action: string; by: string | null } | null>(null)
  /** Findings involving what the last change touched. */
  const touchedFindings = shallowRef<Finding[]>([])
  const summary = ref<FindingSummary | null>(null)
  /** Bumped after every stored change, for what only follows the plan in the window (a repair preview drawn over it). */
  const revision = ref(0)

  const neighborhoodsByArea = computed(() => {
    const m = new Map<string, Neighborhood[]>()
    for (const n of plan.value.neighborhoods) {
      const list = m.get(n.areaId) ?? []
      list.push(n)
      m.set(n.areaId, list)
    }
    for (const list of m.values()) list.sort((a, b) => a.name.localeCompare(b.name))
    return m
  })
  const officersByNeighborhood = computed(() => {
    const m = new Map<string, Officer[]>()
    for (const o of plan.value.officers) {
      if (!o.neighborhoodId) continue
      const list = m.get(o.neighborhoodId) ?? []
      list.push(o)
      m.set(o.neighborhoodId, list)
    }
    for (const list of m.values()) list.sort((a, b) => a.displayName.localeCompare(b.displayName))
    return m
  })
  const officerById = computed(() => new Map(plan.value.officers.map((o) => [o.id, o])))
  const areaById = computed(() => new Map(plan.value.areas.map((a) => [a.id, a])))
  const neighborhoodById = computed(() => new Map(plan.value.neighborhoods.map((n) => [n.id, n])))
  const selectedNeighborhood = computed(() => (selectedNeighborhoodId.value ? neighborhoodById.value.get(selectedNeighborhoodId.value) ?? null : null))

  async function load(): Promise<void> {
    plan.value = await api.loadPlan()
    loaded.value = true
    revision.value++
  }

  function selectNeighborhood(id: string | null): void {
    selectedNeighborhoodId.value = id
    if (id) selectedAreaId.value = neighborhoodById.value.get(id)?.areaId ?? selectedAreaId.value
  }

  function selectArea(id: string | null): void {
    selectedAreaId.value = id
    if (selectedNeighborhood.value && selectedNeighborhood.value.areaId !== id) selectedNeighborhoodId.value = null
  }

  /**
   * The one path every write's answer takes into the window: the change set into the plan, the
   * findings, the publish status and the history head into their stores. Nothing is asked again.
   */
  function took<R extends WriteResult>(r: R): R {
    try {
      plan.value = applyChangeSet(plan.value, r.changeSet)
    } catch {
      // The window's plan was not the one the change was made against (another program wrote meanwhile): read it as stored.
      void load()
    }
    const history = useHistoryStore()
    history.took(r.history, r.changeSet)
    canUndo.value = history.canUndo
    canRedo.value = history.canRedo
    touchedFindings.value = r.findings.touched
    summary.value = r.findings.summary
    useFindingsStore().took(r.findings)
    usePublishStore().took(r.publish)
    useStaffingStore().took(r.views)
    useShiftLoadStore().took(r.views)
    useRepairStore().took(r.views?.repairOptions)
    if (r.settings) useSettingsStore().took(r.settings)
    const last = r.history.last?.seq === r.seq ? r.history.last : null
    // A change followed from the server is logged under profile 'server' with the login that stored it.
    lastChange.value = { label: r.changeSet.label, seq: r.seq, changeSet: r.changeSet, action: last?.action ?? 'edit', by: last?.profile === 'server' && last.action === 'remote' ? last.osUser : null }
    lastError.value = null
    if (selectedNeighborhoodId.value && !neighborhoodById.value.has(selectedNeighborhoodId.value)) selectedNeighborhoodId.value = null
    revision.value++
    return r
  }

  /** Sends one gesture's change set; on refusal the plan stays as stored and the reason is kept for the UI. */
  async function apply(cs: ChangeSet): Promise<WriteResult | null> {
    try {
      return took(await api.applyChanges(cs))
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
      if (e instanceof ApiError && e.code === 'stale') await load()
      return null
    }
  }

  async function undo(): Promise<void> {
    try {
      took(await api.undo())
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  async function redo(): Promise<void> {
    try {
      took(await api.redo())
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  /** Whether the profile can undo or redo, as the log says: at startup and after the server names another login. */
  async function loadHistoryHead(): Promise<void> {
    const history = useHistoryStore()
    await history.loadHead()
    canUndo.value = history.canUndo
    canRedo.value = history.canRedo
  }

  /** The head a profile switch answered with (history is kept per profile). */
  function tookHistoryHead(h: HistoryHead): void {
    const history = useHistoryStore()
    history.setHead(h)
    canUndo.value = history.canUndo
    canRedo.value = history.canRedo
  }

  return {
    plan, loaded, selectedNeighborhoodId, selectedAreaId, canUndo, canRedo, lastError, lastChange, touchedFindings, summary, revision,
    neighborhoodsByArea, officersByNeighborhood, officerById, areaById, neighborhoodById, selectedNeighborhood,
    load, selectNeighborhood, selectArea, took, apply, undo, redo, loadHistoryHead, tookHistoryHead,
  }
})
