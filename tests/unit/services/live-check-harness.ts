import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { expect } from 'vitest'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { createServices, type Services } from '../../../src/main/services'
import type { Actor } from '../../../src/main/services/actor'
import { openPlanForApp } from '../../../src/main/startup'
import { AppError } from '../../../src/main/services/app-error'
import { EditError, quantize, type ChangeSet, type Finding, type FindingSummary, type LonLat, type Neighborhood, type Officer, type PlanState } from '../../../src/shared/domain'
import {
  deleteNeighborhood, drawNeighborhood, insertVertex, mergeNeighborhoods, moveVertex, redrawBoundary, removeVertex, splitNeighborhood,
} from '../../../src/shared/geo/ops'
import { polygonsOf, ptKey, toGeometry } from '../../../src/shared/geo/ops/geom'
import { summarize, validatePlan } from '../../../src/shared/geo/validate'
import { SAMPLE_DIR } from '../../helpers/services'

export const ADMIN: Actor = { osUser: 'tester', profile: { role: 'admin' } }

/** What the findings panel shows of a finding, its area aside (compared to 0.01 m², see expectLiveEqualsFresh). */
function shown(f: Finding) {
  return { id: f.id, kind: f.kind, severity: f.severity, message: f.message, areaIds: f.areaIds, neighborhoodIds: f.neighborhoodIds, officerIds: f.officerIds }
}
const byId = (a: Finding, b: Finding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The live check (what the findings panel and `validation:run` show) must equal a fresh
 * `validatePlan` of the plan as read back from the database: same findings, kinds, severities,
 * messages and areas to 0.01 m².
 */
export function expectLiveEqualsFresh(s: Services, where: string): void {
  const live = [...s.validation.findings()].sort(byId)
  const fresh = validatePlan(s.plans.load(), s.settings.get().tolerances)
  // The panel's summary line too: counts per kind and the pieces left out below the noise floor.
  const line = (sum: FindingSummary) => ({ ...sum, ignoredM2: sum.ignoredM2 === undefined ? undefined : Math.round(sum.ignoredM2 * 100) / 100 })
  expect(line(s.validation.summary()), where).toEqual(line(summarize(fresh)))
  fresh.sort(byId)
  expect(live.map(shown), where).toEqual(fresh.map(shown))
  live.forEach((f, i) => expect(Math.abs(f.areaM2 - fresh[i].areaM2), `${where}: ${f.id} is ${f.areaM2} m² live, ${fresh[i].areaM2} m² fresh`).toBeLessThanOrEqual(0.01))
}

/** Services on a file of their own; `close` closes the database and deletes the folder. */
export type Opened = Services & {
  dbPath: string
  close(): void
  /**
   * What the app does across a restart: closes this connection, runs `between` (say, schedules a
   * restore), then opens the file the way the app starts (openPlanForApp: a pending restore is applied first).
   */
  restart(between: () => void): Promise<Opened>
  /** A second connection to the same file, as the command line opens while the app has the plan open; close it with `repos.db.close()`. */
  otherProcess(): Services
}

function withServices(db: Db, dbPath: string, dir: string): Opened {
  const services = createServices({ db, dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 'tester', appVersion: '0.0.0-test', locale: 'en-GB' })
  return {
    ...services,
    dbPath,
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
    async restart(between) {
      db.close()
      between()
      const opened = await openPlanForApp({ dbPath, askRecovery: () => Promise.resolve('quit') })
      if (!opened) throw new Error(`${dbPath} did not open after the restart`)
      return withServices(opened.db, dbPath, dir)
    },
    otherProcess() {
      return createServices({ db: openDatabase(dbPath), dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 'gis', appVersion: '0.0.0-test', locale: 'en-GB' })
    },
  }
}

export function openPlan(dbPath: string, dir: string): Opened {
  return withServices(openDatabase(dbPath), dbPath, dir)
}

export function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'acp-live-'))
}

/**
 * A plan built once (the sample city, or real layers imported) and copied for each sequence, so
 * every sequence starts from the same stored plan and a failing one replays from its seed alone.
 */
export class PlanTemplate {
  private constructor(private readonly file: string, private readonly dir: string) {}

  static async build(fill: (s: Opened) => Promise<void> | void): Promise<PlanTemplate> {
    const dir = freshDir()
    const s = openPlan(join(dir, 'plan.sqlite'), dir)
    await fill(s)
    // Closing the only connection checkpoints the WAL: the one file then holds the whole plan.
    s.repos.db.close()
    return new PlanTemplate(s.dbPath, dir)
  }

  open(): Opened {
    const dir = freshDir()
    const dbPath = join(dir, 'plan.sqlite')
    copyFileSync(this.file, dbPath)
    if (existsSync(`${this.file}-wal`)) copyFileSync(`${this.file}-wal`, `${dbPath}-wal`)
    return openPlan(dbPath, dir)
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** One random step; the numbers in [0, 1) choose what it acts on, so fast-check can shrink them. */
export interface Step {
  kind: StepKind
  a: number
  b: number
  c: number
  d: number
  e: number
}
export type StepKind = 'reshape' | 'move' | 'insert' | 'remove' | 'split' | 'merge' | 'redraw' | 'draw' | 'delete' | 'adopt' | 'transfer' | 'undo' | 'redo'

// Uniform on [0, 1): fast-check's doubles are spread over their bit patterns (most lie near 0), and
// its default bias leans to small values, either of which would pick the first neighborhood far too often.
const unit = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((k) => k / 2 ** 30)
const WEIGHTS: [StepKind, number][] = [
  ['reshape', 2], ['move', 5], ['insert', 1], ['remove', 2], ['split', 2], ['merge', 2], ['redraw', 2], ['draw', 2], ['delete', 2],
  ['adopt', 3], ['transfer', 1], ['undo', 6], ['redo', 5],
]
export const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.oneof(...WEIGHTS.map(([k, weight]) => ({ arbitrary: fc.constant(k), weight }))),
  a: unit, b: unit, c: unit, d: unit, e: unit,
})
/** Short sequences: each step is followed by a fresh check of the whole plan. */
export const sequenceArb = fc.array(stepArb, { minLength: 3, maxLength: Number(process.env.LIVE_CHECK_MAX_STEPS ?? 6) })

/** How often each kind of step was stored, refused by the re-check, or not even built (the op refused its input). */
export type Tally = Record<StepKind, number> & { refused: number; notBuilt: number }
export function newTally(): Tally {
  return Object.fromEntries([...WEIGHTS.map(([k]) => [k, 0]), ['refused', 0], ['notBuilt', 0]]) as Tally
}

const pick = <T>(xs: readonly T[], u: number): T | undefined => xs[Math.floor(u * xs.length)]
const outerRing = (n: Neighborhood): LonLat[] => polygonsOf(n.geometry)[0][0]
/** About `m` metres in degrees at Chicago's and Livermore's latitudes: small drags, as a commander makes them. */
const deg = (m: number) => m / 100_000

/** Neighborhoods of one area sharing at least two vertices, the pairs merge and redraw act on. */
function adjacentPairs(plan: PlanState): [Neighborhood, Neighborhood][] {
  const keys = new Map(plan.neighborhoods.map((n) => [n.id, new Set(polygonsOf(n.geometry).flat(2).map(ptKey))]))
  const out: [Neighborhood, Neighborhood][] = []
  plan.neighborhoods.forEach((a, i) => {
    for (const b of plan.neighborhoods.slice(i + 1)) {
      if (a.areaId !== b.areaId) continue
      let shared = 0
      for (const k of keys.get(b.id)!) if (keys.get(a.id)!.has(k) && ++shared >= 2) break
      if (shared >= 2) out.push([a, b])
    }
  })
  return out
}

/**
 * A new shared boundary for a and b: from one end of the stretch of a's outer ring that b shares
 * to the other, bent sideways in the middle by up to ~`bendM` metres.
 */
function redrawLine(a: Neighborhood, b: Neighborhood, u: number, bendM: number): LonLat[] | null {
  const ring = outerRing(a).slice(0, -1)
  const inB = new Set(polygonsOf(b.geometry).flat(2).map(ptKey))
  const start = ring.findIndex((p) => !inB.has(ptKey(p)))
  if (start < 0) return null
  const turned = [...ring.slice(start), ...ring.slice(0, start)]
  const from = turned.findIndex((p) => inB.has(ptKey(p)))
  if (from < 0) return null
  let to = from
  while (to + 1 < turned.length && inB.has(ptKey(turned[to + 1]))) to++
  if (to - from < 1) return null
  const [p, q] = [turned[from], turned[to]]
  const mid = turned[Math.floor((from + to) / 2)]
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]]
  const len = Math.hypot(dx, dy) || 1
  const bend = deg((u - 0.5) * 2 * bendM)
  return [p, [quantize(mid[0] - (dy / len) * bend), quantize(mid[1] + (dx / len) * bend)], q]
}

/** A hexagon of radius ~`rM` metres around a point: the outline a commander draws. */
function hexagon(c: LonLat, rM: number): LonLat[] {
  const ring: LonLat[] = []
  for (let i = 0; i < 6; i++) ring.push([quantize(c[0] + deg(rM) * Math.cos((i * Math.PI) / 3)), quantize(c[1] + deg(rM) * Math.sin((i * Math.PI) / 3))])
  return [...ring, ring[0]]
}

function officerMove(o: Officer, to: Neighborhood | null, label: string): ChangeSet {
  return { label, ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, areaId: to ? to.areaId : o.areaId, neighborhoodId: to?.id ?? null } }] }
}

/** The change set a step asks for on `plan`, or null when there is nothing for it to act on. Ops may throw EditError. */
function changeFor(plan: PlanState, st: Step, n: number): ChangeSet | null {
  const hood = pick(plan.neighborhoods, st.a)
  switch (st.kind) {
    case 'reshape': {
      // One boundary's corner moved on its own, no neighbour following: pulled inwards it opens a
      // gap (stored), pushed outwards an overlap or ground outside the area (refused by the re-check).
      if (!hood) return null
      const polys = polygonsOf(hood.geometry)
      const ring = polys[0][0]
      const i = Math.floor(st.b * (ring.length - 1))
      const centre = ring.slice(0, -1).reduce((acc, p) => [acc[0] + p[0] / (ring.length - 1), acc[1] + p[1] / (ring.length - 1)], [0, 0])
      const t = (st.c - 0.3) * 0.3
      ring[i] = [quantize(ring[i][0] + t * (centre[0] - ring[i][0])), quantize(ring[i][1] + t * (centre[1] - ring[i][1]))]
      if (i === 0) ring[ring.length - 1] = ring[0]
      return { label: `Reshape ${hood.name}`, ops: [{ entity: 'neighborhood', id: hood.id, before: hood, after: { ...hood, geometry: toGeometry(polys) } }] }
    }
    case 'move': {
      if (!hood) return null
      const v = pick(outerRing(hood).slice(0, -1), st.b)!
      // Up to 20 m, mostly a few: on dirty real layers a longer drag soon crosses a boundary it does not share.
      const drag = (u: number) => deg((u - 0.5) * Math.abs(u - 0.5) * 80)
      const to: LonLat = [quantize(v[0] + drag(st.c)), quantize(v[1] + drag(st.d))]
      return moveVertex(plan, { areaId: hood.areaId, from: v, to, editAreas: st.e < 0.5 })
    }
    case 'insert': {
      if (!hood) return null
      const ring = outerRing(hood)
      const i = Math.floor(st.b * (ring.length - 1))
      const [p, q] = [ring[i], ring[i + 1]]
      const t = 0.2 + 0.6 * st.c
      return insertVertex(plan, { areaId: hood.areaId, segment: [p, q], at: [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])] })
    }
    case 'remove': {
      if (!hood) return null
      return removeVertex(plan, { areaId: hood.areaId, at: pick(outerRing(hood).slice(0, -1), st.b)!, editAreas: st.e < 0.5 })
    }
    case 'split': {
      if (!hood) return null
      const pts = polygonsOf(hood.geometry).flat(2)
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1])
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
      const f = 0.2 + 0.6 * st.c
      const line: LonLat[] = st.b < 0.5
        ? [[x0 - deg(50), y0 + f * (y1 - y0)], [x1 + deg(50), y0 + f * (y1 - y0) + deg((st.d - 0.5) * 100)]]
        : [[x0 + f * (x1 - x0), y0 - deg(50)], [x0 + f * (x1 - x0) + deg((st.d - 0.5) * 100), y1 + deg(50)]]
      return splitNeighborhood(plan, { id: hood.id, line, newId: `${hood.id}-part${n}`, names: [hood.name, `${hood.name} part ${n}`] })
    }
    case 'merge': {
      const pair = pick(adjacentPairs(plan), st.a)
      return pair ? mergeNeighborhoods(plan, { ids: [pair[0].id, pair[1].id], name: `${pair[0].name} and ${pair[1].name}` }) : null
    }
    case 'redraw': {
      const pair = pick(adjacentPairs(plan), st.a)
      const line = pair && redrawLine(pair[0], pair[1], st.b, 80)
      return pair && line ? redrawBoundary(plan, { aId: pair[0].id, bId: pair[1].id, line }) : null
    }
    case 'draw': {
      if (!hood) return null
      const c = pick(outerRing(hood).slice(0, -1), st.b)!
      return drawNeighborhood(plan, { areaId: hood.areaId, id: `drawn${n}`, name: `Drawn ${n}`, ring: hexagon(c, 50 + 300 * st.c), takeFromNeighbors: st.d < 0.5 })
    }
    case 'delete': {
      if (!hood) return null
      const giveTo = st.b < 0.5 ? pick(adjacentPairs(plan).filter((p) => p[0].id === hood.id || p[1].id === hood.id), st.c) : undefined
      return deleteNeighborhood(plan, { id: hood.id, giveTo: giveTo ? (giveTo[0].id === hood.id ? giveTo[1].id : giveTo[0].id) : undefined })
    }
    case 'adopt': {
      // What dropping an officer card on a neighborhood of their area, or releasing it, sends.
      const o = pick(plan.officers, st.a)
      if (!o) return null
      const held = o.neighborhoodId ? plan.neighborhoods.find((h) => h.id === o.neighborhoodId) : undefined
      if (held && st.b < 0.4) return officerMove(o, null, `${o.displayName} no longer adopts ${held.name}`)
      const to = pick(plan.neighborhoods.filter((h) => h.areaId === o.areaId && h.id !== o.neighborhoodId), st.c)
      return to ? officerMove(o, to, `${o.displayName} adopts ${to.name}`) : null
    }
    case 'transfer': {
      // An officer dropped on another area's neighborhood: area and adoption change together (Administration only).
      const o = pick(plan.officers, st.a)
      const to = o && pick(plan.neighborhoods.filter((h) => h.areaId !== o.areaId), st.b)
      return o && to ? officerMove(o, to, `Transfer ${o.displayName}, adopting ${to.name}`) : null
    }
    default:
      return null
  }
}

/**
 * Plays a sequence on `s` as Administration and checks the live findings against a fresh check
 * of the stored plan after every step. Undo and redo only reach steps of this sequence (the
 * template's own history, such as its imports, stays as it is).
 */
export function playSequence(s: Services, steps: Step[], tally: Tally): void {
  // Build the live validator now (from the same stored plan a fresh check reads), so every step
  // below has to keep it true instead of it being built afresh.
  s.validation.prepare()
  let done = 0
  let undone = 0
  steps.forEach((st, i) => {
    const act = actionFor(s, st, i + 1, { done, undone })
    if (!act) {
      tally.notBuilt++
      return
    }
    try {
      act.run()
      ;[done, undone] = act.kind === 'undo' ? [done - 1, undone + 1] : act.kind === 'redo' ? [done + 1, undone - 1] : [done + 1, 0]
      tally[act.kind]++
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'edit-refused') throw e
      tally.refused++
    }
    expectLiveEqualsFresh(s, `step ${i + 1} (${act.kind})`)
  })
}

/**
 * What a step does to the stored plan (and which kind it turned out to be), or null when it has
 * nothing to act on or its op refuses the input, as the editor would. An undo with nothing to
 * undo redoes instead and the other way round, so short sequences still reach both often.
 */
function actionFor(s: Services, st: Step, n: number, stacks: { done: number; undone: number }): { kind: StepKind; run: () => void } | null {
  if (st.kind === 'undo' || st.kind === 'redo') {
    const kind = stacks[st.kind === 'undo' ? 'done' : 'undone'] > 0 ? st.kind : st.kind === 'undo' ? 'redo' : 'undo'
    if (stacks[kind === 'undo' ? 'done' : 'undone'] === 0) return null
    return { kind, run: () => s.changes[kind](ADMIN) }
  }
  let cs: ChangeSet | null
  try {
    cs = changeFor(s.plans.load(), st, n)
  } catch (e) {
    if (!(e instanceof EditError)) throw e
    return null
  }
  return cs && cs.ops.length > 0 ? { kind: st.kind, run: () => s.changes.apply(cs, ADMIN) } : null
}

/**
 * fast-check's options: `runs` sequences, or as the environment says. A failure prints its seed
 * and path; LIVE_CHECK_SEED=… LIVE_CHECK_PATH=… replays it. LIVE_CHECK_RUNS and
 * LIVE_CHECK_MAX_STEPS make a longer hunt than the suite's.
 */
export function runParams(runs: number): fc.Parameters<[Step[]]> {
  const seed = process.env.LIVE_CHECK_SEED
  return { numRuns: Number(process.env.LIVE_CHECK_RUNS ?? runs), ...(seed ? { seed: Number(seed), path: process.env.LIVE_CHECK_PATH } : {}) }
}
