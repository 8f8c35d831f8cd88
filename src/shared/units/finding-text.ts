import type { Finding } from '../domain'
import { formatArea, formatSquareMetres, type Units } from './format'

/**
 * A finding's sentence in the chosen units. The validator writes its sentences in square metres for
 * everyone (the command line's scripts read them); the figure in it is `formatSquareMetres(areaM2)`,
 * so the window writes it again from the finding's own number in the unit every other area in the
 * window uses (km², or acres and sq mi), never read back from the text. A sentence that does not
 * hold that figure keeps its words and gets the area after it.
 */
export function findingText(f: Pick<Finding, 'message' | 'areaM2'>, units: Units): string {
  if (!(f.areaM2 > 0)) return f.message
  const metric = formatSquareMetres(f.areaM2)
  const at = f.message.indexOf(metric)
  const shown = formatArea(f.areaM2, units)
  return at < 0 ? `${f.message} (${shown})` : `${f.message.slice(0, at)}${shown}${f.message.slice(at + metric.length)}`
}
