import type { AreaCommand, ChangeSet, Neighborhood, Officer } from '../../../shared/domain'

/** The drag payload type: only our officer cards carry it, so other drags (files, text) are ignored. */
export const OFFICER_DRAG_TYPE = 'application/x-acp-officer'

export type AdoptPlan =
  | { kind: 'none'; reason: string }
  | { kind: 'adopt'; changeSet: ChangeSet }
  | { kind: 'transfer'; changeSet: ChangeSet; fromName: string; toName: string }

/**
 * What dropping `o` on `n` means. Within the officer's area it is an adoption; onto another area's
 * neighborhood it is an area transfer (the officer's area and neighborhood change together, one
 * change set) that the caller confirms first and the main process allows only to Administration.
 */
export function planAdoption(o: Officer, n: Neighborhood, areas: Pick<AreaCommand, 'id' | 'name'>[]): AdoptPlan {
  if (o.neighborhoodId === n.id && o.areaId === n.areaId) return { kind: 'none', reason: `${o.displayName} already adopts ${n.name}.` }
  const name = (id: string | null) => (id ? (areas.find((a) => a.id === id)?.name ?? id) : 'no Area Command')
  const after: Officer = { ...o, areaId: n.areaId, neighborhoodId: n.id }
  const changeSet: ChangeSet = { label: '', ops: [{ entity: 'officer', id: o.id, before: o, after }] }
  if (o.areaId === n.areaId) return { kind: 'adopt', changeSet: { ...changeSet, label: `${o.displayName} adopts ${n.name}` } }
  const fromName = name(o.areaId)
  const toName = name(n.areaId)
  return {
    kind: 'transfer',
    fromName,
    toName,
    changeSet: { ...changeSet, label: `Transfer ${o.displayName} from ${fromName} to ${toName}, adopting ${n.name}` },
  }
}

/** The change set that removes an officer's adoption (the officer stays in the area). */
export function releaseChangeSet(o: Officer, neighborhoodName: string): ChangeSet {
  return { label: `${o.displayName} no longer adopts ${neighborhoodName}`, ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: null } }] }
}

export function isOfficerDrag(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes(OFFICER_DRAG_TYPE)
}

export function startOfficerDrag(e: DragEvent, officerId: string): void {
  if (!e.dataTransfer) return
  e.dataTransfer.setData(OFFICER_DRAG_TYPE, officerId)
  e.dataTransfer.setData('text/plain', officerId)
  e.dataTransfer.effectAllowed = 'move'
}

/**
 * Listens for officer cards dropped on `el`. `targetOf` says which neighborhood is under the
 * drop (null: none). Returns a function that removes the listeners.
 */
export function listenForOfficerDrops(
  el: HTMLElement | Document,
  targetOf: (e: DragEvent) => string | null,
  onDrop: (officerId: string, neighborhoodId: string | null) => void,
): () => void {
  const over = (ev: Event) => {
    const e = ev as DragEvent
    if (!isOfficerDrag(e) || targetOf(e) === null) return
    e.preventDefault()
    e.dataTransfer!.dropEffect = 'move'
  }
  const drop = (ev: Event) => {
    const e = ev as DragEvent
    // A listener nearer the drop point (the map inside the document) already took it.
    if (!isOfficerDrag(e) || e.defaultPrevented) return
    const nb = targetOf(e)
    e.preventDefault()
    onDrop(e.dataTransfer!.getData(OFFICER_DRAG_TYPE), nb)
  }
  el.addEventListener('dragover', over)
  el.addEventListener('drop', drop)
  return () => {
    el.removeEventListener('dragover', over)
    el.removeEventListener('drop', drop)
  }
}
