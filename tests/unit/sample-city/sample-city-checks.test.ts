/**
 * The sample-city checks must trip on broken data, otherwise their passing means nothing.
 * Each case breaks one thing in a copy of the bundled files.
 */
import { describe, expect, it } from 'vitest'
import { quantize } from '../../../src/shared/domain/geometry'
import { cloneCity, loadSampleCity } from './load-sample-city'
import {
  cityAreaProblems, idProblems, ringProblems, rosterProblems, tilingProblems, tJunctionProblems,
} from './sample-city-checks'

const original = loadSampleCity()
const areaOf = (c: ReturnType<typeof loadSampleCity>, id: string) => c.areas.find((a) => a.id === id)!
const hoodsOf = (c: ReturnType<typeof loadSampleCity>, id: string) => c.hoods.filter((h) => h.areaId === id)

/** Index of a vertex of `ring` shared with another neighborhood of the same area, away from the ring's start. */
function sharedVertexIndex(c: ReturnType<typeof loadSampleCity>, hoodIndex: number): number {
  const hood = c.hoods[hoodIndex]
  const others = new Set(hoodsOf(c, hood.areaId).filter((h) => h !== hood).flatMap((h) => h.polygon.coordinates[0].map((p) => `${p}`)))
  const ring = hood.polygon.coordinates[0]
  return ring.findIndex((p, i) => i > 0 && i < ring.length - 1 && others.has(`${p}`))
}

describe('sample-city checks catch broken data', () => {
  it('a shared vertex moved on one side only leaves a gap or overlap', () => {
    const c = cloneCity(original)
    const i = sharedVertexIndex(c, 0)
    const p = c.hoods[0].polygon.coordinates[0][i]
    p[0] = quantize(p[0] + 0.001)
    const problems = tilingProblems(areaOf(c, c.hoods[0].areaId), hoodsOf(c, c.hoods[0].areaId))
    expect(problems.join('\n')).toMatch(/overlap|sum to|union/)
  })

  it('areas that do not cover the city are reported', () => {
    const c = cloneCity(original)
    expect(tilingProblems(c.city, c.areas.slice(1)).join('\n')).toMatch(/sum to .* but it measures/)
  })

  it('a vertex added on a shared edge of one side only is a T-junction', () => {
    const c = cloneCity(original)
    const ring = c.hoods[0].polygon.coordinates[0]
    const i = sharedVertexIndex(c, 0)
    const [a, b] = [ring[i], ring[i + 1]]
    ring.splice(i + 1, 0, [quantize((a[0] + b[0]) / 2), quantize((a[1] + b[1]) / 2)])
    expect(tJunctionProblems([c.city, ...c.areas, ...c.hoods]).join('\n')).toMatch(/T-junction: vertex .* of neighborhood/)
  })

  it('open, clockwise, unquantized and self-crossing rings are reported', () => {
    const open = cloneCity(original).hoods[0]
    open.polygon.coordinates[0].pop()
    expect(ringProblems(open).join()).toMatch(/not closed/)

    const clockwise = cloneCity(original).hoods[0]
    clockwise.polygon.coordinates[0].reverse()
    expect(ringProblems(clockwise).join()).toMatch(/not counter-clockwise/)

    const fine = cloneCity(original).hoods[0]
    fine.polygon.coordinates[0][3][1] += 3e-11
    expect(ringProblems(fine).join()).toMatch(/position 3 .* not quantized/)

    const crossing = cloneCity(original).hoods[0]
    const r = crossing.polygon.coordinates[0]
    ;[r[2], r[3]] = [r[3], r[2]]
    expect(ringProblems(crossing).join()).toMatch(/self-intersects|not counter-clockwise/)
  })

  it('a city far from 68.5 km² is reported', () => {
    const c = cloneCity(original)
    c.city = { ...c.city, polygon: c.hoods[0].polygon }
    expect(cityAreaProblems(c).join()).toMatch(/expected 68.5 km²/)
  })

  it('duplicate ids are reported', () => {
    const c = cloneCity(original)
    c.roster.officers[5].id = c.roster.officers[4].id
    expect(idProblems(c).join()).toMatch(/used more than once/)
  })

  it('roster mistakes are reported', () => {
    const outside = cloneCity(original)
    outside.roster.officers[10].areaId = 'XX'
    expect(rosterProblems(outside).join('\n')).toMatch(/area XX does not exist/)

    const wrongHood = cloneCity(original)
    const o = wrongHood.roster.officers.find((x) => x.neighborhoodId?.startsWith('NE-'))!
    o.neighborhoodId = wrongHood.hoods.find((h) => h.areaId === 'S')!.id
    expect(rosterProblems(wrongHood).join('\n')).toMatch(/but serves in area NE/)

    const ghost = cloneCity(original)
    ghost.roster.officers[20].neighborhoodId = 'NE-atlantis'
    expect(rosterProblems(ghost).join('\n')).toMatch(/NE-atlantis does not exist/)

    const badCommander = cloneCity(original)
    badCommander.areas[0].commanderId = badCommander.roster.officers.find((x) => x.rank === 'Sergeant')!.id
    expect(rosterProblems(badCommander).join('\n')).toMatch(/commanderId .* is not a Lieutenant/)

    const unstaffed = cloneCity(original)
    const hood = unstaffed.hoods[2].id
    for (const x of unstaffed.roster.officers) if (x.neighborhoodId === hood) x.status = 'leave'
    expect(rosterProblems(unstaffed).join('\n')).toMatch(new RegExp(`${hood}: no active adopting officer`))

    const tooFew = cloneCity(original)
    tooFew.hoods = tooFew.hoods.filter((h) => h.areaId !== 'S' || h.id.endsWith('wente'))
    expect(rosterProblems(tooFew).join('\n')).toMatch(/area S: has 1 neighborhoods, expected 4 to 8/)

    const leaky = cloneCity(original)
    leaky.roster.officers[7].private.homeAddress = ''
    expect(rosterProblems(leaky).join('\n')).toMatch(/private field is empty/)
  })
})
