import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ChangeSet, LonLat, PlanState } from '../../../shared/domain'
import { EditError } from '../../../shared/domain'
import { areaReadout, type AreaReadout } from '../../../shared/domain/area-readout'
import { useHistoryStore } from './history'
import { usePlanStore } from './plan'
import { useSessionStore } from './session'

export const TOOLS = ['select', 'reshape', 'draw', 'split', 'merge', 'redraw', 'delete'] as const
export type Tool = (typeof TOOLS)[number]
/** Tools that do one job: once it is stored, or on Esc, the editor lets go of them and is back on Select. */
export const ONE_JOB_TOOLS: readonly Tool[] = ['draw', 'split', 'merge', 'redraw', 'delete']

/** A drawn shape waiting for the user to name it (draw, split) before it becomes a change. */
export type Pending = { kind: 'draw'; ring: LonLat[] } | { kind: 'split'; line: LonLat[] } | null

/** What the map side of the editor offers the panels; registered by the map composable. */
export interface EditorController {
  /** Drops the drawing in progress (Esc). */
  cancel(): void
  /** Finishes the drawing in progress (Enter). */
  finish(): void
}

let controller: EditorController | null = null

/**
 * Editor state in plain data: the tool, the shape being named, the live km² readout and which
 * neighborhoods this session changed. OpenLayers objects stay in map/edit.
 */
export const useEditorStore = defineStore('editor', () => {
  const plan = usePlanStore()
  const session = useSessionStore()
  const history = useHistoryStore()
  const tool = ref<Tool>('select')
  const partnerId = ref<string | null>(null)
  const pending = shallowRef<Pending>(null)
  const takeFromNeighbors = ref(false)
  const busy = ref(false)
  /**
   * What the Delete tool is armed against: the neighborhood selected when the tool was picked, or
   * one clicked on the map with the tool on. Any other selection (the list, an officer card, a
   * lookup) lets go of the tool, so a delete form never opens as a side effect of another action.
   */
  const deleteTargetId = ref<string | null>(null)
  /** Live figures while a gesture is previewed; null = show the stored plan around the selection. */
  const preview = shallowRef<{ plan: PlanState; editedIds: string[] } | null>(null)
  /** Why the shape being dragged or drawn cannot be stored as it is, live. */
  const liveProblem = ref<string | null>(null)
  /** What a press at the pointer would do, or who may edit what is under it. */
  const hint = ref<string | null>(null)
  /** Neighborhoods this window's hand edits changed and that are still done, from the audit log's rows. */
  const editedIds = computed(() => history.editedIds)
  const readout = computed<AreaReadout[]>(() => {
    if (preview.value) return areaReadout(plan.plan, preview.value.plan, preview.value.editedIds)
    const id = plan.selectedNeighborhoodId
    return id ? areaReadout(plan.plan, plan.plan, [id]) : []
  })

  function areaLabel(areaId: string): string {
    return plan.areaById.get(areaId)?.name ?? areaId
  }

  /** Null when the current profile may edit the area, else who can, in words. */
  function whoCanEdit(areaId: string | null | undefined): string | null {
    if (!areaId || session.canEditArea(areaId)) return null
    const area = plan.areaById.get(areaId)
    const lt = area?.commanderId ? plan.officerById.get(area.commanderId) : undefined
    const who = lt ? `${lt.rank === 'Lieutenant' ? 'Lt.' : lt.rank} ${lt.displayName}` : 'its Area Commander'
    return `${areaLabel(areaId)} belongs to ${who} — only its Area Commander or Administration can change it.`
  }

  function setTool(t: Tool): void {
    controller?.cancel()
    pending.value = null
    preview.value = null
    liveProblem.value = null
    if (t !== 'merge' && t !== 'redraw' && t !== 'delete') partnerId.value = null
    deleteTargetId.value = t === 'delete' ? plan.selectedNeighborhoodId : null
    tool.value = t
  }

  /** Esc: drops whatever is being drawn or dragged and lets go of the tool. */
  function escape(): void {
    setTool('select')
  }

  /** A click on the map with the Delete tool on: that neighborhood is the one to delete. */
  function pickToDelete(id: string | null): void {
    if (tool.value !== 'delete') return
    deleteTargetId.value = id
    plan.selectNeighborhood(id)
  }

  watch(
    () => plan.selectedNeighborhoodId,
    (id) => {
      if (tool.value === 'delete' && id !== deleteTargetId.value) setTool('select')
    },
  )

  function cancel(): void {
    controller?.cancel()
    pending.value = null
    preview.value = null
    liveProblem.value = null
  }

  function finish(): void {
    controller?.finish()
  }

  /**
   * Builds one gesture's change set from the stored plan and sends it. A refusal by the pure
   * operation is shown at once and nothing is sent; a refusal by the main process is shown by
   * the plan store, which never applied it, so the map keeps the stored shapes.
   */
  async function commit(make: (p: PlanState) => ChangeSet): Promise<boolean> {
    let cs: ChangeSet
    try {
      cs = make(plan.plan)
    } catch (e) {
      if (!(e instanceof EditError)) throw e
      plan.lastError = e.message
      return false
    }
    busy.value = true
    try {
      const stored = (await plan.apply(cs)) !== null
      // The job is done: the tool lets go (a reshape goes on dragging until another tool is picked).
      if (stored && ONE_JOB_TOOLS.includes(tool.value)) setTool('select')
      return stored
    } finally {
      busy.value = false
      preview.value = null
      liveProblem.value = null
    }
  }

  /** An unused neighborhood id made from the area id and the name ("NE-new-hills", "NE-new-hills-2"). */
  function newNeighborhoodId(areaId: string, name: string, taken: string[] = []): string {
    const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'neighborhood'
    const used = new Set([...plan.plan.neighborhoods.map((n) => n.id), ...taken])
    const base = `${areaId}-${slug}`
    let id = base
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`
    return id
  }

  function attach(c: EditorController | null): void {
    controller = c
  }

  return {
    tool, partnerId, pending, takeFromNeighbors, busy, deleteTargetId, preview, liveProblem, hint, editedIds, readout,
    whoCanEdit, areaLabel, setTool, escape, pickToDelete, cancel, finish, commit, newNeighborhoodId, attach,
  }
})
