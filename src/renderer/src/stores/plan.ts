import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ChangeSet, Finding, FindingSummary, Neighborhood, Officer, PlanState } from '../../../shared/domain'
import { applyChangeSet } from '../../../shared/domain'
import type { ApplyResult } from '../../../shared/ipc/outputs'
import { api, ApiError } from '../api'

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
  const lastChange = ref<{ label: string; seq: number } | null>(null)
  /** Findings involving what the last change touched. */
  const touchedFindings = shallowRef<Finding[]>([])
  const summary = ref<FindingSummary | null>(null)
  /** Bumped after every stored change so panels that derive data (findings, staffing) refresh. */
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

  function took(r: ApplyResult, label: string): ApplyResult {
    plan.value = applyChangeSet(plan.value, r.changeSet)
    canUndo.value = r.canUndo
    canRedo.value = r.canRedo
    touchedFindings.value = r.touchedFindings
    summary.value = r.summary
    lastChange.value = { label, seq: r.seq }
    lastError.value = null
    if (selectedNeighborhoodId.value && !neighborhoodById.value.has(selectedNeighborhoodId.value)) selectedNeighborhoodId.value = null
    revision.value++
    return r
  }

  /** Sends one gesture's change set; on refusal the plan stays as stored and the reason is kept for the UI. */
  async function apply(cs: ChangeSet): Promise<ApplyResult | null> {
    try {
      return took(await api.applyChanges(cs), cs.label)
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
      if (e instanceof ApiError && e.code === 'stale') await load()
      return null
    }
  }

  /** A change the main process stored on its own (a repair chosen in the findings panel) enters the plan like an edit's. */
  function record(r: ApplyResult): ApplyResult {
    return took(r, r.changeSet.label)
  }

  async function undo(): Promise<void> {
    try {
      const r = await api.undo()
      took(r, r.changeSet.label)
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  async function redo(): Promise<void> {
    try {
      const r = await api.redo()
      took(r, r.changeSet.label)
    } catch (e) {
      lastError.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  function setHistoryFlags(undo: boolean, redo: boolean): void {
    canUndo.value = undo
    canRedo.value = redo
  }

  return {
    plan, loaded, selectedNeighborhoodId, selectedAreaId, canUndo, canRedo, lastError, lastChange, touchedFindings, summary, revision,
    neighborhoodsByArea, officersByNeighborhood, officerById, areaById, neighborhoodById, selectedNeighborhood,
    load, selectNeighborhood, selectArea, apply, record, undo, redo, setHistoryFlags,
  }
})
