import { DEFAULT_TOLERANCES, type Tolerances } from '../../domain'

/**
 * The tolerances with the defaults filled in: what `{ ...DEFAULT_TOLERANCES, ...tol }` gives
 * (an own property of `tol` wins, even when undefined), built as one object literal so that
 * every check gets objects of one shape. Spread copies did not: after eight or nine checks
 * V8 gave them another hidden class, and the compiled finding code that read them (findings,
 * their keys and refresh) was thrown away and compiled again in the middle of the next checks.
 */
export function withDefaults(tol?: Partial<Tolerances>): Tolerances {
  const d = DEFAULT_TOLERANCES
  const has = (k: keyof Tolerances) => tol !== undefined && tol !== null && Object.prototype.hasOwnProperty.call(tol, k)
  const t: Tolerances = {
    sliverWidthM: has('sliverWidthM') ? tol!.sliverWidthM! : d.sliverWidthM,
    sliverAreaM2: has('sliverAreaM2') ? tol!.sliverAreaM2! : d.sliverAreaM2,
    unassignedIsError: has('unassignedIsError') ? tol!.unassignedIsError! : d.unassignedIsError,
    minPieceAreaM2: has('minPieceAreaM2') ? tol!.minPieceAreaM2 : d.minPieceAreaM2,
  }
  if (has('vacancy')) t.vacancy = tol!.vacancy
  // Anything else a caller put in comes along, as with a spread.
  if (tol) for (const k of Object.keys(tol)) if (!(k in t)) (t as unknown as Record<string, unknown>)[k] = (tol as Record<string, unknown>)[k]
  return t
}
