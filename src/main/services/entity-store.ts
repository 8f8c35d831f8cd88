import type { ChangeOp, Entity } from '../../shared/domain'
import type { Repos } from '../db/repos'

/** Reads and writes any entity a change op names, through its repository. */
export function readEntity(repos: Repos, op: Pick<ChangeOp, 'entity' | 'id'>): Entity | null {
  switch (op.entity) {
    case 'city':
      return repos.city.get()
    case 'area':
      return repos.areas.get(op.id)
    case 'neighborhood':
      return repos.neighborhoods.get(op.id)
    case 'officer':
      return repos.officers.get(op.id)
  }
}

/** Whether anything is stored under the op's id; for officers without reading the officer back. */
export function entityExists(repos: Repos, op: Pick<ChangeOp, 'entity' | 'id'>): boolean {
  return op.entity === 'officer' ? repos.officers.exists(op.id) : readEntity(repos, op) !== null
}

export function writeOp(repos: Repos, op: ChangeOp): void {
  switch (op.entity) {
    case 'city':
      return op.after ? repos.city.put(op.after) : repos.city.remove()
    case 'area':
      return op.after ? repos.areas.put(op.after) : repos.areas.remove(op.id)
    case 'neighborhood':
      return op.after ? repos.neighborhoods.put(op.after) : repos.neighborhoods.remove(op.id)
    case 'officer':
      // Callers check op.before against the store first, so before === null means nothing is stored under this id.
      return op.after ? repos.officers.put(op.after, op.before === null) : repos.officers.remove(op.id)
  }
}
