/** Attribute names over all features, in the order they first appear. */
export function collectFields(features: { properties: Record<string, unknown> }[]): string[] {
  const seen = new Set<string>()
  for (const f of features) for (const k of Object.keys(f.properties)) seen.add(k)
  return [...seen]
}
