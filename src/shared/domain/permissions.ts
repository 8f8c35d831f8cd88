import type { ChangeOp, ChangeSet } from './change-set'
import type { AreaCommand, Neighborhood } from './entities'
import type { Profile } from './plan'
import { sameShape } from './same-shape'
import { stableStringify } from './stable-json'

export interface PermissionContext {
  areas: Pick<AreaCommand, 'id' | 'name'>[]
  neighborhoods: Pick<Neighborhood, 'id' | 'areaId' | 'name'>[]
}

/**
 * Why `profile` may not apply `cs`, in words that say who can; null when allowed.
 * The main process refuses with it; it lives in shared so the rule is written once, beside the domain.
 */
export function whyNotAllowed(profile: Profile, cs: ChangeSet, ctx: PermissionContext): string | null {
  if (profile.role === 'admin') return null
  for (const op of cs.ops) {
    const reason = whyNotOp(profile.areaId, op, ctx)
    if (reason) return reason
  }
  return null
}

function areaName(ctx: PermissionContext, id: string | null | undefined): string {
  if (!id) return 'no Area Command'
  return ctx.areas.find((a) => a.id === id)?.name ?? id
}

/**
 * A boundary outside the commander's area that only takes vertices on its own straight edges
 * (or gives them back, on undo): the edit's new corners on a shared edge, so both sides keep
 * identical vertices. Its ground and every other field stay as they are, so no one else's
 * neighborhood or Area Command changes; refusing it would make topological edits at an area
 * boundary impossible for the commander.
 */
function onlySharesVertices(op: ChangeOp): boolean {
  if (op.entity === 'officer' || !op.before || !op.after) return false
  const { geometry: g0, ...rest0 } = op.before
  const { geometry: g1, ...rest1 } = op.after
  return stableStringify(rest0) === stableStringify(rest1) && sameShape(g0, g1)
}

function whyNotOp(own: string, op: ChangeOp, ctx: PermissionContext): string | null {
  const you = `You are acting as the Area Commander of ${areaName(ctx, own)}`
  if (onlySharesVertices(op)) return null
  switch (op.entity) {
    case 'city':
      return `${you}; only Administration can change the city limit.`
    case 'area': {
      // A commander may name or recolour nothing of the area record either: commanders are assigned by Administration.
      return `${you}; only Administration can change Area Commands (${areaName(ctx, op.id)}).`
    }
    case 'neighborhood': {
      for (const row of [op.before, op.after]) {
        if (row && row.areaId !== own)
          return `${you}; ${row.name} belongs to ${areaName(ctx, row.areaId)}. Its Area Commander or Administration can change it.`
      }
      return null
    }
    case 'officer': {
      const from = op.before?.areaId ?? null
      const to = op.after?.areaId ?? null
      if (op.before && op.after && from !== to)
        return `${you}; moving ${op.after.displayName} from ${areaName(ctx, from)} to ${areaName(ctx, to)} is an area transfer, which only Administration can make.`
      for (const row of [op.before, op.after]) {
        if (row && row.areaId !== own)
          return `${you}; ${row.displayName} is assigned to ${areaName(ctx, row.areaId)}. Its Area Commander or Administration can change it.`
        if (row?.neighborhoodId) {
          const n = ctx.neighborhoods.find((x) => x.id === row.neighborhoodId)
          if (n && n.areaId !== own)
            return `${you}; ${n.name} belongs to ${areaName(ctx, n.areaId)}, so ${row.displayName} cannot adopt it without an area transfer by Administration.`
        }
      }
      return null
    }
  }
}
