import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/main/services/app-error'
import { scheduleRestore } from '../../../src/main/services/pending-restore'
import type { AreaGeometry, LonLat, PlanState } from '../../../src/shared/domain'
import { polygonsOf } from '../../../src/shared/geo/ops/geom'
import { layerFile, square, type Ring } from '../import-service/layer'
import { ADMIN, expectLiveEqualsFresh, newTally, PlanTemplate, playSequence, type Opened, type Step } from './live-check-harness'

let template: PlanTemplate
beforeAll(async () => {
  template = await PlanTemplate.build((s) => {
    s.seed.seedIfEmpty(ADMIN)
  })
})
afterAll(() => template.dispose())
let s: Opened | null = null
afterEach(() => {
  s?.close()
  s = null
})
function open(): Opened {
  s = template.open()
  // The live validator exists before the import or restore, as it does in a running app.
  s.validation.prepare()
  return s
}

/** A fixed mix of edits, adoptions, undos and redos, played after an import or a restore (checked after each step). */
const EDITS: Step[] = [
  { kind: 'move', a: 0.31, b: 0.4, c: 0.8, d: 0.6, e: 0.2 },
  { kind: 'adopt', a: 0.52, b: 0.9, c: 0.3, d: 0, e: 0 },
  { kind: 'split', a: 0.12, b: 0.3, c: 0.5, d: 0.4, e: 0 },
  { kind: 'reshape', a: 0.77, b: 0.25, c: 0.9, d: 0, e: 0 },
  { kind: 'undo', a: 0, b: 0, c: 0, d: 0, e: 0 },
  { kind: 'draw', a: 0.64, b: 0.5, c: 0.2, d: 0.2, e: 0 },
  { kind: 'undo', a: 0, b: 0, c: 0, d: 0, e: 0 },
  { kind: 'redo', a: 0, b: 0, c: 0, d: 0, e: 0 },
  { kind: 'delete', a: 0.9, b: 0.2, c: 0.5, d: 0, e: 0 },
]
function playEdits(x: Opened): void {
  const tally = newTally()
  playSequence(x, EDITS, tally)
  // Most of them must really be stored, or the check after them proves little.
  expect(tally.move + tally.adopt + tally.split + tally.reshape + tally.draw + tally.delete + tally.refused).toBeGreaterThanOrEqual(4)
  expect(tally.undo + tally.redo).toBe(3)
}

function step(x: Opened, what: string, run: () => unknown): void {
  run()
  expectLiveEqualsFresh(x, what)
}

const rings = (g: AreaGeometry): Ring[] => polygonsOf(g)[0] as Ring[]
/** A ring with its vertex `i` pushed `f` of the way further from the ring's centre. */
function pushed(ring: Ring, i: number, f: number): Ring {
  const c = ring.slice(0, -1).reduce((acc, p) => [acc[0] + p[0] / (ring.length - 1), acc[1] + p[1] / (ring.length - 1)], [0, 0])
  const out = ring.map((p): [number, number] => [p[0], p[1]])
  out[i] = [out[i][0] + f * (out[i][0] - c[0]), out[i][1] + f * (out[i][1] - c[1])]
  if (i === 0) out[out.length - 1] = out[0]
  return out
}
const centreOf = (plan: PlanState, id: string): LonLat => {
  const r = rings(plan.neighborhoods.find((n) => n.id === id)!.geometry)[0]
  return [r.reduce((a, p) => a + p[0], 0) / r.length, r.reduce((a, p) => a + p[1], 0) / r.length]
}

describe('importing into an open plan keeps the live check equal to a fresh check', () => {
  it('a neighborhood layer replacing the open one (a neighborhood dropped, one grown over its neighbour, a bow-tie added), then edits, undo and redo of the import', async () => {
    const x = open()
    playSequence(x, EDITS.slice(0, 2), newTally())
    const plan = x.plans.load()
    const [cx, cy] = centreOf(plan, 'NE-midtown')
    const bowTie: Ring = [[cx - 0.002, cy - 0.002], [cx + 0.002, cy + 0.002], [cx + 0.002, cy - 0.002], [cx - 0.002, cy + 0.002], [cx - 0.002, cy - 0.002]]
    const features = plan.neighborhoods
      .filter((n) => n.id !== 'NE-springtown')
      .map((n) => ({ props: { id: n.id, area: n.areaId, name: n.name }, rings: n.id === 'NE-jensen' ? [pushed(rings(n.geometry)[0], 3, 0.4)] : rings(n.geometry) }))
    features.push({ props: { id: 'NE-bowtie', area: 'NE', name: 'Bow tie' }, rings: [bowTie] })
    const before = x.validation.findings()
    const r = await x.imports.apply(layerFile('hoods.geojson', features), { layer: 'neighborhoods', idField: 'id', areaField: 'area', nameField: 'name', mode: 'replace' }, ADMIN)
    expect(r.removed).toEqual(['NE-springtown'])
    expectLiveEqualsFresh(x, 'after the import')
    // The import itself is not re-checked: the overlap and the invalid shape it brings in are reported, not refused.
    const after = x.validation.findings()
    expect(after).not.toEqual(before)
    expect(after.some((f) => f.kind === 'invalid-geometry' && f.neighborhoodIds.includes('NE-bowtie'))).toBe(true)
    expect(after.some((f) => f.kind === 'overlap' && f.neighborhoodIds.includes('NE-jensen'))).toBe(true)
    playEdits(x)
    // The history now ends with the import and the edits after it: undo back through the import and redo it.
    while (x.repos.audit.lastDone('admin')?.seq !== r.seq) step(x, 'undoing the edits after the import', () => x.changes.undo(ADMIN))
    step(x, 'after undoing the import', () => x.changes.undo(ADMIN))
    expect(x.plans.load().neighborhoods.some((n) => n.id === 'NE-springtown')).toBe(true)
    step(x, 'after redoing the import', () => x.changes.redo(ADMIN))
    playEdits(x)
  })

  it('Area Commands and neighborhoods added to the open plan (one neighborhood reaching past its new area), then edits', async () => {
    const x = open()
    const east: Ring = square(-121.69, 37.67, 0.02)
    await x.imports.apply(layerFile('areas.geojson', [{ props: { id: 'E', name: 'East' }, rings: [east] }]), { layer: 'areas', idField: 'id', nameField: 'name', mode: 'add' }, ADMIN)
    expectLiveEqualsFresh(x, 'after adding an area')
    const hoods = [
      { props: { id: 'E-1', area: 'E' }, rings: [square(-121.69, 37.67, 0.01)] },
      { props: { id: 'E-2', area: 'E' }, rings: [square(-121.68, 37.67, 0.012)] },
    ]
    await x.imports.apply(layerFile('east.geojson', hoods), { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'add' }, ADMIN)
    expectLiveEqualsFresh(x, 'after adding its neighborhoods')
    expect(x.validation.findings().some((f) => f.kind === 'outside-area' && f.neighborhoodIds.includes('E-2'))).toBe(true)
    playEdits(x)
  })

  it('a city limit replacing the open one, then edits and the undo of the import', async () => {
    const x = open()
    const r = await x.imports.apply(layerFile('city.geojson', [{ props: { NAME: 'Smaller Livermore' }, rings: [square(-121.8, 37.66, 0.06)] }]), { layer: 'city', nameField: 'NAME', mode: 'replace' }, ADMIN)
    expectLiveEqualsFresh(x, 'after the city import')
    playEdits(x)
    while (x.repos.audit.lastDone('admin')?.seq !== r.seq) step(x, 'undoing the edits after the import', () => x.changes.undo(ADMIN))
    step(x, 'after undoing the city import', () => x.changes.undo(ADMIN))
  })

  it('a roster moving officers between neighborhoods, its undo and redo', () => {
    const x = open()
    const plan = x.plans.load()
    const inNE = plan.neighborhoods.filter((n) => n.areaId === 'NE')
    const moved = plan.officers.filter((o) => o.areaId === 'NE').slice(0, 6)
    const csv = ['Employee ID,Name,Area,Neighborhood', ...moved.map((o, i) => `${o.private.employeeId},${o.displayName},Northeast,${inNE[i % 2].name}`)].join('\n')
    step(x, 'after the roster import', () => x.officers.import(csv, undefined, false, ADMIN))
    expect(x.plans.load().officers.filter((o) => o.neighborhoodId === inNE[0].id).length).toBeGreaterThanOrEqual(3)
    step(x, 'after undoing the roster import', () => x.changes.undo(ADMIN))
    step(x, 'after redoing the roster import', () => x.changes.redo(ADMIN))
    playEdits(x)
  })

  it('an import refused for its problems leaves the live check as it was', async () => {
    const x = open()
    playSequence(x, EDITS.slice(0, 4), newTally())
    const before = x.validation.findings()
    const file = layerFile('bad.geojson', [{ props: { id: 'Z-1', area: 'ZZ' }, rings: [square(-121.75, 37.68, 0.001)] }])
    await expect(x.imports.apply(file, { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'add' }, ADMIN)).rejects.toBeInstanceOf(AppError)
    expect(x.validation.findings()).toEqual(before)
    expectLiveEqualsFresh(x, 'after the refused import')
    playEdits(x)
  })
})

describe('restoring a backup keeps the live check equal to a fresh check', () => {
  it('a backup taken mid-session, restored at the restart: then edits, and undo back into the history the backup holds', async () => {
    let x = open()
    playSequence(x, EDITS.slice(0, 3), newTally())
    const backedUp = x.plans.load()
    const backup = await x.backups.backup('manual')
    playSequence(x, EDITS.slice(3), newTally())
    expect(x.plans.load()).not.toEqual(backedUp)
    x = s = await x.restart(() => scheduleRestore(x.dbPath, backup.file))
    expect(x.plans.load()).toEqual(backedUp)
    x.validation.prepare()
    playEdits(x)
    // Undo reaches the steps stored before the backup was taken.
    while (x.changes.canUndo(ADMIN)) step(x, 'undoing into the restored history', () => x.changes.undo(ADMIN))
    step(x, 'redoing after the restore', () => x.changes.redo(ADMIN))
  })

  it('the backup an import took of the plan, restored to take the import back: then edits', async () => {
    let x = open()
    const plan = x.plans.load()
    const features = plan.neighborhoods.map((n) => ({ props: { id: n.id, area: n.areaId }, rings: n.id === 'S-wente' ? [pushed(rings(n.geometry)[0], 5, 0.5)] : rings(n.geometry) }))
    const r = await x.imports.apply(layerFile('hoods.geojson', features), { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'replace' }, ADMIN)
    expect(r.backupFile).not.toBeNull()
    playSequence(x, EDITS.slice(0, 4), newTally())
    x = s = await x.restart(() => scheduleRestore(x.dbPath, r.backupFile!))
    expect(x.plans.load()).toEqual(plan)
    x.validation.prepare()
    playEdits(x)
  })
})
