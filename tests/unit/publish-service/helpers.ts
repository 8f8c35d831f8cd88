import { check } from '@placemarkio/check-geojson'
import { expect } from 'vitest'
import type { Officer, PlanState, Position } from '../../../src/shared/domain'
import type { Actor } from '../../../src/main/services/actor'
import { makeServices } from '../../helpers/services'

export type TestServices = ReturnType<typeof makeServices>
export const ADMIN: Actor = { osUser: 'tester', profile: { role: 'admin' } }
export const COMMANDER: Actor = { osUser: 'tester', profile: { role: 'commander', areaId: 'NE' } }
export const PRIVATE_FIELDS = ['employeeId', 'badge', 'personalPhone', 'personalEmail', 'homeAddress', 'notes'] as const

/** Every private field of every officer becomes a unique marker string that must never be published. */
export function seedPrivateMarkers(s: TestServices): string[] {
  const plan = s.plans.load()
  const markers: string[] = []
  const ops = plan.officers.map((o) => {
    const priv = { ...o.private }
    for (const k of PRIVATE_FIELDS) {
      priv[k] = `PRIVMARK-${o.id}-${k}`
      markers.push(priv[k])
    }
    return { entity: 'officer' as const, id: o.id, before: o, after: { ...o, private: priv } as Officer }
  })
  s.changes.apply({ label: 'Mark private fields', ops }, ADMIN)
  return markers
}

/** Shoelace sum; positive means counter-clockwise with lon as x and lat as y. */
function signedArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return sum / 2
}

/** RFC 7946 by an independent checker, plus the winding rule it does not check. */
export function expectRfc7946(text: string): void {
  expect(() => check(text)).not.toThrow()
  expect(text).not.toContain('"crs"')
  const fc = JSON.parse(text) as { features: { geometry: { type: string; coordinates: unknown } }[] }
  expect(fc.features.length).toBeGreaterThan(0)
  for (const f of fc.features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Position[][][]
    for (const poly of polys) poly.forEach((ring, i) => expect(Math.sign(signedArea(ring))).toBe(i === 0 ? 1 : -1))
  }
}

/** An officer adopting a neighborhood of another area: a blocking `officer-outside-area` finding. */
export function makeBlocking(s: TestServices): void {
  const plan: PlanState = s.plans.load()
  const o = plan.officers.find((x) => x.areaId === 'NE' && x.rank !== 'Lieutenant')!
  const nw = plan.neighborhoods.find((n) => n.areaId === 'NW')!
  s.changes.apply({ label: 'Adopt across areas', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: nw.id } }] }, ADMIN)
  expect(s.validation.summary().blocking).toBe(true)
}
