import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { idsTouched, type ChangeSet } from '../../../shared/domain'
import type { HistoryEntry } from '../../../shared/ipc/outputs'
import type { HistoryHead } from '../../../shared/ipc/write-result'
import { api } from '../api'

type StepState = HistoryEntry['state']
/** One audit row stored by this window: its state follows the log's undo/redo rows that refer to it. */
interface OwnStep {
  action: string
  profile: string
  state: StepState
  neighborhoodIds: string[]
}

/**
 * The undo history as the audit log holds it: whether the profile can undo or redo, the
 * History panel's rows, and the steps this window stored. Every write's answer carries the
 * row it wrote; an undo or redo row names the step it undid or redid (refSeq), so the state of
 * each step here is the log's, never a guess kept beside it.
 */
export const useHistoryStore = defineStore('history', () => {
  const canUndo = ref(false)
  const canRedo = ref(false)
  /** The History panel's rows, newest first; null until the panel first lists them. */
  const entries = shallowRef<HistoryEntry[] | null>(null)
  const own = shallowRef(new Map<number, OwnStep>())

  /** Neighborhoods changed by this window's hand edits that are still done: the "edited" marks. */
  const editedIds = computed(() => {
    const out = new Set<string>()
    for (const s of own.value.values()) if (s.action === 'edit' && s.state === 'done') for (const id of s.neighborhoodIds) out.add(id)
    return out
  })

  function setHead(h: HistoryHead): void {
    canUndo.value = h.canUndo
    canRedo.value = h.canRedo
  }

  /** At startup and after a profile switch: history is kept per profile. */
  async function loadHead(): Promise<void> {
    setHead(await api.historyHead())
  }

  async function list(): Promise<void> {
    entries.value = await api.listHistory({ limit: 200 })
  }

  /** A write's row, and the change set it stored. */
  function took(h: HistoryHead, cs: ChangeSet): void {
    setHead(h)
    const row = h.last
    if (!row) return
    const steps = new Map(own.value)
    let rows = entries.value
    const setState = (seq: number, state: StepState) => {
      const s = steps.get(seq)
      if (s) steps.set(seq, { ...s, state })
      if (rows) rows = rows.map((e) => (e.seq === seq ? { ...e, state } : e))
    }
    if (row.refSeq !== null && (row.action === 'undo' || row.action === 'redo')) setState(row.refSeq, row.action === 'undo' ? 'undone' : 'done')
    else if (row.state === 'done') {
      // A new step drops the profile's redo list, in the log and here.
      for (const [seq, s] of steps) if (s.profile === row.profile && s.state === 'undone') steps.set(seq, { ...s, state: 'dropped' })
      if (rows) rows = rows.map((e) => (e.profile === row.profile && e.state === 'undone' ? { ...e, state: 'dropped' } : e))
      steps.set(row.seq, { action: row.action, profile: row.profile, state: 'done', neighborhoodIds: idsTouched(cs, 'neighborhood', { kept: true }) })
    }
    own.value = steps
    if (rows) {
      const { refSeq: _ref, ...entry } = row
      entries.value = [entry, ...rows].slice(0, 200)
    }
  }

  return { canUndo, canRedo, entries, editedIds, loadHead, list, took, setHead }
})
