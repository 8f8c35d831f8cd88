import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { deactivateChangeSet, planAdoption, releaseChangeSet, type Officer, type OfficerStatus } from '../../../shared/domain'
import { usePlanStore } from './plan'

export type StatusFilter = 'all' | OfficerStatus
export interface PendingTransfer {
  officer: Officer
  neighborhoodName: string
  fromName: string
  toName: string
  run: () => Promise<void>
}

export function blankOfficer(areaId: string | null): Officer {
  return {
    id: `off-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`,
    displayName: '', rank: 'Officer', email: '', deskPhone: '', shift: '', status: 'active', areaId, neighborhoodId: null,
    private: { employeeId: '', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
  }
}

/** The roster panel's filters, the officer being edited, and the gestures that turn into change sets. */
export const useRosterStore = defineStore('roster', () => {
  const plan = usePlanStore()
  const shift = ref<string>('')
  const status = ref<StatusFilter>('all')
  const onlyUnassigned = ref(false)
  const search = ref('')
  /** The officer open in the editor: a copy, or a new blank one. */
  const editing = shallowRef<{ officer: Officer; isNew: boolean } | null>(null)
  const pendingTransfer = shallowRef<PendingTransfer | null>(null)
  const notice = ref<string | null>(null)

  const shifts = computed(() => [...new Set(plan.plan.officers.map((o) => o.shift.trim()).filter(Boolean))].sort())
  const officers = computed(() => {
    const area = plan.selectedAreaId
    const q = search.value.trim().toLowerCase()
    return plan.plan.officers
      .filter((o) => (area ? o.areaId === area : true))
      .filter((o) => (shift.value ? o.shift.trim() === shift.value : true))
      .filter((o) => (status.value === 'all' ? true : o.status === status.value))
      .filter((o) => (onlyUnassigned.value ? o.neighborhoodId === null : true))
      .filter((o) => (q ? `${o.displayName} ${o.rank} ${o.private.employeeId} ${o.private.badge}`.toLowerCase().includes(q) : true))
      .sort((a, b) => (a.areaId ?? '').localeCompare(b.areaId ?? '') || a.displayName.localeCompare(b.displayName))
  })

  function edit(o: Officer | null): void {
    editing.value = o ? { officer: structuredClone({ ...o, private: { ...o.private } }), isNew: false } : { officer: blankOfficer(plan.selectedAreaId), isNew: true }
  }

  /** One save = one change set. Returns true when stored. */
  async function save(o: Officer, isNew: boolean): Promise<boolean> {
    const before = isNew ? null : (plan.officerById.get(o.id) ?? null)
    const clean: Officer = {
      ...o,
      displayName: o.displayName.trim(),
      // A neighborhood outside the officer's area cannot be adopted; the area wins.
      neighborhoodId: o.neighborhoodId && plan.neighborhoodById.get(o.neighborhoodId)?.areaId === o.areaId ? o.neighborhoodId : null,
    }
    const r = await plan.apply({
      label: isNew ? `Add officer ${clean.displayName}` : `Edit officer ${clean.displayName}`,
      ops: [{ entity: 'officer', id: clean.id, before, after: clean }],
    })
    if (r) editing.value = null
    return r !== null
  }

  /** The person leaves patrol: the post stays on the roster as vacant and gives up its neighborhood. */
  async function deactivate(o: Officer): Promise<void> {
    await plan.apply(deactivateChangeSet(o))
    editing.value = null
  }

  async function release(o: Officer): Promise<void> {
    const n = o.neighborhoodId ? plan.neighborhoodById.get(o.neighborhoodId) : undefined
    if (n) await plan.apply(releaseChangeSet(o, n.name))
  }

  /**
   * A dropped officer card. Another area's neighborhood is an area transfer: Administration confirms
   * it first; an Area Commander's request goes to the main process, which refuses it with the reason.
   */
  async function adopt(officerId: string, neighborhoodId: string | null, isAdmin: boolean): Promise<void> {
    notice.value = null
    const o = plan.officerById.get(officerId)
    if (!o) return
    if (!neighborhoodId) {
      notice.value = `Drop ${o.displayName} onto a neighborhood to adopt it.`
      return
    }
    const n = plan.neighborhoodById.get(neighborhoodId)
    if (!n) return
    const p = planAdoption(o, n, plan.plan.areas)
    if (p.kind === 'none') {
      notice.value = p.reason
      return
    }
    const run = async () => {
      pendingTransfer.value = null
      await plan.apply(p.changeSet)
    }
    if (p.kind === 'transfer' && isAdmin) {
      pendingTransfer.value = { officer: o, neighborhoodName: n.name, fromName: p.fromName, toName: p.toName, run }
      return
    }
    await run()
  }

  return { shift, status, onlyUnassigned, search, editing, pendingTransfer, notice, shifts, officers, edit, save, deactivate, release, adopt }
})
