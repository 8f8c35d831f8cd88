import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHICAGO_DIR, chicagoAbsent, chicagoSkipMessage, normId } from '../validate/chicago-plan'
import { ADMIN, newTally, PlanTemplate, playSequence, runParams, sequenceArb, type Opened, type Step, type Tally } from './live-check-harness'

if (chicagoAbsent) console.warn(chicagoSkipMessage)

/** The subset as the import dialog sends a file: the real features of those districts, as they are. */
function subsetFile(name: string, keep: (props: Record<string, unknown>) => boolean): { name: string; bytes: Uint8Array } {
  const layer = JSON.parse(fs.readFileSync(path.join(CHICAGO_DIR, name), 'utf8')) as { features: { properties: Record<string, unknown> }[] }
  return { name, bytes: new TextEncoder().encode(JSON.stringify({ ...layer, features: layer.features.filter((f) => keep(f.properties)) })) }
}

/** Two officers for every other beat, so adoptions, releases and transfers have someone to move. */
function roster(s: Opened): string {
  const plan = s.plans.load()
  const rows = plan.neighborhoods.flatMap((n, i) =>
    i % 2 ? [] : [0, 1].map((k) => `Officer ${n.id}-${k},C-${n.id}-${k},${k ? 'Nights' : 'Days'},${plan.areas.find((a) => a.id === n.areaId)!.name},${n.name}`),
  )
  return ['Name,Employee ID,Shift,Area,Neighborhood', ...rows].join('\n')
}

/** The districts and their beats imported through the import service, then a roster: the way a department starts. */
function chicagoTemplate(variant: '' | '-simplified', districts: string[]): Promise<PlanTemplate> {
  const inSubset = (v: unknown) => districts.includes(normId(v))
  return PlanTemplate.build(async (s) => {
    await s.imports.apply(subsetFile(`districts${variant}.geojson`, (p) => inSubset(p.DIST_NUM)), { layer: 'areas', idField: 'DIST_NUM', nameField: 'DIST_LABEL', mode: 'replace' }, ADMIN)
    await s.imports.apply(subsetFile(`beats${variant}.geojson`, (p) => inSubset(p.DISTRICT)), { layer: 'neighborhoods', idField: 'BEAT_NUM', areaField: 'DISTRICT', mode: 'replace' }, ADMIN)
    s.officers.import(roster(s), undefined, false, ADMIN)
  })
}

function play(template: PlanTemplate, runs: number): Tally {
  const tally = newTally()
  fc.assert(
    fc.property(sequenceArb, (steps) => {
      const s = template.open()
      try {
        playSequence(s, steps, tally)
      } finally {
        s.close()
      }
    }),
    runParams(runs),
  )
  return tally
}

/** Generous: the runs take ~20 s of CPU, and the other engineers' tests share the two cores. */
const LONG_MS = 300_000

/**
 * Two adjacent districts of the simplified layers (17 and 20: 18 beats) keep a fresh check near
 * 10 ms, and their rings carry what real layers carry: overlaps and gaps between beats, beats
 * reaching past their district, and the two districts overlapping and leaving a gap between them.
 */
describe.skipIf(chicagoAbsent)('the live check on real Chicago districts and beats (simplified) follows every edit, undo and redo', () => {
  let template: PlanTemplate
  beforeAll(async () => {
    template = await chicagoTemplate('-simplified', ['17', '20'])
  })
  afterAll(() => template?.dispose())

  it('the subset holds real findings of every geometric kind', () => {
    const s = template.open()
    try {
      const kinds = new Set(s.validation.findings().map((f) => f.kind))
      for (const k of ['gap', 'overlap', 'outside-area', 'area-overlap', 'area-gap'] as const) expect(kinds, k).toContain(k)
      expect(s.plans.load().officers.length).toBe(18)
    } finally {
      s.close()
    }
  })

  it('after each step of 200 random sequences of edits, adoptions, transfers, undos and redos, equals a fresh check of the stored plan', () => {
    const tally = play(template, 200)
    console.log('Chicago (simplified) steps:', JSON.stringify(tally))
    for (const k of ['reshape', 'move', 'split', 'merge', 'redraw', 'draw', 'delete', 'adopt', 'transfer'] as const) expect(tally[k], `${k} steps stored`).toBeGreaterThan(5)
    expect(tally.undo).toBeGreaterThan(50)
    expect(tally.redo).toBeGreaterThan(10)
    expect(tally.refused).toBeGreaterThan(0)
  }, LONG_MS)

  it('a hexagon drawn over a beat corner right after the template opens leaves the live check equal to a fresh one (CI counterexample)', () => {
    const s = template.open()
    try {
      // fast-check's shrunk failure from CI (seed -374669821): the redo has nothing to redo and is
      // not played. The hexagon is clipped at district 20's outer edge, where two crossing points
      // rounded next to each other twist the plan's arrangement: a fresh check then checks the
      // whole plan snap-rounded, and the live check, which saw only its region, missed a sliver
      // gap and two ignored pieces it found.
      const steps: Step[] = [
        { kind: 'redo', a: 0, b: 0, c: 0, d: 0, e: 0 },
        { kind: 'draw', a: 0.7222222229465842, b: 0.7692307699471712, c: 0.6718816757202148, d: 0.5, e: 0 },
        { kind: 'move', a: 0, b: 0, c: 0, d: 0, e: 0 },
      ]
      const tally = newTally()
      playSequence(s, steps, tally)
      expect(tally.draw, 'the draw is stored').toBe(1)
    } finally {
      s.close()
    }
  })
})

/** Full-resolution rings (two districts of 24 beats, ~5,000 vertices) cost a fresh check ~4 times more: fewer sequences. */
describe.skipIf(chicagoAbsent)('the live check on real Chicago districts and beats (full resolution) follows every edit, undo and redo', () => {
  let template: PlanTemplate
  beforeAll(async () => {
    template = await chicagoTemplate('', ['15', '25'])
  })
  afterAll(() => template?.dispose())

  it('after each step of 25 random sequences, equals a fresh check of the stored plan', () => {
    const tally = play(template, 25)
    console.log('Chicago (full) steps:', JSON.stringify(tally))
    expect(tally.undo + tally.redo).toBeGreaterThan(5)
    expect(tally.move + tally.split + tally.merge + tally.redraw + tally.draw + tally.delete + tally.reshape).toBeGreaterThan(10)
  }, LONG_MS)
})
