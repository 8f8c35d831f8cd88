import { createDispatch, type Dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { Neighborhood } from '../../../src/shared/domain'
import type { Outputs } from '../../../src/shared/ipc'
import { bulge, importAsDrawn, longestEdge, neighborhood } from '../../helpers/repair-fixtures'
import { makeServices } from '../../helpers/services'

/** The sample city with Jensen drawn 30 m short of Vasco: one gap, which putting Jensen's outline back closes. */
export function openGapPlan(): { s: ReturnType<typeof makeServices>; dispatch: Dispatch; drawn: Neighborhood; gapId: string } {
  const s = makeServices()
  const drawn = neighborhood(s.plans.load(), 'NE-jensen')
  importAsDrawn(s, (p) => [bulge(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), 30, 'in')])
  const dispatch = createDispatch(createHandlers(s))
  const gapId = s.validation.findings().find((f) => f.kind === 'gap')!.id
  return { s, dispatch, drawn, gapId }
}

/** A channel's value, or the channel's error thrown. */
export async function valueOf<C extends keyof Outputs>(dispatch: Dispatch, channel: C, input?: unknown): Promise<Outputs[C]> {
  const r = await dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value as Outputs[C]
}
