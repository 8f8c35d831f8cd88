import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPlanRows } from '../../src/main/server/repos/plan-rows-repo'
import { changesSince } from '../../src/main/server/repos/change-log-repo'
import { moveVertex, vertexHolders } from '../../src/shared/geo/ops/move-vertex'
import { createValidator } from '../../src/shared/geo/validate'
import type { ChangeSet, LonLat, PlanState } from '../../src/shared/domain'
import { startTestServer, type TestServer } from '../helpers/pg-server'
import { openDesk, tables, until, type Desk } from './desk'
import { storeSampleCity } from './fixtures'

let server: TestServer
let owner: pg.Client
let ne: Desk
let nw: Desk
let adm: Desk

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.owner()
  await storeSampleCity(owner)
  ne = await openDesk(await server.addLogin('ne_cmdr', 'commander', 'NE'), 'alice')
  nw = await openDesk(await server.addLogin('nw_cmdr', 'commander', 'NW'), 'bob')
  adm = await openDesk(await server.addLogin('admin_1', 'administration', null), 'carol')
})
afterAll(async () => {
  for (const d of [ne, nw, adm]) await d?.close()
  await server?.stop()
})

function rename(desk: Desk, id: string, name: string): ChangeSet {
  const before = desk.repos.neighborhoods.get(id)!
  return { label: `Rename ${before.name} to ${name}`, ops: [{ entity: 'neighborhood', id, before, after: { ...before, name } }] }
}

/** A vertex inside `areaId` that at least two of its neighborhoods share and that can be moved by `d`. */
function sharedCorner(plan: PlanState, areaId: string, d: LonLat): { at: LonLat; cs: ChangeSet } {
  for (const n of plan.neighborhoods.filter((x) => x.areaId === areaId)) {
    const ring = n.geometry.type === 'Polygon' ? n.geometry.coordinates[0] : n.geometry.coordinates[0][0]
    for (const p of ring) {
      const at: LonLat = [p[0], p[1]]
      try {
        if (vertexHolders(plan, areaId, at, false, 'move').filter((h) => h.entity === 'neighborhood').length < 2) continue
        return { at, cs: moveVertex(plan, { areaId, from: at, to: [at[0] + d[0], at[1] + d[1]], editAreas: false }) }
      } catch {
        continue
      }
    }
  }
  throw new Error(`no movable shared corner in ${areaId}`)
}

describe('two desks on one department server (real PostgreSQL 15 + PostGIS)', () => {
  it('each desk loads the plan from the server and knows who it is from the server', () => {
    expect(ne.actor.profile).toEqual({ role: 'commander', areaId: 'NE' })
    expect(nw.actor.profile).toEqual({ role: 'commander', areaId: 'NW' })
    expect(adm.actor.profile).toEqual({ role: 'admin' })
    expect(ne.plans.load().neighborhoods).toHaveLength(19)
  })

  it('50 interleaved edits each: both desks see all 100, and the server equals what each shows', async () => {
    const neIds = ne.plans.load().neighborhoods.filter((n) => n.areaId === 'NE').map((n) => n.id)
    const nwIds = nw.plans.load().neighborhoods.filter((n) => n.areaId === 'NW').map((n) => n.id)
    const neSeen = ne.remote.length
    const nwSeen = nw.remote.length
    for (let i = 0; i < 50; i++) {
      ne.changes.apply(rename(ne, neIds[i % neIds.length], `NE edit ${i}`), ne.actor)
      nw.changes.apply(rename(nw, nwIds[i % nwIds.length], `NW edit ${i}`), nw.actor)
      // Each desk goes on working while its steps travel: no waiting for the server between edits.
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 5))
    }
    await until(() => nw.remote.length - neSeen >= 0 && nw.remote.filter((r) => r.change.login === 'ne_cmdr').length === 50, 'the NW desk to see 50 NE edits')
    await until(() => ne.remote.filter((r) => r.change.login === 'nw_cmdr').length === 50, 'the NE desk to see 50 NW edits')
    await Promise.all([ne.sync.settle(), nw.sync.settle(), adm.sync.settle()])
    await until(() => adm.remote.length >= 100, 'Administration to see all 100')
    expect(ne.remote.length - neSeen).toBe(50)
    expect(nw.remote.length - nwSeen).toBe(50)
    expect(ne.sync.conflicts()).toEqual([])
    expect(nw.sync.conflicts()).toEqual([])

    const stored = tables(await readPlanRows(owner))
    expect(tables(ne.plans.load())).toEqual(stored)
    expect(tables(nw.plans.load())).toEqual(stored)
    expect(tables(adm.plans.load())).toEqual(stored)
    // Each desk's last edit is what the server holds, under the login that made it.
    expect(stored.neighborhoods.find((n) => n.id === neIds[49 % neIds.length])).toMatchObject({ name: 'NE edit 49' })
    const log = await changesSince(owner, 0)
    expect(log.filter((e) => e.login === 'ne_cmdr').map((e) => e.label)).toEqual(Array.from({ length: 50 }, (_, i) => expect.stringContaining(`to NE edit ${i}`)))
    // The live validator followed every remote change: its findings equal a fresh check of the stored plan.
    expect(ne.validation.findings()).toEqual(createValidator(ne.plans.load(), ne.settings.get().tolerances).findings())
  })

  it('the same corner moved on two desks: the first stored wins, the other is refused naming who and when, and shows the stored state', async () => {
    const plan = ne.plans.load()
    const mine = sharedCorner(plan, 'NE', [0.00002, 0.00001])
    const theirs = moveVertex(adm.plans.load(), { areaId: 'NE', from: mine.at, to: [mine.at[0] - 0.00001, mine.at[1] + 0.00002], editAreas: true })
    // Administration's desk is offline for a moment, so NE's change is certainly stored first.
    await adm.sync.pause()
    adm.changes.apply(theirs, adm.actor)
    ne.changes.apply(mine.cs, ne.actor)
    await ne.sync.settle()
    await adm.sync.resume()
    await until(() => adm.conflictsSeen.length === 1, 'the refusal on the Administration desk')

    const refusal = adm.conflictsSeen[0]
    expect(refusal.label).toBe(theirs.label)
    expect(refusal.message).toMatch(/^"Move vertex in .+" was not stored: neighborhood NE-[a-z-]+ was changed by ne_cmdr at \d{4}-\d\d-\d\dT[\d:.]+Z \("Move vertex in .+"\)/)
    expect(adm.sync.conflicts().map((c) => c.label)).toEqual([theirs.label])
    await until(() => ne.remote.length > 0 && tables(adm.plans.load()).neighborhoods.length > 0, 'catch-up')
    const stored = tables(await readPlanRows(owner))
    expect(tables(adm.plans.load())).toEqual(stored)
    expect(tables(ne.plans.load())).toEqual(stored)
    // Exactly one of the two moves is stored: NE's.
    const log = await changesSince(owner, 0)
    expect(log.filter((e) => e.label === mine.cs.label || e.label === theirs.label).map((e) => e.login)).toEqual(['ne_cmdr'])
    // The refused step is no undo step: undo on that desk does not try to take it back.
    expect(adm.changes.canUndo(adm.actor)).toBe(false)
    // Redone on top of the stored state, Administration's move is stored.
    const redo = moveVertex(adm.plans.load(), { areaId: 'NE', from: [mine.at[0] + 0.00002, mine.at[1] + 0.00001], to: [mine.at[0] - 0.00001, mine.at[1] + 0.00002], editAreas: true })
    adm.changes.apply(redo, adm.actor)
    await adm.sync.settle()
    await until(() => ne.remote.some((r) => r.change.label === redo.label), 'the redone move on the NE desk')
    expect(tables(ne.plans.load())).toEqual(tables(await readPlanRows(owner)))
  })

  it('undo on the server is the stored inverse, refused when someone has changed those rows since', async () => {
    const id = 'NE-jensen'
    const was = ne.repos.neighborhoods.get(id)!.name
    ne.changes.apply(rename(ne, id, 'Jensen Heights'), ne.actor)
    await ne.sync.settle()
    ne.changes.undo(ne.actor)
    await ne.sync.settle()
    const log = await changesSince(owner, 0)
    expect(log.at(-1)).toMatchObject({ login: 'ne_cmdr', action: 'undo', label: `Undo: Rename ${was} to Jensen Heights` })
    await until(() => nw.remote.some((r) => r.change.action === 'undo'), 'the undo on the NW desk')
    expect(nw.repos.neighborhoods.get(id)!.name).toBe(was)

    ne.changes.redo(ne.actor)
    await ne.sync.settle()
    await until(() => adm.repos.neighborhoods.get(id)!.name === 'Jensen Heights', 'the redo on the Administration desk')
    adm.changes.apply(rename(adm, id, 'Jensen Park'), adm.actor)
    await adm.sync.settle()
    await until(() => ne.repos.neighborhoods.get(id)!.name === 'Jensen Park', 'Administration\'s rename on the NE desk')
    expect(() => ne.changes.undo(ne.actor)).toThrow(`Cannot undo "Rename ${was} to Jensen Heights": neighborhood NE-jensen was changed by someone else`)
    expect(tables(ne.plans.load())).toEqual(tables(await readPlanRows(owner)))
  })
})
