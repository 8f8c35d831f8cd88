import { afterEach, describe, expect, it } from 'vitest'
import { quantize, type AreaGeometry, type Finding, type Polygon } from '../../../src/shared/domain'
import { proposeSliverRepairs } from '../../../src/shared/geo/repair'
import { DEG_PER_M_LAT, LAT0, hood } from '../validate/fixtures'
import { ADMIN, only, poly, repairPlan, servicesWith, sliverPlan } from './fixture'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services(plan = sliverPlan()) {
  const s = servicesWith(plan)
  opened.push(s)
  return s
}
const slivers = (fs: Finding[]) => fs.filter((f) => f.sliver).map((f) => f.id).sort()
const ids = (fs: Finding[]) => fs.map((f) => f.id).sort()

describe('Repair all slivers', () => {
  it('lists what it will change before it does, then makes it one undoable step; undo brings every sliver back', () => {
    const s = services()
    const before = s.validation.findings()
    const [gap, out, ov] = [only(before, 'gap', 'N'), only(before, 'outside-area', 'North-2'), only(before, 'overlap', 'South-1', 'South-2')]
    expect(slivers(before)).toEqual([gap.id, out.id, ov.id].sort())

    const preview = s.repairs.previewSlivers(ADMIN)
    expect(preview.proposals.map((p) => [p.findingId, p.rule, p.neighborhoods])).toEqual([
      [gap.id, 'longest-border', ['North-1']],
      [out.id, 'clip', ['North-2']],
      [ov.id, 'longest-border', ['South-2']],
    ])
    expect(preview.skipped).toEqual([])
    expect(preview.summary).toMatchObject({ errors: 0, blocking: false })
    expect(preview.summary.byKind).not.toHaveProperty('gap')
    // Previewing wrote nothing.
    expect(ids(s.validation.findings())).toEqual(ids(before))
    expect(s.changes.canUndo(ADMIN)).toBe(false)

    const r = s.repairs.repairSlivers(ADMIN)
    expect(r.changeSet.label).toBe('Repair 3 slivers')
    expect(r.proposals.map((p) => p.findingId)).toEqual(preview.proposals.map((p) => p.findingId))
    r.proposals.forEach((p, i) => expect(p.m2Moved).toBeCloseTo([gap, out, ov][i].areaM2, 0))
    expect(slivers(s.validation.findings())).toEqual([])
    expect(s.repos.audit.lastDone('admin')?.label).toBe('Repair 3 slivers')

    s.changes.undo(ADMIN)
    expect(ids(s.validation.findings())).toEqual(ids(before))
    expect(s.changes.canUndo(ADMIN)).toBe(false)
  })

  it('moves the Area Command boundary over a neighborhood\'s sliver outside its area when clipping would hand that ground to a gap of the other area (Administration)', () => {
    const plan = sliverPlan()
    // South's neighborhoods stop 10 m short of the area line (a 2,000 m² gap, an error), and North-2 reaches 0.3 m down into that strip.
    plan.neighborhoods[1] = { ...plan.neighborhoods[1], geometry: poly([[100, 0], [150, 0], [150, -0.3], [200, -0.3], [200, 100], [100, 100]]) }
    plan.neighborhoods[2] = { ...plan.neighborhoods[2], geometry: poly([[0, -100], [100.3, -100], [100.3, -10], [0, -10]]) }
    plan.neighborhoods[3] = { ...plan.neighborhoods[3], geometry: poly([[100, -100], [200, -100], [200, -10], [100, -10]]) }
    const s = services(plan)
    const before = s.validation.findings()
    const out = only(before, 'outside-area', 'North-2')
    const errors = before.filter((f) => f.severity === 'error').map((f) => f.kind)
    expect(errors).toEqual(['gap'])

    const commander = { osUser: 'lt', profile: { role: 'commander' as const, areaId: 'N' } }
    const asCommander = s.repairs.previewSlivers(commander)
    expect(asCommander.skipped.find((k) => k.findingId === out.id)?.why).toMatch(/^It would make an error larger: Gap of 2,0\d\d m² in Area Command Area N \/ Area Command Area S/)

    const r = s.repairs.repairSlivers(ADMIN)
    const p = r.proposals.find((x) => x.findingId === out.id)!
    expect([p.rule, p.areas, p.neighborhoods]).toEqual(['move-area-boundary', ['N', 'S'], []])
    const after = s.validation.findings()
    expect(slivers(after)).toEqual([])
    expect(after.filter((f) => f.severity === 'error').map((f) => f.kind)).toEqual(['gap'])
    expect(after.find((f) => f.kind === 'gap')!.areaM2).toBeLessThanOrEqual(before.find((f) => f.kind === 'gap' && f.severity === 'error')!.areaM2 + 0.5)
  })

  it('an overlap its usual keeper cannot take (the other would be left no ground) goes the other way: the neighborhood that would lose it keeps it', () => {
    const plan = sliverPlan()
    // South-2 is a 0.3 m x 50 m strip lying wholly inside South-1 (a 15 m² overlap); South-1 covers all of South.
    plan.neighborhoods[2] = { ...plan.neighborhoods[2], geometry: poly([[0, -100], [200, -100], [200, 0], [0, 0]]) }
    plan.neighborhoods[3] = { ...plan.neighborhoods[3], geometry: poly([[50, -50], [100, -50], [100, -49.7], [50, -49.7]]) }
    const s = services(plan)
    const ov = only(s.validation.findings(), 'overlap', 'South-1', 'South-2')
    const r = s.repairs.repairSlivers(ADMIN)
    const p = r.proposals.find((x) => x.findingId === ov.id)!
    expect([p.rule, p.targetId, p.neighborhoods]).toEqual(['to-neighborhood', 'South-2', ['South-1']])
    expect(slivers(s.validation.findings())).toEqual([])
    expect(s.repos.neighborhoods.get('South-2')!.geometry).toEqual(plan.neighborhoods[3].geometry)
  })

  it('leaves out what the actor may not change, saying why, and repairs the rest', () => {
    const s = services()
    const ov = only(s.validation.findings(), 'overlap', 'South-1', 'South-2')
    const commander = { osUser: 'lt', profile: { role: 'commander' as const, areaId: 'N' } }
    const r = s.repairs.repairSlivers(commander)
    expect(r.proposals.map((p) => p.kind)).toEqual(['gap', 'outside-area'])
    expect(r.skipped).toEqual([{ findingId: ov.id, why: 'You are acting as the Area Commander of Area N; South-2 belongs to Area S. Its Area Commander or Administration can change it.' }])
    expect(slivers(s.validation.findings())).toEqual([ov.id])
  })

  it('skips a sliver that cannot be repaired with the reason, and goes on with the others', () => {
    const plan = sliverPlan()
    // Two copies of one 0.4 m wide neighborhood inside South-2: the overlap of the two is all of each, so neither can give it up.
    plan.neighborhoods.push(hood('Strip', 'S', poly([[150, -50], [150.4, -50], [150.4, -20], [150, -20]])))
    plan.neighborhoods.push(hood('Strip-2', 'S', poly([[150, -50], [150.4, -50], [150.4, -20], [150, -20]])))
    const s = services(plan)
    const strip = only(s.validation.findings(), 'overlap', 'Strip', 'Strip-2')
    expect(strip.sliver).toBe(true)
    const r = s.repairs.repairSlivers(ADMIN)
    expect(r.skipped).toEqual([{ findingId: strip.id, why: 'Strip-2 lies wholly inside Strip: giving the overlap to Strip would leave Strip-2 with no ground' }])
    expect(r.proposals.map((p) => p.kind).slice(0, 2)).toEqual(['gap', 'outside-area'])
    expect(slivers(s.validation.findings())).toEqual([strip.id])
  })

  it('on a plan without slivers, says there is nothing to repair and stores nothing', () => {
    const s = services(repairPlan())
    expect(proposeSliverRepairs(s.plans.load(), s.validation.findings()).proposals).toEqual([])
    expect(() => s.repairs.repairSlivers(ADMIN)).toThrow('Nothing was repaired: the plan has no sliver to repair.')
    expect(s.changes.canUndo(ADMIN)).toBe(false)
  })
})

describe('Repair all slivers between Area Commands', () => {
  it('a strip between two areas goes to the area bordering it longest and to its neighborhood there; undo brings it back', () => {
    const plan = sliverPlan()
    // North's bottom rises 0.3 m between x = 50 and 150, its neighborhoods with it: a 30 m² strip no area holds.
    plan.areas[0] = { ...plan.areas[0], geometry: poly([[0, 0], [50, 0], [50, 0.3], [150, 0.3], [150, 0], [200, 0], [200, 100], [150, 100], [0, 100]]) }
    plan.neighborhoods[0].geometry = poly([[0, 0], [50, 0], [50, 0.3], [99.6, 0.3], [99.6, 100], [0, 100]])
    plan.neighborhoods[1].geometry = poly([[100, 0.3], [150, 0.3], [150, 0], [200, 0], [200, 100.3], [150, 100.3], [150, 100], [100, 100]])
    const s = services(plan)
    const before = s.validation.findings()
    const strip = only(before, 'area-gap')
    expect(strip.sliver).toBe(true)
    const r = s.repairs.repairSlivers(ADMIN)
    const p = r.proposals.find((x) => x.findingId === strip.id)!
    expect(p.rule).toBe('longest-border')
    expect(p.areas).toEqual(['N'])
    expect(p.neighborhoods).toEqual(['North-2'])
    expect(p.label).toMatch(/^Give the 30 m² between Area Commands to Area N and its neighborhood North-2 \(longest shared border, 10[01] m\)\.$/)
    expect(slivers(s.validation.findings())).toEqual([])
    s.changes.undo(ADMIN)
    expect(ids(s.validation.findings())).toEqual(ids(before))
  })

  it('a strip between two areas that borders only a gap of that area goes to the area and joins the gap: every sliver repaired, no error added', () => {
    const plan = sliverPlan()
    // As above, but North's neighborhoods stop 20 m above its bottom: a 4,000 m² gap, an error, lies between them and the strip.
    plan.areas[0] = { ...plan.areas[0], geometry: poly([[0, 0], [50, 0], [50, 0.3], [150, 0.3], [150, 0], [200, 0], [200, 100], [150, 100], [0, 100]]) }
    plan.neighborhoods[0].geometry = poly([[0, 20.3], [100, 20.3], [100, 100], [0, 100]])
    plan.neighborhoods[1].geometry = poly([[100, 20.3], [200, 20.3], [200, 100], [100, 100]])
    const s = services(plan)
    const before = s.validation.findings()
    const strip = only(before, 'area-gap')
    const gap = only(before, 'gap')
    expect(strip.sliver).toBe(true)
    expect(gap.severity).toBe('error')
    const r = s.repairs.repairSlivers(ADMIN)
    expect(r.skipped).toEqual([])
    expect(r.proposals.find((x) => x.findingId === strip.id)!.areas).toEqual(['N'])
    const after = s.validation.findings()
    expect(slivers(after)).toEqual([])
    // The gap takes in the strip's 30 m² and nothing else; no other error appears.
    const errors = after.filter((f) => f.severity === 'error')
    expect(errors.map((f) => f.kind)).toEqual(['gap'])
    expect(errors[0].areaM2).toBeCloseTo(gap.areaM2 + strip.areaM2, 0)
  })

  it('a strip two areas share stays with one, and the other area and its neighborhoods give it up', () => {
    const plan = sliverPlan()
    // North and its neighborhoods reach 0.3 m down into South along its whole width.
    const lower = (g: AreaGeometry): AreaGeometry => ({ type: 'Polygon', coordinates: (g as Polygon).coordinates.map((r) => r.map(([x, y]) => [x, y === LAT0 ? quantize(LAT0 - 0.3 * DEG_PER_M_LAT) : y])) })
    plan.areas[0] = { ...plan.areas[0], geometry: lower(plan.areas[0].geometry) }
    for (const n of plan.neighborhoods.slice(0, 2)) n.geometry = lower(n.geometry)
    const s = services(plan)
    const before = s.validation.findings()
    const shared = only(before, 'area-overlap', 'N', 'S')
    expect(shared.sliver).toBe(true)
    const r = s.repairs.repairSlivers(ADMIN)
    const p = r.proposals.find((x) => x.findingId === shared.id)!
    expect(p.areas).toHaveLength(1)
    // Neighborhood slivers go first: the overlaps of North's neighborhoods with South's are settled
    // before the areas are, so by then the area gives up ground its neighborhoods may already have left.
    expect(p.label).toMatch(/^Keep the 60 m² Area [NS] and Area [NS] share with Area [NS] \(longest shared border, 20\d m\), taking it off Area [NS]( and from .+)?\.$/)
    expect(slivers(s.validation.findings())).toEqual([])
    expect(s.validation.findings().filter((f) => f.severity === 'error')).toEqual([])
    s.changes.undo(ADMIN)
    expect(ids(s.validation.findings())).toEqual(ids(before))
  })
})
