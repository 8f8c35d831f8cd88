import type { FindingKind } from './finding'

/**
 * What each kind of finding is called wherever a person reads it (the Findings tab, the publish
 * dialog, the editor's result line): one table, so a code such as 'unassigned-neighborhood'
 * never reaches the screen. Typed over every kind, so a new kind without words fails to compile.
 */
export const FINDING_KIND_LABELS: Record<FindingKind, { one: string; many: string }> = {
  'area-gap': { one: 'Gap between Area Commands', many: 'Gaps between Area Commands' },
  'area-overlap': { one: 'Overlap of Area Commands', many: 'Overlaps of Area Commands' },
  gap: { one: 'Gap (ground with no neighborhood)', many: 'Gaps (ground with no neighborhood)' },
  overlap: { one: 'Overlap of neighborhoods', many: 'Overlaps of neighborhoods' },
  'outside-area': { one: 'Neighborhood leaving its area', many: 'Neighborhoods leaving their area' },
  'invalid-geometry': { one: 'Invalid boundary', many: 'Invalid boundaries' },
  'coverage-unchecked': { one: 'Gaps and overlaps not checked', many: 'Gaps and overlaps not checked' },
  sliver: { one: 'Sliver', many: 'Slivers' },
  'unassigned-neighborhood': { one: 'Neighborhood without an officer', many: 'Neighborhoods without an officer' },
  'officer-outside-area': { one: 'Officer outside their area', many: 'Officers outside their area' },
  'officer-multiple': { one: 'Officer adopting several neighborhoods', many: 'Officers adopting several neighborhoods' },
  'no-commander': { one: 'Area without a commander', many: 'Areas without a commander' },
}

/** The kind's name for `n` findings ('Sliver', 'Slivers'); a kind this build does not know keeps a readable form of its code. */
export function findingKindLabel(kind: string, n = 2): string {
  const l = FINDING_KIND_LABELS[kind as FindingKind]
  if (!l) return kind.replace(/-/g, ' ')
  return n === 1 ? l.one : l.many
}

/** Counts by kind in words, lower-case after the number: '2 slivers, 1 neighborhood without an officer'. */
export function findingCountsText(byKind: Partial<Record<string, number>>): string {
  return Object.entries(byKind)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([k, n]) => {
      const label = findingKindLabel(k, n)
      // Keep proper nouns ('Area Commands') capitalised; lower-case only the first word.
      return `${n} ${label.charAt(0).toLowerCase()}${label.slice(1)}`
    })
    .join(', ')
}
