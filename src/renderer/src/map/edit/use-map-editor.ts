import { markRaw, onBeforeUnmount, watch, type ShallowRef } from 'vue'
import { redrawBoundary } from '../../../../shared/geo/ops'
import { useEditorStore } from '../../stores/editor'
import { usePlanStore } from '../../stores/plan'
import { useSessionStore } from '../../stores/session'
import type { PlanMap } from '../plan-map'
import { MapEditor, type CommitTiming } from './map-editor'

declare global {
  interface Window {
    /** Read-only hook for browser tests and the benchmark: how long each stored drag took to show. */
    __acpEditor?: { timings(): CommitTiming[] }
  }
}

/** Attaches the editor to the plan map once it exists and keeps it in step with the stores. */
export function useMapEditor(planMap: ShallowRef<PlanMap | null>): void {
  const editor = useEditorStore()
  const plan = usePlanStore()
  const session = useSessionStore()
  let me: MapEditor | null = null

  const stop = watch(
    planMap,
    (pm) => {
      if (!pm || me) return
      me = markRaw(
        new MapEditor(pm, {
          tool: () => editor.tool,
          plan: () => plan.plan,
          selectedId: () => plan.selectedNeighborhoodId,
          partnerId: () => editor.partnerId,
          setPartner: (id) => (editor.partnerId = id),
          canEdit: (a) => session.canEditArea(a),
          isAdmin: () => session.isAdmin,
          whoCanEdit: (a) => editor.whoCanEdit(a),
          setHint: (t) => (editor.hint = t),
          setPreview: (p, problem) => {
            editor.preview = p
            editor.liveProblem = problem
          },
          setPending: (p) => (editor.pending = p),
          escape: () => editor.escape(),
          pickToDelete: (id) => editor.pickToDelete(id),
          redrawLine: (line) => {
            const [aId, bId] = [plan.selectedNeighborhoodId, editor.partnerId]
            if (aId && bId) void editor.commit((p) => redrawBoundary(p, { aId, bId, line }))
          },
          commit: (make) => editor.commit(make),
          showError: (m) => (plan.lastError = m),
        }),
      )
      const m = me
      editor.attach({ cancel: () => m.cancel(), finish: () => m.finish() })
      window.__acpEditor = { timings: () => m.timings.slice() }
      watch([() => editor.tool, () => editor.partnerId, () => plan.selectedNeighborhoodId], () => m.syncTool())
      watch(() => editor.pending, (p) => !p && m.sketch.setPending(null, false))
      // A named shape waiting for confirmation shows its pieces, labelled, as they would be stored.
      watch(
        [() => editor.preview, () => editor.pending],
        ([p, pending]) => {
          if (editor.tool !== 'draw' && editor.tool !== 'split') return
          if (!pending) return m.sketch.setPreview([])
          const rows = (p?.editedIds ?? []).map((id) => p!.plan.neighborhoods.find((n) => n.id === id)).filter((n) => !!n)
          m.sketch.setPreview(rows.map((n) => n.geometry), true, rows.map((n) => n.name))
        },
      )
      watch(
        [() => editor.partnerId, () => plan.plan],
        ([id]) => m.sketch.setPartner((id && plan.neighborhoodById.get(id)?.geometry) || null),
        { immediate: true },
      )
      watch(
        [() => editor.editedIds, () => plan.plan],
        ([ids]) => {
          m.sketch.setEdited([...ids].map((id) => plan.neighborhoodById.get(id)?.geometry).filter((g) => !!g))
          pm.setEdited(ids)
        },
        { immediate: true },
      )
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    stop()
    me?.dispose()
    editor.attach(null)
    delete window.__acpEditor
  })
}
