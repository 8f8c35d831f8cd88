/**
 * Okabe–Ito: eight hues that stay distinguishable for the common colour-vision deficiencies.
 * Black is left out because area outlines and labels are drawn in it; its grey takes the slot.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const

/** One collator for every comparison: localeCompare with options builds one per call (seconds for 200,000 ids). Same order. */
const ID_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

/** How a person orders codes: '2' before '10', then plain text order. */
export function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Colours for the areas a layer will hold: an area keeps the colour it has, and each new one
 * takes the palette entry at its position among all ids in id order, so importing the same
 * file into the same plan always paints the same map.
 */
export function assignAreaColors(allIds: string[], kept: ReadonlyMap<string, string>): Map<string, string> {
  const sorted = [...new Set(allIds)].sort(compareIds)
  const out = new Map<string, string>()
  sorted.forEach((id, i) => out.set(id, kept.get(id) ?? OKABE_ITO[i % OKABE_ITO.length]))
  return out
}
