import { afterEach, describe, expect, it } from 'vitest'
import type { Finding } from '../../../src/shared/domain'
import { areaM2 } from '../../../src/shared/geo/ops/clip'
import { area, hood } from '../validate/fixtures'
import { ADMIN, only, poly, repairPlan, servicesWith } from './fixture'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services(plan = repairPlan()) {
  const s = servicesWith(plan)
  opened.push(s)
  return s
}
type S = ReturnType<typeof services>

const ground = (s: S, id: string) => areaM2(s.repos.neighborhoods.get(id)!.geometry)
const ids = (fs: Finding[]) => fs.map((f) => f.id).sort()

/** Applies the repair, checks the finding is gone and nothing got worse, undoes it and checks the plan's findings are as before. */
function applyAndUndo(s: S, f: Finding, choice: { rule: 'longest-border' | 'to-neighborhood' | 'clip' | 'move-area-boundary'; targetId?: string }) {
  const before = s.validation.findings()
  const r = s.repairs.apply(f.id, choice, ADMIN)
  const after = s.validation.findings()
  expect(after.map((x) => x.id)).not.toContain(f.id)
  expect(after.filter((x) => x.severity === 'error').length).toBe(before.filter((x) => x.severity === 'error').length - 1)
  expect(r.canUndo).toBe(true)
  s.changes.undo(ADMIN)
  expect(ids(s.validation.findings())).toEqual(ids(before))
  return r
}

describe('repairs of a gap', () => {
  it('longest shared border: the gap goes to East (108 m of border against West\'s 100 m), one undoable step', () => {
    const s = services()
    const gap = only(s.validation.findings(), 'gap', 'N')
    const opts = s.repairs.options(gap.id, ADMIN)
    expect(opts.map((o) => [o.rule, o.targetId])).toEqual([['longest-border', 'East'], ['to-neighborhood', 'West']])
    expect(opts[0].label).toMatch(/^Give to East \(longest shared border, 10[78] m\)$/)
    const eastBefore = ground(s, 'East')
    const r = applyAndUndo(s, gap, { rule: 'longest-border' })
    expect(r.proposal.neighborhoods).toEqual(['East'])
    expect(r.proposal.m2Moved).toBeCloseTo(gap.areaM2, -1)
    expect(r.proposal.label).toMatch(/^Give the 2,0\d\d m² gap to East \(longest shared border, 10[78] m\)\.$/)
    expect(r.changeSet.label).toMatch(/gap to East/)
    expect(ground(s, 'East')).toBeCloseTo(eastBefore, 3)
  })

  it('to a chosen neighbor: West takes it', () => {
    const s = services()
    const gap = only(s.validation.findings(), 'gap', 'N')
    const westBefore = ground(s, 'West')
    const preview = s.repairs.preview(gap.id, { rule: 'to-neighborhood', targetId: 'West' }, ADMIN)
    expect(preview.preview.map((p) => p.id)).toEqual(['West'])
    expect(areaM2(preview.preview[0].after) - westBefore).toBeCloseTo(gap.areaM2, -1)
    applyAndUndo(s, gap, { rule: 'to-neighborhood', targetId: 'West' })
  })

  it('refuses a chosen neighborhood that does not border the gap, naming the ones that do', () => {
    const s = services()
    const gap = only(s.validation.findings(), 'gap', 'N')
    expect(() => s.repairs.preview(gap.id, { rule: 'to-neighborhood', targetId: 'South-1' }, ADMIN)).toThrow(/South-1 does not border this gap; choose one of East, West/)
  })
  it('a gap across an Area Command boundary whose part on one side borders no neighborhood of that area goes whole to a neighbor, and the area boundary moves with it', () => {
    // Top (North) stops at a notch over the area line; South-2 (South) fills the notch's upper
    // half, so the gap's part in North borders only South-2; the part in South borders South.
    const plan = repairPlan()
    plan.areas = [area('N', poly([[0, 0], [300, 0], [300, 100], [0, 100]]), null), area('S', poly([[0, -100], [300, -100], [300, 0], [0, 0]]), null)]
    plan.neighborhoods = [
      hood('Top', 'N', poly([[0, 0], [100, 0], [120, 0.5], [140, 0], [300, 0], [300, 100], [0, 100]])),
      hood('South', 'S', poly([[0, -100], [300, -100], [300, 0], [140, 0], [120, -0.3], [100, 0], [0, 0]])),
      hood('South-2', 'S', poly([[100, 0], [120, 0.2], [140, 0], [120, 0.5]])),
    ]
    const s = services(plan)
    const gap = only(s.validation.findings(), 'gap', 'N', 'S')
    const before = ids(s.validation.findings())
    const r = s.repairs.apply(gap.id, { rule: 'longest-border' }, ADMIN)
    expect(r.proposal.areas).toEqual(['N', 'S'])
    expect(r.proposal.neighborhoods).toHaveLength(1)
    expect(['South', 'South-2']).toContain(r.proposal.neighborhoods[0])
    expect(r.proposal.label).toMatch(/; the Area Command boundary moves: Area S takes the 4\.0 m² in Area N\.$/)
    const after = s.validation.findings()
    expect(after.filter((f) => f.kind === 'gap')).toEqual([])
    expect(after.filter((f) => !before.includes(f.id))).toEqual([])
    s.changes.undo(ADMIN)
    expect(ids(s.validation.findings())).toEqual(before)
  })
})

describe('repairs of an overlap', () => {
  it('longest shared border: South-1, around the finger on three sides, keeps it; South-2 loses it', () => {
    const s = services()
    const ov = only(s.validation.findings(), 'overlap', 'South-1', 'South-2')
    const opts = s.repairs.options(ov.id, ADMIN)
    expect(opts.map((o) => [o.rule, o.targetId])).toEqual([['longest-border', 'South-1'], ['to-neighborhood', 'South-2']])
    const s2 = ground(s, 'South-2')
    const r = applyAndUndo(s, ov, { rule: 'longest-border' })
    expect(r.proposal.neighborhoods).toEqual(['South-2'])
    expect(areaM2(r.proposal.preview[0].before) - areaM2(r.proposal.preview[0].after)).toBeCloseTo(ov.areaM2, -1)
    expect(r.proposal.label).toMatch(/Keep the 1,0\d\d m² overlap with South-1 \(longest shared border, 120 m\), taking it off South-2\./)
    expect(ground(s, 'South-2')).toBeCloseTo(s2, 3)
  })

  it('to a chosen neighborhood: South-2 keeps the finger and South-1 loses it', () => {
    const s = services()
    const ov = only(s.validation.findings(), 'overlap', 'South-1', 'South-2')
    const r = applyAndUndo(s, ov, { rule: 'to-neighborhood', targetId: 'South-2' })
    expect(r.proposal.neighborhoods).toEqual(['South-1'])
  })
})

describe('repairs of ground outside the Area Command', () => {
  it('clip: West loses its bump over the top of North', () => {
    const s = services()
    const out = only(s.validation.findings(), 'outside-area', 'West')
    const r = applyAndUndo(s, out, { rule: 'clip' })
    expect(r.proposal.m2Moved).toBeCloseTo(200, -1)
    expect(r.proposal.neighborhoods).toEqual(['West'])
    expect(areaM2(r.proposal.preview[0].before) - areaM2(r.proposal.preview[0].after)).toBeCloseTo(out.areaM2, 0)
    expect(r.proposal.areas).toEqual([])
  })

  it('clip: ground West gives back inside South, where no neighborhood of South holds it, goes to South-1 in the same step', () => {
    const plan = repairPlan()
    // West reaches 10 m down into South, where South-1 stops short: South holds that ground only through West.
    plan.neighborhoods[0] = { ...plan.neighborhoods[0], geometry: poly([[0, 0], [40, 0], [40, -10], [60, -10], [60, 0], [100, 0], [100, 100], [0, 100]]) }
    plan.neighborhoods[2] = { ...plan.neighborhoods[2], geometry: poly([[0, -100], [150, -100], [150, -60], [150, -40], [150, 0], [100, 0], [60, 0], [60, -10], [40, -10], [40, 0], [0, 0]]) }
    const s = services(plan)
    const out = only(s.validation.findings(), 'outside-area', 'West')
    const south1 = ground(s, 'South-1')
    const r = applyAndUndo(s, out, { rule: 'clip' })
    expect(r.proposal.neighborhoods).toEqual(['South-1', 'West'])
    expect(r.proposal.label).toMatch(/, and give it to South-1 in /)
    const after = r.proposal.preview.find((p) => p.id === 'South-1')!.after
    expect(areaM2(after) - south1).toBeCloseTo(200, -1)
  })

  it('move the area boundary (Administration only): North takes the bump in', () => {
    const s = services()
    const out = only(s.validation.findings(), 'outside-area', 'West')
    expect(s.repairs.options(out.id, ADMIN).map((o) => o.rule)).toEqual(['clip', 'move-area-boundary'])
    const commander = { osUser: 'lt', profile: { role: 'commander' as const, areaId: 'N' } }
    expect(s.repairs.options(out.id, commander).map((o) => o.rule)).toEqual(['clip'])
    const r = applyAndUndo(s, out, { rule: 'move-area-boundary' })
    expect(r.proposal.areas).toEqual(['N'])
    expect(r.proposal.neighborhoods).toEqual([])
    expect(areaM2(r.proposal.preview[0].after) - areaM2(r.proposal.preview[0].before)).toBeCloseTo(out.areaM2, 0)
  })

  it('moving the boundary over another area\'s neighborhood is refused, naming it, and stores nothing', () => {
    const plan = repairPlan()
    // West now also reaches 10 m down into South, over South-1.
    plan.neighborhoods[0] = { ...plan.neighborhoods[0], geometry: poly([[0, 0], [40, 0], [40, -10], [60, -10], [60, 0], [100, 0], [100, 100], [0, 100]]) }
    const s = services(plan)
    const out = only(s.validation.findings(), 'outside-area', 'West')
    const before = ids(s.validation.findings())
    expect(() => s.repairs.apply(out.id, { rule: 'move-area-boundary' }, ADMIN)).toThrow("West's ground outside Area N is part of South-1 in Area S; moving the boundary would leave South-1 outside its Area Command. Settle the overlap of West and South-1 first")
    expect(ids(s.validation.findings())).toEqual(before)
    expect(s.changes.canUndo(ADMIN)).toBe(false)
  })
})

describe('a finding that is gone', () => {
  it('is refused with a message saying to check the plan again', () => {
    const s = services()
    const gap = only(s.validation.findings(), 'gap', 'N')
    s.repairs.apply(gap.id, { rule: 'longest-border' }, ADMIN)
    expect(() => s.repairs.apply(gap.id, { rule: 'longest-border' }, ADMIN)).toThrow('That finding is no longer in the plan (it was fixed or changed); check the plan again.')
  })

  it('a rule that does not fit the finding says so', () => {
    const s = services()
    const gap = only(s.validation.findings(), 'gap', 'N')
    expect(() => s.repairs.preview(gap.id, { rule: 'clip' }, ADMIN)).toThrow('A finding of a gap cannot be repaired by clipping it back to its Area Command')
  })
})
