import type { AreaGeometry, ChangeOp, ChangeSet, Neighborhood, Officer, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { geometryIssues } from './clean'
import { holderKey, holdersOf, type Holder } from './holders'
import { ptKey } from './geom'
import { insertPointsOnEdges, mayTouch, verticesOf } from './noding'

type Ref = { entity: Holder['entity']; id: string }

/**
 * Collects the rows one gesture changes and turns them into a change set with full
 * before/after rows. `node()` makes the new boundaries share vertices with every
 * neighbour they touch, which is how operations avoid T-junctions.
 */
export class PlanEdit {
  private geoms = new Map<string, AreaGeometry>()
  private added = new Map<string, Neighborhood>()
  private removed = new Set<string>()
  private patches = new Map<string, Partial<Neighborhood>>()
  private officers = new Map<string, Officer>()

  constructor(readonly plan: PlanState) {}

  setGeometry(ref: Ref, g: AreaGeometry): void {
    this.geoms.set(holderKey(ref), g)
  }
  addNeighborhood(n: Neighborhood): void {
    this.added.set(n.id, n)
    this.setGeometry({ entity: 'neighborhood', id: n.id }, n.geometry)
  }
  removeNeighborhood(id: string): void {
    this.removed.add(id)
    this.geoms.delete(holderKey({ entity: 'neighborhood', id }))
  }
  patchNeighborhood(id: string, fields: Partial<Neighborhood>): void {
    this.patches.set(id, { ...this.patches.get(id), ...fields })
  }
  setOfficer(o: Officer): void {
    this.officers.set(o.id, o)
  }

  /** Current holders as this edit would leave them (removed ones left out). */
  holders(): Holder[] {
    const base = holdersOf(this.plan).filter((h) => !(h.entity === 'neighborhood' && this.removed.has(h.id)))
    for (const n of this.added.values()) base.push({ entity: 'neighborhood', id: n.id, name: n.name, geometry: n.geometry })
    return base.map((h) => ({ ...h, geometry: this.geoms.get(holderKey(h)) ?? h.geometry }))
  }

  node(): void {
    const all = this.holders()
    const changed = all.filter((h) => this.geoms.has(holderKey(h)))
    // Changed boundaries take every neighbour vertex lying on their edges (polyclip drops collinear ones)...
    for (const h of changed) {
      const pts = all.filter((o) => o !== h && mayTouch(o.geometry, h.geometry)).flatMap((o) => verticesOf(o.geometry))
      const g = insertPointsOnEdges(h.geometry, pts)
      if (g) {
        h.geometry = g
        this.geoms.set(holderKey(h), g)
      }
    }
    // ...and every neighbour takes the new vertices lying on its edges. Only new ones: a corner
    // the plan already had is no business of this edit, even where a neighbour (perhaps in
    // another Area Command) runs past it without a vertex, as imported layers often do.
    const before = new Set<string>()
    for (const h of holdersOf(this.plan)) if (changed.some((c) => mayTouch(c.geometry, h.geometry))) for (const p of verticesOf(h.geometry)) before.add(ptKey(p))
    const newPts = changed.flatMap((h) => verticesOf(h.geometry)).filter((p) => !before.has(ptKey(p)))
    if (!newPts.length) return
    for (const h of all) {
      if (changed.includes(h)) continue
      if (!changed.some((c) => mayTouch(c.geometry, h.geometry))) continue
      const g = insertPointsOnEdges(h.geometry, newPts)
      if (g) this.geoms.set(holderKey(h), g)
    }
  }

  /** `locallyChecked`: the operation already checked every edge it created (vertex edits), so skip the whole-ring re-check that would slow a drag. */
  build(label: string, opts: { locallyChecked?: boolean } = {}): ChangeSet {
    const ops: ChangeOp[] = []
    const removedOps: ChangeOp[] = []
    for (const n of this.plan.neighborhoods) {
      if (this.removed.has(n.id)) {
        removedOps.push({ entity: 'neighborhood', id: n.id, before: n, after: null })
        continue
      }
      const g = this.geoms.get(holderKey({ entity: 'neighborhood', id: n.id }))
      const patch = this.patches.get(n.id)
      if (g || patch) ops.push({ entity: 'neighborhood', id: n.id, before: n, after: { ...n, ...patch, geometry: g ?? n.geometry } })
    }
    for (const n of this.added.values())
      ops.push({ entity: 'neighborhood', id: n.id, before: null, after: { ...n, geometry: this.geoms.get(holderKey({ entity: 'neighborhood', id: n.id })) ?? n.geometry } })
    for (const a of this.plan.areas) {
      const g = this.geoms.get(holderKey({ entity: 'area', id: a.id }))
      if (g) ops.push({ entity: 'area', id: a.id, before: a, after: { ...a, geometry: g } })
    }
    const city = this.plan.city
    const cg = this.geoms.get('city:city')
    if (city && cg) ops.push({ entity: 'city', id: 'city', before: city, after: { ...city, geometry: cg } })
    for (const o of this.officers.values()) {
      const before = this.plan.officers.find((x) => x.id === o.id) ?? null
      ops.push({ entity: 'officer', id: o.id, before, after: o })
    }
    ops.push(...removedOps)
    for (const op of ops) {
      if (opts.locallyChecked || op.entity === 'officer' || !op.after || op.before?.geometry === op.after.geometry) continue
      // Only problems this edit introduces: an imported boundary that was already wrong must stay editable.
      const had = new Set(op.before ? geometryIssues(op.before.geometry) : [])
      const issues = geometryIssues(op.after.geometry).filter((i) => !had.has(i))
      const name = 'name' in op.after ? op.after.name : op.id
      if (issues.length) throw new EditError('invalid-result', `This change would leave ${name} with an invalid boundary (${issues[0]}); try a simpler line`)
    }
    return { label, ops }
  }
}
