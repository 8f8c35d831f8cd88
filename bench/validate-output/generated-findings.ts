import { FINDING_KINDS, type Finding, type FindingKind } from '../../src/shared/domain'
import { sortFindings } from '../../src/shared/geo/validate/finding-build'
import { mulberry32 } from '../../scripts/lib/mulberry32'

// mulberry32: the same findings on every run and machine.
const prng = mulberry32

/**
 * `count` findings with every optional part the text prints: areas of 0, under 1, under 100
 * and in the millions (thousands separators), widths under and over 1 m, slivers, locations or
 * none, reasons inside the message or apart from it, and ties in area so the id decides, handed
 * over in the validator's order. `kinds` narrows them to one group, as a plan with thousands of
 * one finding has. The formatter-only figures and the before/after equivalence test use them.
 */
export function generatedFindings(count: number, kinds: readonly FindingKind[] = FINDING_KINDS, seed = 17): Finding[] {
  const rnd = prng(seed)
  const out: Finding[] = []
  for (let i = 0; i < count; i++) {
    const kind = kinds[Math.floor(rnd() * kinds.length)]
    const areaPick = rnd()
    const areaM2 = areaPick < 0.3 ? 0 : areaPick < 0.4 ? rnd() : areaPick < 0.55 ? 1 + rnd() * 99 : areaPick < 0.65 ? 250 : 100 + rnd() * 5e6
    const widthPick = rnd()
    const reasonPick = rnd()
    const reason = reasonPick < 0.7 ? undefined : reasonPick < 0.85 ? 'Self-intersection' : 'Ring not closed'
    const message = `${kind} number ${i}${reasonPick >= 0.7 && reasonPick < 0.85 ? ': Self-intersection' : ''}`
    out.push({
      id: `${kind}:${(i * 7919) % count}:${i}`,
      kind,
      severity: rnd() < 0.5 ? 'error' : 'warning',
      sliver: rnd() < 0.2,
      areaIds: [],
      neighborhoodIds: [],
      officerIds: [],
      areaM2,
      ...(widthPick < 0.5 ? {} : { widthM: widthPick < 0.7 ? rnd() : rnd() * 200 }),
      location: rnd() < 0.2 ? null : [-180 + rnd() * 360, -90 + rnd() * 180],
      message,
      ...(reason ? { reason } : {}),
    })
  }
  // The validator hands findings over in this order; the formatter's own sort then has little to do.
  return sortFindings(out)
}

