import * as turf from '@turf/turf'
import { afterEach, describe, expect, it } from 'vitest'
import type { Officer, PlanState } from '../../../src/shared/domain'
import { vacancyCoverOf, vacancyFallbackProblems, vacantNeighborhoods, type VacancyFallback } from '../../../src/shared/domain/vacancy'
import { validatePlan } from '../../../src/shared/geo/validate'
import { createLookup } from '../../../src/shared/lookup/point-lookup'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { flatPublicLayers } from '../../../src/main/export/public-fields'
import { makeServices } from '../../helpers/services'
import { ADMIN } from '../publish-service/helpers'
import { fixturePlan, MARKER, META, shuffled } from './fixture-plan'

/**
 * The fixture (fixture-plan.ts): North (commander Lt. R. Alvarez) holds Springtown (n1: A. Nguyen
 * active, Z. Adams on leave) and Vasco (n2: only a vacant post); South has no commander and
 * Sunset (s1: one active officer). Here North also gets a sergeant, S. Okafor, adopting nothing.
 */
function plan(): PlanState {
  const p = fixturePlan()
  const lt = p.officers.find((o) => o.id === 'lt-n')!
  p.officers.push({ ...lt, id: 'sgt-n', displayName: 'S. Okafor', rank: 'Sgt.', email: 'sgt-n@police.example.gov', deskPhone: '925-555-0199', neighborhoodId: null })
  return p
}
const officer = (p: PlanState, id: string): Officer => p.officers.find((o) => o.id === id)!
const setStatus = (p: PlanState, id: string, status: Officer['status']) => (officer(p, id).status = status)
const SERGEANT: VacancyFallback = { cover: 'sergeant', sergeants: { north: 'sgt-n' } }
const nbProps = (text: string, id: string) => (JSON.parse(text) as { features: { id: string; properties: Record<string, any> }[] }).features.find((f) => f.id === id)!.properties

describe('vacancy detection', () => {
  it('finds neighborhoods with no active adopter: a vacant post only, or every adopter on leave', () => {
    const p = plan()
    const ids = p.neighborhoods.map((n) => n.id)
    // Springtown keeps A. Nguyen (Z. Adams on leave does not make it vacant); Vasco has only a vacant post.
    expect([...vacantNeighborhoods(ids, p.officers)]).toEqual([['n2', []]])
    setStatus(p, 'o-ann', 'leave')
    const v = vacantNeighborhoods(ids, p.officers)
    expect([...v.keys()]).toEqual(['n1', 'n2'])
    expect(v.get('n1')!.map((o) => o.displayName).sort()).toEqual(['A. Nguyen', 'Z. Adams'])
  })

  it('lists each vacancy as a warning naming who covers it, including a neighborhood whose officers are all on leave', () => {
    const p = plan()
    setStatus(p, 'o-ann', 'leave')
    const byNb = (fs: ReturnType<typeof validatePlan>) => new Map(fs.filter((f) => f.kind === 'unassigned-neighborhood').map((f) => [f.neighborhoodIds[0], f]))
    const dflt = byNb(validatePlan(p))
    expect([...dflt.keys()].sort()).toEqual(['n1', 'n2'])
    expect(dflt.get('n1')!.severity).toBe('warning')
    expect(dflt.get('n1')!.message).toBe('Springtown has no active officer: everyone who adopts it is on leave (A. Nguyen, Z. Adams); Lt. R. Alvarez (Area Commander) covers it on the public map')
    expect(dflt.get('n2')!.message).toBe('Vasco has no adopting officer; Lt. R. Alvarez (Area Commander) covers it on the public map')
    const sgt = byNb(validatePlan(p, { sliverWidthM: 5, sliverAreaM2: 100, unassignedIsError: false, vacancy: SERGEANT }))
    expect(sgt.get('n2')!.message).toBe("Vasco has no adopting officer; Sgt. S. Okafor (the area's sergeant) covers it on the public map")
    // The finding's id does not depend on who covers it: a note left on it survives a change of cover.
    expect(sgt.get('n2')!.id).toBe(dflt.get('n2')!.id)
  })
})

describe('who covers a vacancy', () => {
  const pick = (p: PlanState, f?: VacancyFallback) => {
    const c = vacancyCoverOf(p.areas.find((a) => a.id === 'north'), f, new Map(p.officers.map((o) => [o.id, o])))
    return `${c.role}:${c.officer?.id ?? ''}`
  }

  it('is the chosen sergeant while active, else the Area Commander while active, else the department', () => {
    const p = plan()
    expect(pick(p)).toBe('commander:lt-n')
    expect(pick(p, SERGEANT)).toBe('sergeant:sgt-n')
    expect(pick(p, { cover: 'commander', sergeants: { north: 'sgt-n' } })).toBe('commander:lt-n')
    setStatus(p, 'sgt-n', 'leave')
    expect(pick(p, SERGEANT)).toBe('commander:lt-n')
    setStatus(p, 'lt-n', 'leave')
    expect(pick(p, SERGEANT)).toBe('department:')
  })

  it('refuses a setting naming someone who cannot be a contact, saying which area and who', () => {
    const p = plan()
    expect(vacancyFallbackProblems(SERGEANT, p.areas, p.officers)).toEqual(['Vacancy cover: choose the sergeant who covers the vacant neighborhoods of South (or let the Area Commander cover them)'])
    expect(vacancyFallbackProblems({ cover: 'commander', sergeants: {} }, p.areas, p.officers)).toEqual([])
    setStatus(p, 'sgt-n', 'leave')
    expect(vacancyFallbackProblems({ cover: 'sergeant', sergeants: { north: 'sgt-n', south: 'o-bad', east: 'x', } }, p.areas, p.officers)).toEqual([
      'Vacancy cover for Area Command Northeast: Sgt. S. Okafor is on leave; choose an active sergeant',
      'Vacancy cover: there is no Area Command "east" in the plan',
    ])
    expect(vacancyFallbackProblems({ cover: 'sergeant', sergeants: { north: 'o-vac', south: 'nobody' } }, p.areas, p.officers)).toEqual([
      'Vacancy cover for Area Command Northeast: Vacant post is a vacant post, not a person residents can call',
      'Vacancy cover for Area Command South: officer "nobody" is not on the roster',
    ])
    expect(vacancyFallbackProblems({ cover: 'sergeant', sergeants: { north: 'o-ann', south: 'lt-n' } }, p.areas, p.officers)).toEqual([
      'Vacancy cover for Area Command South: Lt. R. Alvarez serves in Northeast, not South',
    ])
  })
})

describe('the public dataset and lookup for a vacancy', () => {
  it('publishes the cover for a vacant neighborhood and never an officer on leave, in fixed key order', () => {
    const p = plan()
    setStatus(p, 'o-ann', 'leave')
    const out = buildPublicDataset(p, { ...META, vacancy: SERGEANT })
    const n1 = nbProps(out.neighborhoods, 'n1')
    expect(n1.officers).toEqual([])
    expect(n1.cover).toEqual({ role: 'sergeant', name: 'S. Okafor', rank: 'Sgt.', email: 'sgt-n@police.example.gov', phone: '925-555-0199' })
    expect(Object.keys(n1.cover)).toEqual(['role', 'name', 'rank', 'email', 'phone'])
    expect(out.neighborhoods).not.toContain('Z. Adams')
    expect(out.neighborhoods).not.toContain('A. Nguyen')
    expect(out.neighborhoods).not.toContain(MARKER)
    // South has no commander: its neighborhood keeps its active officer and needs no cover.
    expect(nbProps(out.neighborhoods, 's1').cover).toBeNull()
    // A vacancy where nobody is at work: the department's name and non-emergency phone.
    setStatus(p, 'sgt-n', 'leave')
    setStatus(p, 'lt-n', 'leave')
    const none = buildPublicDataset(p, { ...META, vacancy: SERGEANT })
    expect(nbProps(none.neighborhoods, 'n2').cover).toEqual({ role: 'department', name: 'Livermore Police Department', rank: '', email: '', phone: '925-371-4900' })
    expect(nbProps(none.neighborhoods, 'n2').commander).toBeNull()
  })

  it('is byte-identical whatever the input order, and flattens the cover into the cover_ columns', () => {
    const p = plan()
    const built = buildPublicDataset(p, { ...META, vacancy: SERGEANT })
    for (const seed of [2, 9]) {
      const q = { ...plan(), officers: shuffled(plan().officers, seed), neighborhoods: shuffled(plan().neighborhoods, seed + 1) }
      expect(buildPublicDataset(q, { ...META, vacancy: { cover: 'sergeant', sergeants: { north: 'sgt-n' } } })).toEqual(built)
    }
    const nbs = flatPublicLayers(built)[1]
    const row = (id: string) => Object.fromEntries(nbs.fields.map((f, i) => [f.name, nbs.features.find((x) => x.id === id)!.values[i]]))
    expect(row('n2')).toMatchObject({ officer_count: 0, cover_role: 'sergeant', cover_name: 'S. Okafor', cover_rank: 'Sgt.', cover_email: 'sgt-n@police.example.gov', cover_phone: '925-555-0199' })
    expect(row('n1')).toMatchObject({ officer_count: 1, cover_role: null, cover_name: null })
  })

  it('refuses a malformed vacancy setting in the publish meta', () => {
    expect(() => buildPublicDataset(plan(), { ...META, vacancy: { cover: 'captain' } as never })).toThrow(/vacancy.cover must be "commander" or "sergeant"/)
  })

  it('the lookup lists only active officers and gives the cover where none is left', () => {
    const p = plan()
    const lk = createLookup(p, META.department, SERGEANT)
    const springtown = lk.lookup(-121.78, 37.7)!
    expect(springtown.officers.map((o) => o.name)).toEqual(['A. Nguyen'])
    expect(springtown.cover).toBeNull()
    expect(lk.lookup(-121.71, 37.71)!.cover).toMatchObject({ role: 'sergeant', name: 'S. Okafor' })
    // A point in a hole (no neighborhood) has no cover to give.
    expect(lk.lookup(-121.75, 37.665)!.cover).toBeNull()
  })
})

describe('the vacancy setting in a real plan', () => {
  let s: ReturnType<typeof makeServices> | null = null
  afterEach(() => s?.cleanup())

  it('is refused with the reasons when it names an officer on leave, and once stored drives the findings, the lookup and the publish', async () => {
    s = makeServices()
    const p = s.plans.load()
    const ne = p.areas.find((a) => a.id === 'NE')!
    const sergeants = Object.fromEntries(p.areas.map((a) => [a.id, p.officers.find((o) => o.areaId === a.id && o.rank === 'Sergeant' && o.status === 'active')!.id]))
    const onLeave = p.officers.find((o) => o.areaId === 'NE' && o.status === 'leave')!
    expect(() => s!.settings.set({ vacancyFallback: { cover: 'sergeant', sergeants: { ...sergeants, NE: onLeave.id } } })).toThrow(
      `Vacancy cover for Area Command ${ne.name}: ${onLeave.rank} ${onLeave.displayName} is on leave; choose an active sergeant. Nothing was saved.`,
    )
    expect(s.settings.get().vacancyFallback).toEqual({ cover: 'commander', sergeants: {} })

    s.settings.set({ vacancyFallback: { cover: 'sergeant', sergeants } })
    const sgt = s.repos.officers.get(sergeants.NE)!
    // Every active adopter of the on-leave officer's neighborhood goes on leave: a vacancy.
    const nbId = onLeave.neighborhoodId!
    const ops = p.officers.filter((o) => o.neighborhoodId === nbId && o.status === 'active').map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, status: 'leave' as const } }))
    s.changes.apply({ label: 'Leave', ops }, ADMIN)
    const f = s.validation.findings().find((x) => x.kind === 'unassigned-neighborhood' && x.neighborhoodIds[0] === nbId)!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(`${sgt.rank} ${sgt.displayName} (the area's sergeant) covers it`)

    const nb = p.neighborhoods.find((n) => n.id === nbId)!
    const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
    const hit = s.lookup.lookup(lon, lat)!
    expect(hit.neighborhood?.id).toBe(nbId)
    expect(hit.officers).toEqual([])
    expect(hit.cover).toMatchObject({ role: 'sergeant', name: sgt.displayName, email: sgt.email })

    const out = `${s.dir}/site`
    await s.publish.publish({ effectiveDate: '2025-07-01', outDir: out }, ADMIN)
    const text = s.publish.files(1).neighborhoods.toString('utf8')
    expect(nbProps(text, nbId).officers).toEqual([])
    expect(nbProps(text, nbId).cover).toEqual({ role: 'sergeant', name: sgt.displayName, rank: sgt.rank, email: sgt.email, phone: sgt.deskPhone })
    expect(text).not.toContain(onLeave.displayName)
  })
})
