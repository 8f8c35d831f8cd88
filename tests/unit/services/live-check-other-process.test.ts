import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import type { Polygon } from '../../../src/shared/domain'
import { layerFile, type Ring } from '../import-service/layer'
import { ADMIN, expectLiveEqualsFresh, newTally, PlanTemplate, playSequence, type Opened, type Step } from './live-check-harness'

let template: PlanTemplate
beforeAll(async () => {
  template = await PlanTemplate.build((s) => {
    s.seed.seedIfEmpty(ADMIN)
  })
})
afterAll(() => template.dispose())
const opened: { close(): void }[] = []
afterEach(() => opened.splice(0).reverse().forEach((x) => x.close()))

/** The app with its live check built, and the command line on the same plan file. */
function appAndCli(): { app: Opened; cli: Services } {
  const app = template.open()
  opened.push(app)
  app.validation.prepare()
  const cli = app.otherProcess()
  opened.push({ close: () => cli.repos.db.close() })
  return { app, cli }
}

/** Every officer of one neighborhood stops adopting it; returns its id. */
function releaseOneNeighborhood(x: Services): string {
  const plan = x.plans.load()
  const id = plan.officers.find((o) => o.neighborhoodId !== null)!.neighborhoodId!
  const theirs = plan.officers.filter((o) => o.neighborhoodId === id)
  x.changes.apply({ label: 'Release', ops: theirs.map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, neighborhoodId: null } })) }, ADMIN)
  return id
}

const step = (kind: Step['kind'], a: number, b = 0.5, c = 0.5, d = 0.5, e = 0.5): Step => ({ kind, a, b, c, d, e })

describe('a change another process stores in the open plan (the command line while the app is open)', () => {
  it('shows in the app\'s live check, and the app\'s next edits, undos and redos keep it true', () => {
    const { app, cli } = appAndCli()
    // The command line leaves a neighborhood without its officers: a warning the app has not seen.
    const id = releaseOneNeighborhood(cli)
    expectLiveEqualsFresh(app, 'after the other process stored a change')
    expect(app.validation.findings().some((f) => f.kind === 'unassigned-neighborhood' && f.neighborhoodIds.includes(id))).toBe(true)
    playSequence(app, [step('move', 0.3, 0.4, 0.8, 0.6, 0.2), step('reshape', 0.7, 0.25, 0.9), step('undo', 0), step('split', 0.12, 0.3)], newTally())
  })

  it('an edit the app makes after the other process reshaped a neighborhood is re-checked against the stored plan', () => {
    const { app, cli } = appAndCli()
    playSequence(cli, [step('reshape', 0.2, 0.3, 0.9), step('reshape', 0.6, 0.6, 0.95)], newTally())
    playSequence(app, [step('reshape', 0.4, 0.5, 0.9), step('move', 0.55, 0.2, 0.3, 0.7), step('adopt', 0.1, 0.9, 0.3)], newTally())
  })

  it('tolerances the other process sets (the settings command) apply to the app\'s live check', () => {
    const { app, cli } = appAndCli()
    releaseOneNeighborhood(app)
    expect(app.validation.findings().some((f) => f.kind === 'unassigned-neighborhood' && f.severity === 'warning')).toBe(true)
    cli.settings.set({ tolerances: { unassignedIsError: true } })
    expectLiveEqualsFresh(app, 'after the other process changed the tolerances')
    expect(app.validation.findings().some((f) => f.kind === 'unassigned-neighborhood' && f.severity === 'error')).toBe(true)
  })

  it('undoing, in the app, the step the other process stored', () => {
    const { app, cli } = appAndCli()
    playSequence(cli, [step('reshape', 0.2, 0.3, 0.9)], newTally())
    const seq = cli.repos.audit.lastDone('admin')!.seq
    // Both act as Administration: the app's undo takes back the command line's step.
    expect(app.repos.audit.lastDone('admin')!.seq).toBe(seq)
    app.changes.undo(ADMIN)
    expectLiveEqualsFresh(app, 'after undoing the other process\'s step')
    app.changes.redo(ADMIN)
    expectLiveEqualsFresh(app, 'after redoing it')
  })

  it('an edit stretching a neighborhood over its neighbour is refused even when the other process commits just before it is stored', () => {
    const { app, cli } = appAndCli()
    // The other process commits after the app's re-check took its "before" view: the check inside the transaction starts afresh.
    const prepare = app.validation.prepare.bind(app.validation)
    app.validation.prepare = () => {
      prepare()
      playSequence(cli, [step('adopt', 0.3, 0.1)], newTally())
    }
    const plan = app.plans.load()
    const [a, b] = ['NE-springtown', 'NE-northfront'].map((id) => plan.neighborhoods.find((n) => n.id === id)!)
    const ring = (a.geometry as Polygon).coordinates[0].map((p) => [...p])
    const bRing = (b.geometry as Polygon).coordinates[0]
    const inB = bRing.reduce((acc, p) => [acc[0] + p[0] / bRing.length, acc[1] + p[1] / bRing.length], [0, 0])
    const shared = new Set(bRing.map((p) => `${p[0]},${p[1]}`))
    ring.splice(ring.findIndex((p, k) => k > 0 && shared.has(`${p[0]},${p[1]}`)), 0, inB)
    const grown = { ...a, geometry: { type: 'Polygon' as const, coordinates: [ring] } }
    expect(() => app.changes.apply({ label: 'Stretch Springtown', ops: [{ entity: 'neighborhood', id: a.id, before: a, after: grown }] }, ADMIN)).toThrowError(/"Stretch Springtown" was not stored: /)
    expectLiveEqualsFresh(app, 'after the refused edit')
  })

  it('a neighborhood import the other process stores', async () => {
    const { app, cli } = appAndCli()
    const kept = cli.plans.load().neighborhoods.filter((n) => n.id !== 'S-granada')
    const file = layerFile('hoods.geojson', kept.map((n) => ({ props: { id: n.id, area: n.areaId }, rings: (n.geometry as Polygon).coordinates as Ring[] })))
    await cli.imports.apply(file, { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'replace' }, ADMIN)
    expectLiveEqualsFresh(app, 'after the other process imported neighborhoods')
    expect(app.validation.findings().some((f) => f.kind === 'gap')).toBe(true)
    playSequence(app, [step('adopt', 0.05, 0.9, 0.3), step('undo', 0), step('redo', 0), step('merge', 0.4)], newTally())
  })
})
