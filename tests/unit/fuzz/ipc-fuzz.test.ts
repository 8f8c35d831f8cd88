import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChangeSet, PlanState } from '../../../src/shared/domain'
import { CHANNEL_LIST, contract, type Channel } from '../../../src/shared/ipc'
import { openFuzzPlan, prototypeSnapshot, type FuzzPlan } from './plan-fixture'

const RUNS = 500

// Built once and shared by every run: dispatch never mutates its input.
const HUGE = 'x'.repeat(1_000_000)
const nest = (depth: number, wrap: (v: unknown) => unknown) => {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}
const DEEP_ARRAY = nest(20_000, (v) => [v])
const DEEP_OBJECT = nest(20_000, (v) => ({ a: v }))
const RING_10M = new Array<number[]>(10_000_000).fill([-121.76, 37.68])
const polluter = () =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as object
const poly = (coordinates: unknown) => ({ type: 'Polygon', coordinates })

/**
 * Values no field of a change set accepts (every text field there has a limit of at most 4,000
 * characters). Channels that take whole files as text (roster, workload, addresses) may accept
 * a megabyte of text, so their fields get `garbageNoText`.
 */
const garbageNoText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, DEEP_ARRAY, DEEP_OBJECT, RING_10M),
  fc.constant(null).map(polluter),
  fc.constantFrom<unknown>(
    poly([[[-121.76, 37.68]]]), // a ring of one position
    poly([RING_10M]), // a ring of ten million positions
    poly([[[NaN, 37.6], [-121.7, 37.6], [-121.7, 37.7], [NaN, 37.6]]]),
    poly([[[Infinity, 37.6], [-121.7, 37.6], [-121.7, 37.7], [Infinity, 37.6]]]),
    poly([[[-721.76, 37.6], [-121.7, 37.6], [-121.7, 97.7], [-721.76, 37.6]]]),
    { type: DEEP_ARRAY, coordinates: [] },
    { type: 'Polygon', coordinates: DEEP_ARRAY },
  ),
)
const garbage: fc.Arbitrary<unknown> = fc.oneof(garbageNoText, fc.constant(HUGE))

/** The keys a channel's input object may carry, read from its schema (objects and unions of objects). */
function schemaKeys(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[] }
  if (s.shape) return Object.keys(s.shape)
  if (Array.isArray(s.options)) return [...new Set(s.options.flatMap(schemaKeys))]
  return []
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype

/** Replaces the value at one random place inside a valid change set with garbage, or adds a hostile key. */
function corrupt(cs: ChangeSet): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    if (path.length) paths.push(path)
    if (Array.isArray(v)) v.slice(0, 6).forEach((x, i) => walk(x, [...path, i]))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
  }
  walk(cs, [])
  const objectPaths = [[] as (string | number)[], ...paths].filter((p) => isPlainObject(p.reduce<unknown>((o, k) => (o as never)[k], cs)))
  const replace = fc.tuple(fc.constantFrom(...paths), garbage).map(([path, value]) => {
    const copy = structuredClone(cs) as unknown as Record<string | number, unknown>
    let node = copy
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>
    node[path[path.length - 1]] = value
    return copy
  })
  const addKey = fc.tuple(fc.constantFrom(...objectPaths), fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), garbage).map(([path, key, value]) => {
    const copy = structuredClone(cs) as unknown as Record<string | number, unknown>
    let node = copy
    for (const k of path) node = node[k] as Record<string | number, unknown>
    Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true })
    return copy
  })
  return fc.oneof(replace, addKey)
}

/** Change sets that pass the schema but must still be refused by the services. */
function semanticGarbage(plan: PlanState): ChangeSet[] {
  const [n, m] = plan.neighborhoods
  const o = plan.officers.find((x) => x.neighborhoodId === null) ?? plan.officers[0]
  const a = plan.areas[0]
  const bowTie = poly([[[-121.78, 37.68], [-121.77, 37.69], [-121.77, 37.68], [-121.78, 37.69], [-121.78, 37.68]]]) as never
  return [
    { label: 'Stale rename', ops: [{ entity: 'neighborhood', id: n.id, before: { ...n, name: 'Not what is stored' }, after: { ...n, name: 'X' } }] },
    { label: 'Orphan', ops: [{ entity: 'neighborhood', id: 'new-1', before: null, after: { ...n, id: 'new-1', areaId: 'no-such-area' } }] },
    { label: 'Duplicate', ops: [{ entity: 'neighborhood', id: m.id, before: null, after: m }] },
    { label: 'Bow-tie', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, geometry: bowTie } }] },
    { label: 'Swallow a neighbor', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, geometry: a.geometry } }] },
    { label: 'Adopt nothing', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: 'no-such-neighborhood' } }] },
    { label: 'Delete what is gone', ops: [{ entity: 'area', id: 'ghost', before: { ...a, id: 'ghost' }, after: null }] },
  ]
}

function validChangeSets(plan: PlanState): ChangeSet[] {
  const n = plan.neighborhoods[0]
  const o = plan.officers[0]
  const a = plan.areas[0]
  return [
    { label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed' } }] },
    { label: 'Promote', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, rank: 'Sergeant' } }] },
    { label: 'Recolor', ops: [{ entity: 'area', id: a.id, before: a, after: { ...a, color: '#123456' } }] },
    { label: 'City', ops: [{ entity: 'city', id: 'city', before: plan.city, after: { ...plan.city!, name: 'Elsewhere' } }] },
  ]
}

/** Hostile inputs for one channel; none of them is a valid input for it. */
function hostileInputs(channel: Channel, plan: PlanState): fc.Arbitrary<unknown> {
  const keys = schemaKeys(contract[channel].input)
  // zod reads any non-array object (a Set, a Date) by its own keys, so {} and new Set() are both a
  // valid, empty settings patch: objects carrying only known keys are the valid-by-chance ones.
  const notAcceptable = (v: unknown) =>
    v !== undefined && !(keys.length > 0 && !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => keys.includes(k)))
  const anything = fc
    .anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true })
    .filter(notAcceptable)
  const families: fc.Arbitrary<unknown>[] = [anything, garbage, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))]
  if (keys.length) {
    families.push(
      fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1 }).chain((ks) => fc.tuple(...ks.map(() => garbageNoText)).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]])))),
    )
  }
  if (channel === 'changes:apply') {
    families.push(fc.constantFrom(...validChangeSets(plan)).chain(corrupt), fc.constantFrom(...validChangeSets(plan)).chain(corrupt))
    families.push(fc.constantFrom<unknown>(...semanticGarbage(plan)))
  }
  if (channel === 'session:setProfile')
    families.push(fc.constantFrom<unknown>({ role: 'commander', areaId: 'no-such-area' }, { role: 'root' }, { role: 'admin', areaId: 'NE' }, { role: 'commander' }))
  if (channel === 'settings:set')
    families.push(
      fc.constantFrom<unknown>(
        { tileUrl: 'javascript:alert(1)' }, { tileUrl: 'file:///etc/passwd' }, { tileUrl: 'http://tiles.example/{z}/{x}/{y}.png' },
        { tileUrl: 'https://tiles.example/"><script>alert(1)</script>' }, { tileUrl: `https://${'a'.repeat(600)}` },
        { tileUrl: 'https://tiles.example/tile.png' }, { tileUrl: 'http://localhost.evil.example/{z}/{x}/{y}.png' }, { tileAttribution: 'x'.repeat(201) },
        { tolerances: { sliverWidthM: -1, sliverAreaM2: 100, unassignedIsError: false } },
        { tolerances: { sliverWidthM: 5, sliverAreaM2: 1e12, unassignedIsError: false } },
        { tolerances: { sliverWidthM: 5, sliverAreaM2: 100 } },
      ),
    )
  if (channel === 'tiles:get')
    families.push(fc.constantFrom<unknown>({ z: 0, x: 1, y: 0 }, { z: 3, x: 8, y: 0 }, { z: 21, x: 0, y: 0 }, { z: -1, x: 0, y: 0 }, { z: 2, x: 1.5, y: 0 }, { z: 2, x: 0, y: 0, url: 'file:///etc/passwd' }))
  if (channel === 'history:list') families.push(fc.constantFrom<unknown>({ limit: 0 }, { limit: 1.5 }, { limit: 1001 }, { limit: '5' }, { limit: -1 }, { limit: 1e308 }))
  return fc.oneof(...families)
}

let fx: FuzzPlan
let plan: PlanState
const baseline = prototypeSnapshot()
beforeAll(() => {
  fx = openFuzzPlan()
  plan = fx.services.plans.load()
})
afterAll(() => fx.close())

describe('every IPC channel refuses hostile input without harm', () => {
  it.each(CHANNEL_LIST)('%s answers every hostile input with an error code and message, and leaves the plan unchanged', async (channel) => {
    const before = fx.dump()
    await fc.assert(
      fc.asyncProperty(hostileInputs(channel, plan), async (input) => {
        let reply: Awaited<ReturnType<FuzzPlan['dispatch']>>
        try {
          reply = await fx.dispatch(channel, input)
        } catch (e) {
          throw new Error(`${channel} threw instead of answering {ok:false}: ${String(e)}`)
        }
        expect(reply.ok, `${channel} accepted a hostile input`).toBe(false)
        if (reply.ok) return
        expect(typeof reply.error.code === 'string' && reply.error.code.length > 0).toBe(true)
        expect(typeof reply.error.message === 'string' && reply.error.message.length > 0).toBe(true)
        expect(reply.error.message.length, 'an error message must stay readable').toBeLessThan(2000)
        expect(prototypeSnapshot()).toEqual(baseline)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: RUNS },
    )
    expect(fx.dump()).toBe(before)
    expect(fx.logged, 'no hostile input should surface as an internal error').toEqual([])
  })

  it('after the barrage the plan reads back as seeded, and every channel that takes no input still answers', async () => {
    expect(await fx.dispatch('plan:load', undefined)).toEqual({ ok: true, value: plan })
    for (const channel of CHANNEL_LIST) {
      if (!contract[channel].input.safeParse(undefined).success) continue
      const reply = await fx.dispatch(channel, undefined)
      if (!reply.ok) expect(reply.error.code.length * reply.error.message.length, `${channel} answered without code or message`).toBeGreaterThan(0)
    }
    expect(fx.logged, 'no channel should fail with an internal error').toEqual([])
  })

  it('an unknown channel name is refused by name, even a prototype key', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'plan:drop', 'x'.repeat(10_000)]) {
      const reply = await fx.dispatch(name, undefined)
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
      if (!reply.ok) expect(reply.error.message.length).toBeLessThan(200)
    }
  })
})
