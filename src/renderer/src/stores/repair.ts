import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { AreaGeometry, Finding, FindingKind } from '../../../shared/domain'
import { isRepairableSliver, type RepairOption, type RepairProposal } from '../../../shared/geo/repair'
import type { Outputs } from '../../../shared/ipc/contract'
import type { ViewsUpdate } from '../../../shared/ipc/write-result'
import { api, ApiError } from '../api'
import { useFindingsStore } from './findings'
import { usePlanStore } from './plan'

/** Findings the panel offers fixes for. */
export const REPAIRABLE_KINDS: readonly FindingKind[] = ['gap', 'overlap', 'outside-area', 'invalid-geometry', 'area-gap', 'area-overlap']

/** What "Repair all slivers" would change, and the plan's findings summary after it. */
export type SliverPlan = Outputs['repair:previewSlivers']

/** What a previewed repair (or every sliver repair at once) puts on the map: plain GeoJSON. */
export interface RepairMapPreview {
  shapes: { id: string; name: string; before: AreaGeometry; after: AreaGeometry | null }[]
  moved: AreaGeometry[]
}

const message = (e: unknown): string => (e instanceof ApiError ? e.message : String((e as Error)?.message ?? e))

/**
 * The repairs of the findings panel in plain data: the fixes offered for one finding, the one
 * being previewed (or every sliver repair at once) and why the main process refused one. The map
 * draws `mapPreview`; a stored repair enters the plan store like a hand edit, so undo takes it back.
 */
export const useRepairStore = defineStore('repair', () => {
  const plan = usePlanStore()
  const findings = useFindingsStore()
  /** The finding whose fixes are listed. */
  const optionsFor = ref<string | null>(null)
  const options = shallowRef<RepairOption[]>([])
  const loadingOptions = ref(false)
  const proposal = shallowRef<RepairProposal | null>(null)
  const slivers = shallowRef<SliverPlan | null>(null)
  const busy = ref(false)
  /** Why the last repair asked for was refused, in the main process's words. */
  const problem = ref<string | null>(null)

  const sliverFindings = computed(() => (findings.report?.findings ?? []).filter(isRepairableSliver))

  const mapPreview = computed<RepairMapPreview | null>(() => {
    const list = proposal.value ? [proposal.value] : slivers.value?.proposals
    if (!list?.length) return null
    // Several sliver repairs may change one neighborhood: draw it once, from its shape now to its shape after all of them.
    const shapes = new Map<string, RepairMapPreview['shapes'][number]>()
    for (const p of list)
      for (const s of p.preview) {
        const key = `${s.entity}:${s.id}`
        const seen = shapes.get(key)
        shapes.set(key, { id: s.id, name: s.name, before: seen?.before ?? s.before, after: s.after })
      }
    const byId = new Map((findings.report?.findings ?? []).map((f) => [f.id, f]))
    return { shapes: [...shapes.values()], moved: list.flatMap((p) => byId.get(p.findingId)?.geometry ?? []) }
  })

  /** Whatever was previewed describes the plan before the last stored change (or undo): drop it. */
  watch(
    () => plan.revision,
    () => {
      proposal.value = null
      slivers.value = null
    },
  )

  /** Lists the fixes for a finding; `fresh` false keeps the last refusal on screen (a reload after a change). */
  async function loadOptions(f: Finding, fresh = true): Promise<void> {
    if (fresh) problem.value = null
    proposal.value = null
    optionsFor.value = f.id
    options.value = []
    loadingOptions.value = true
    try {
      const list = await api.repairOptions({ findingId: f.id })
      if (optionsFor.value === f.id) options.value = list
    } catch (e) {
      if (optionsFor.value === f.id) problem.value = message(e)
    } finally {
      if (optionsFor.value === f.id) loadingOptions.value = false
    }
  }

  async function preview(option: RepairOption): Promise<void> {
    const findingId = optionsFor.value
    if (!findingId) return
    slivers.value = null
    problem.value = null
    busy.value = true
    try {
      proposal.value = await api.previewRepair({ findingId, rule: option.rule, ...(option.targetId ? { targetId: option.targetId } : {}) })
    } catch (e) {
      proposal.value = null
      problem.value = message(e)
    } finally {
      busy.value = false
    }
  }

  /** Stores the previewed repair through the same checks as a hand edit; a refusal keeps the plan and says why. */
  async function apply(): Promise<boolean> {
    const p = proposal.value
    if (!p) return false
    return store(() => api.applyRepair({ findingId: p.findingId, rule: p.rule, ...(p.targetId ? { targetId: p.targetId } : {}) }))
  }

  async function previewSlivers(): Promise<void> {
    proposal.value = null
    problem.value = null
    busy.value = true
    try {
      slivers.value = await api.previewSliverRepairs()
    } catch (e) {
      slivers.value = null
      problem.value = message(e)
    } finally {
      busy.value = false
    }
  }

  async function applySlivers(): Promise<boolean> {
    if (!slivers.value?.proposals.length) return false
    return store(() => api.repairSlivers())
  }

  async function store(send: () => ReturnType<typeof api.applyRepair | typeof api.repairSlivers>): Promise<boolean> {
    problem.value = null
    busy.value = true
    try {
      const r = await send()
      proposal.value = null
      slivers.value = null
      plan.took(r)
      return true
    } catch (e) {
      problem.value = message(e)
      // Someone changed what the repair would touch: show the plan as stored now.
      if (e instanceof ApiError && e.code === 'stale') await plan.load()
      return false
    } finally {
      busy.value = false
    }
  }

  /** A write changed the finding whose fixes are listed: its answer lists them again (plan.took). */
  function took(u: ViewsUpdate['repairOptions']): void {
    if (!u || optionsFor.value !== u.findingId) return
    proposal.value = null
    options.value = u.options
    loadingOptions.value = false
  }

  /**
   * The picker closed: writes stop listing its fixes. A finding a write fixed is already forgotten
   * by the main process; only one the user left (another chosen, the panel closed) is said.
   */
  function hideOptions(): void {
    const id = optionsFor.value
    optionsFor.value = null
    if (id && findings.report?.findings.some((f) => f.id === id)) void api.hideView({ view: 'repairOptions' }).catch(() => {})
  }

  function cancel(): void {
    proposal.value = null
    slivers.value = null
    problem.value = null
  }

  return {
    optionsFor, options, loadingOptions, proposal, slivers, busy, problem, sliverFindings, mapPreview,
    loadOptions, preview, apply, previewSlivers, applySlivers, cancel, took, hideOptions,
  }
})
