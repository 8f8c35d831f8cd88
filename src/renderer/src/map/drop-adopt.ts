/** The drag payload type: only our officer cards carry it, so other drags (files, text) are ignored. */
export const OFFICER_DRAG_TYPE = 'application/x-acp-officer'

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
