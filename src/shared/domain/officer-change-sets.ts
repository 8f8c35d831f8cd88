import type { ChangeSet } from './change-set'
import type { AreaCommand, Neighborhood, Officer } from './entities'

/**
 * The change sets that move officers: adopting a neighborhood, giving it up, leaving patrol and
 * moving to another Area Command. The window builds them from a drop or a button, the staffing
 * service from a suggested move; each is one officer op, so it is one undo step.
 */
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

/** The person leaves patrol: the post stays on the roster as vacant and gives up its neighborhood. */
export function deactivateChangeSet(o: Officer): ChangeSet {
  return { label: `Deactivate ${o.displayName} (post vacant)`, ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, status: 'vacant', neighborhoodId: null } }] }
}

/** One suggested transfer carried out: the officer joins the area and leaves their neighborhood. */
export function transferChangeSet(o: Officer, toAreaId: string, names: { from: string; to: string }): ChangeSet {
  return {
    label: `Transfer ${o.displayName} from ${names.from} to ${names.to}`,
    ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, areaId: toAreaId, neighborhoodId: null } }],
  }
}
