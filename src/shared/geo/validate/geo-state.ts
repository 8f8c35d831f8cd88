import type { AreaGeometry, Finding, PlanState, Tolerances } from '../../domain'
import { ringLocate } from '../kernel'
import type { Box } from './box'
import { changedBox } from './memo'
import { findingsForKey, perPieceKey, pieceFinding, type KeyContext } from './overlay-checks'
import type { Owner } from './owners'
import type { SliverRule } from './pieces'
import { computePieces, pieceOrder, type StoredPiece } from './region'
import type { Shape } from './shape'
import { unnodedFinding } from './unnoded'

/** The shape a boundary is checked with: itself when valid, else its repaired form (null: nothing left). */
export type CheckShape = (g: AreaGeometry) => { shape: Shape; repaired: boolean } | null

/** Ids of the rows an edit touched. */
export interface GeoChange {
  city: boolean
  areas: Set<string>
  nbs: Set<string>
}

/** Pieces below the floor: counted, not listed. */
export interface Ignored {
  pieces: number
  m2: number
}

const MARGIN = 2

/**
 * The geometric findings of a plan, kept per key (gap, overlap pair, neighborhood outside
 * its area, …) so an edit re-does only the pieces near what it changed: labels of ground
 * the edit did not move stay the same, so a piece that does not come near the change is
 * the same piece after it, and a piece that does lies within the change box grown by the
 * old pieces reaching it; that region's arrangement is built alone.
 */
export class GeoState {
  private owners: (Owner | null)[] = []
  private slotOf = new Map<string, number>()
  private hasCity = false
  private pieces = new Map<string, StoredPiece[]>()
  private listed = new Map<string, Finding[]>()
  private ignored = new Map<string, Ignored>()
  /** The plan could not be noded, even snap-rounded: this one finding stands for every geometric check. */
  private unnoded: Finding | null = null
  /** The plan's exact arrangement was inconsistent: built snap-rounded. */
  private snap = false
  /** Box around all pieces of a key: most keys are passed over without looking at their pieces. */
  private keyBox = new Map<string, Box>()
  private ctx: KeyContext

  private sliver: SliverRule

  constructor(private tol: Tolerances, private checkShape: CheckShape) {
    this.sliver = { widthM: tol.sliverWidthM, areaM2: tol.sliverAreaM2, floorM2: tol.minPieceAreaM2 }
    const names = new Map<string, string>()
    this.ctx = { owners: this.owners, hasCity: false, areaName: (id) => names.get(id) ?? id, repairedNear: (p) => this.repairedNear(p) }
    this.areaNames = names
  }
  private areaNames: Map<string, string>

  build(plan: PlanState): void {
    this.owners.length = 0
    this.slotOf.clear()
    this.pieces.clear()
    this.listed.clear()
    this.ignored.clear()
    this.keyBox.clear()
    this.areaNames.clear()
    this.unnoded = null
    for (const a of plan.areas) {
      this.areaNames.set(a.id, a.name)
      const c = this.checkShape(a.geometry)
      if (c) this.place('a:' + a.id, { kind: 'area', id: a.id, name: a.name, shape: c.shape, repaired: c.repaired, area: -1, areaId: '' })
    }
    const areaIds = new Set(plan.areas.map((a) => a.id))
    for (const n of plan.neighborhoods) {
      const c = this.checkShape(n.geometry)
      if (c) this.place('n:' + n.id, this.nbOwner(n, c, areaIds))
    }
    const city = plan.city ? this.checkShape(plan.city.geometry) : null
    this.hasCity = !!city
    this.ctx.hasCity = this.hasCity
    if (city) this.place('c', { kind: 'city', id: 'city', name: plan.city!.name, shape: city.shape, repaired: city.repaired, area: -1, areaId: '' })
    this.snap = false
    let all = computePieces(this.owners, this.hasCity, this.sliver)
    if (!all) {
      this.snap = true
      all = computePieces(this.owners, this.hasCity, this.sliver, undefined, true)
    }
    if (!all) {
      this.unnoded = unnodedFinding(this.owners)
      return
    }
    for (const [key, list] of all) this.store(key, list)
  }

  /** Takes an edit in; false when only a full `build` can (city, areas appearing or renamed, …). */
  update(prev: PlanState, plan: PlanState, change: GeoChange): boolean {
    // Snap-rounded plans are small dirty layers: rebuilt whole, so they match a fresh run.
    if (this.unnoded || this.snap || change.city) return false
    let box: Box | null = null
    const grow = (b: ArrayLike<number>) => {
      if (!box) box = [b[0], b[1], b[2], b[3]]
      else box = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])]
    }
    for (const id of change.areas) {
      const slot = this.slotOf.get('a:' + id)
      const old = slot === undefined ? null : this.owners[slot]
      const next = plan.areas.find((a) => a.id === id)
      const c = next ? this.checkShape(next.geometry) : null
      // An area appearing, going, or left with no ground to check changes what its neighborhoods are measured against.
      if (!old !== !c) return false
      if (!next || !old || !c) continue
      if (next.name !== old.name || c.repaired !== !!old.repaired) return false
      const b = shapeChange(old.shape, c.shape)
      if (b) grow(b)
      this.owners[slot!] = { ...old, shape: c.shape }
    }
    const areaIds = change.nbs.size ? new Set(plan.areas.map((a) => a.id)) : new Set<string>()
    for (const id of change.nbs) {
      const key = 'n:' + id
      const slot = this.slotOf.get(key)
      const old = slot === undefined ? null : this.owners[slot]
      const next = plan.neighborhoods.find((n) => n.id === id)
      const c = next ? this.checkShape(next.geometry) : null
      if (!next || !c) {
        if (old) {
          grow(old.shape.bbox)
          this.owners[slot!] = null
          this.slotOf.delete(key)
        }
        continue
      }
      const owner = this.nbOwner(next, c, areaIds)
      if (!old) {
        grow(owner.shape.bbox)
        this.place(key, owner)
        continue
      }
      if (old.name !== owner.name || old.areaId !== owner.areaId || old.area !== owner.area || !!old.repaired !== !!owner.repaired) {
        grow(old.shape.bbox)
        grow(owner.shape.bbox)
      } else {
        const b = shapeChange(old.shape, owner.shape)
        if (b) grow(b)
      }
      this.owners[slot!] = owner
    }
    if (!box) return true
    return this.redo(box)
  }

  private redo(changed: Box): boolean {
    const near = grown(changed, MARGIN)
    const region: Box = [...near]
    const touched = new Set<string>()
    // Every stored key has its box (thousands of gap pieces each under its own key): boxes first.
    this.keyBox.forEach((kb, key) => {
      if (kb[0] > near[2] || near[0] > kb[2] || kb[1] > near[3] || near[1] > kb[3]) return
      for (const p of this.pieces.get(key)!) {
        if (!meets(p.bbox, near)) continue
        touched.add(key)
        region[0] = Math.min(region[0], p.bbox[0]); region[1] = Math.min(region[1], p.bbox[1])
        region[2] = Math.max(region[2], p.bbox[2]); region[3] = Math.max(region[3], p.bbox[3])
      }
    })
    const local = computePieces(this.owners, this.hasCity, this.sliver, { region: grown(region, MARGIN), near })
    if (!local) return false
    const added = new Map<string, StoredPiece[]>()
    for (const [key, list] of local) {
      const mine = list.filter((p) => meets(p.bbox, near))
      if (!mine.length) continue
      added.set(key, mine)
      if (!perPieceKey(key)) touched.add(key)
    }
    for (const key of touched) {
      const kept = perPieceKey(key) ? [] : this.pieces.get(key)?.filter((p) => !meets(p.bbox, near)) ?? []
      const all = perPieceKey(key) ? [] : kept.concat(added.get(key) ?? []).sort(pieceOrder)
      if (all.length) this.pieces.set(key, all)
      else this.pieces.delete(key)
      this.refresh(key)
    }
    for (const [key, list] of added) if (perPieceKey(key)) this.store(key, list)
    return true
  }

  /** Pieces of a key; gap pieces each under a key of their own, so an edit touches only those near it. */
  private store(key: string, list: StoredPiece[]): void {
    if (!perPieceKey(key)) {
      this.pieces.set(key, list)
      this.refresh(key)
      return
    }
    for (const p of list) {
      const k = `${key}#${this.seq++}`
      this.pieces.set(k, [p])
      this.refresh(k)
    }
  }
  private seq = 0

  /** Lists the key's findings again, leaving out those smaller than the floor (a gap piece is its own finding). */
  private refresh(key: string): void {
    const all = this.pieces.get(key)
    this.listed.delete(key)
    this.ignored.delete(key)
    this.keyBox.delete(key)
    if (!all) return
    // One pass, no closures: a plan has thousands of keys (each gap piece is one).
    let noise = false
    for (let i = 0; i < all.length; i++) if (all[i].noise) noise = true
    // A key of one piece (most: every gap piece is one) has the piece's box.
    this.keyBox.set(key, all.length === 1 ? all[0].bbox : boxOfPieces(all))
    const list = noise ? all.filter((p) => !p.noise) : all
    if (!list.length) return
    const floor = this.tol.minPieceAreaM2 ?? 0
    let m2 = 0
    for (let i = 0; i < list.length; i++) m2 += list[i].areaM2
    // Judged on the finding's whole area: 157 crumbs of one beat adding up to 1.5 m² are listed.
    // (A per-piece key holds one piece: a gap piece is stored once, under a key of its own, and
    // an edit near it replaces it.)
    if (m2 < floor) {
      this.ignored.set(key, { pieces: list.length, m2 })
      return
    }
    this.listed.set(key, perPieceKey(key) ? [pieceFinding(key, list[0], this.ctx, this.tol)] : findingsForKey(key, list, this.ctx, this.tol))
  }

  findings(): Finding[] {
    if (this.unnoded) return [this.unnoded]
    const out: Finding[] = []
    for (const fs of this.listed.values()) for (const f of fs) out.push(f)
    return out
  }

  ignoredTotal(): Ignored {
    const t: Ignored = { pieces: 0, m2: 0 }
    for (const i of this.ignored.values()) {
      t.pieces += i.pieces
      t.m2 += i.m2
    }
    return t
  }

  private place(key: string, o: Owner): void {
    this.slotOf.set(key, this.owners.length)
    this.owners.push(o)
  }

  private nbOwner(n: PlanState['neighborhoods'][number], c: { shape: Shape; repaired: boolean }, areaIds: Set<string>): Owner {
    const areaId = n.areaId ?? ''
    const slot = this.slotOf.get('a:' + areaId)
    return { kind: 'nb', id: n.id, name: n.name, shape: c.shape, repaired: c.repaired, area: slot ?? (areaIds.has(areaId) ? -2 : -1), areaId }
  }

  /**
   * Boundaries checked in repaired form that a piece lies against: a piece's edges are parts
   * of the boundaries around it, so one of its corners lies on such a boundary's rings.
   */
  private repairedNear(p: StoredPiece): Owner[] {
    const out: Owner[] = []
    for (const o of this.owners) {
      if (!o?.repaired || !meets(o.shape.bbox, p.bbox)) continue
      const hit = p.poly.some((ring) => {
        for (let i = 0; i < ring.length; i += 2) if (o.shape.rings.some((r) => ringLocate(r.xs, r.ys, 0, r.xs.length, ring[i], ring[i + 1]) === 0)) return true
        return false
      })
      if (hit) out.push(o)
    }
    return out
  }
}

const grown = (b: Box, m: number): Box => [b[0] - m, b[1] - m, b[2] + m, b[3] + m]

/** The box around the pieces' boxes. */
function boxOfPieces(list: StoredPiece[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity]
  for (let i = 0; i < list.length; i++) {
    const q = list[i].bbox
    if (q[0] < b[0]) b[0] = q[0]
    if (q[1] < b[1]) b[1] = q[1]
    if (q[2] > b[2]) b[2] = q[2]
    if (q[3] > b[3]) b[3] = q[3]
  }
  return b
}
const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]

/** Box around the ground two versions of a boundary disagree on (null: the same). */
function shapeChange(a: Shape, b: Shape): Box | null {
  if (a === b) return null
  const sameParts = a.rings.length === b.rings.length && a.parts.length === b.parts.length && a.parts.every((p, i) => p.length === b.parts[i].length && p.every((r, k) => r === b.parts[i][k]))
  if (!sameParts) return [Math.min(a.bbox[0], b.bbox[0]), Math.min(a.bbox[1], b.bbox[1]), Math.max(a.bbox[2], b.bbox[2]), Math.max(a.bbox[3], b.bbox[3])]
  return changedBox(a, b)
}
