import type MapBrowserEvent from 'ol/MapBrowserEvent'
import PointerInteraction from 'ol/interaction/Pointer'
import type { ChangeSet, LonLat, PlanState } from '../../../../shared/domain'
import { EditError } from '../../../../shared/domain'
import { applyChangeSet, composeChangeSets, idsTouched } from '../../../../shared/domain'
import { insertVertex, moveVertex, snapOnSegment, snapPoint } from '../../../../shared/geo/ops'
import { qPt, samePt } from '../../../../shared/geo/ops/geom'
import { hitTest, type Hit } from './hit-test'
import type { SketchLayer } from './sketch-layer'

export interface ReshapeHost {
  active(): boolean
  plan(): PlanState
  canEdit(areaId: string): boolean
  /** Administration may move Area Command boundaries too. */
  editAreas(): boolean
  onHover(hit: Hit | null): void
  onPreview(preview: { plan: PlanState; editedIds: string[] } | null, problem: string | null): void
  commit(make: (p: PlanState) => ChangeSet): Promise<boolean>
  showError(message: string): void
  /** A street or parcel vertex (else edge) near the pixel, for when no plan corner or edge is. */
  snapReference?(pixel: number[]): LonLat | null
}

/** Pixels within which a dragged vertex snaps to a neighbour's vertex or edge. */
const SNAP_PX = 10
/** A press that moves less than this is a click, not a drag. */
const CLICK_PX = 3
/** Live previews run the real operation at most this often (ms); the handle follows every move. */
const PREVIEW_MS = 60

interface Drag {
  areaId: string
  /** The grabbed edge, when the drag adds a vertex there first. */
  edge: { segment: [LonLat, LonLat]; at: LonLat } | null
  /** The plan the move applies to: stored, or stored plus the inserted vertex. */
  base: PlanState
  from: LonLat
  /** Where the vertex goes: the pointer snapped to a nearby vertex or edge... */
  to: LonLat
  /** ...or the pointer itself, used when the snapped spot is already a corner (corners never merge). */
  raw: LonLat
  startPixel: number[]
  moved: boolean
  previewTimer: number | null
  lastPreview: number
}

/**
 * Reshape tool: press on a vertex and drag it, or press on an edge to add a vertex there and
 * drag it; release stores one change set. Because moveVertex is topological, every boundary
 * sharing the vertex follows. Returning true from the down handler keeps the map from panning.
 */
export class ReshapeInteraction extends PointerInteraction {
  private drag: Drag | null = null
  /** The vertex last hovered or moved: what Delete removes. */
  lastVertex: { at: LonLat; areaId: string } | null = null
  /** performance.now() of the last release that sent a change (for the benchmark). */
  lastReleaseAt = 0

  constructor(private readonly host: ReshapeHost, private readonly sketch: SketchLayer) {
    super()
  }

  private toleranceM(): number {
    const map = this.getMap()!
    const res = map.getView().getResolution() ?? 1
    const lat = (map.getView().getCenter()?.[1] ?? 0) * (Math.PI / 180)
    // Web Mercator metres per pixel shrink by cos(latitude) on the ground.
    return SNAP_PX * res * Math.cos(lat)
  }

  protected override handleMoveEvent(evt: MapBrowserEvent): void {
    if (!this.host.active() || this.drag) return
    const hit = hitTest(evt.map, this.host.plan(), evt.pixel, (a) => this.host.canEdit(a))
    this.host.onHover(hit)
    this.sketch.setHover(hit?.kind === 'vertex' ? hit.at : hit?.kind === 'edge' ? hit.at : null)
    if (hit?.kind === 'vertex') this.lastVertex = { at: hit.at, areaId: hit.areaId }
  }

  protected override handleDownEvent(evt: MapBrowserEvent): boolean {
    if (!this.host.active()) return false
    const plan = this.host.plan()
    const hit = hitTest(evt.map, plan, evt.pixel, (a) => this.host.canEdit(a))
    if (!hit || hit.kind === 'locked') return false
    let base = plan
    let from = hit.at
    let edge: Drag['edge'] = null
    if (hit.kind === 'edge') {
      try {
        base = applyChangeSet(plan, insertVertex(plan, { areaId: hit.areaId, segment: hit.segment, at: hit.at }))
      } catch (e) {
        if (e instanceof EditError) this.host.showError(e.message)
        return false
      }
      edge = { segment: hit.segment, at: hit.at }
      from = snapOnSegment(hit.segment[0], hit.segment[1], hit.at)
    }
    this.drag = { areaId: hit.areaId, edge, base, from, to: from, raw: from, startPixel: evt.pixel, moved: false, previewTimer: null, lastPreview: 0 }
    this.sketch.setHover(null)
    this.sketch.setHandle(from)
    return true
  }

  protected override handleDragEvent(evt: MapBrowserEvent): void {
    const d = this.drag
    if (!d) return
    if (!d.moved && Math.hypot(evt.pixel[0] - d.startPixel[0], evt.pixel[1] - d.startPixel[1]) < CLICK_PX) return
    d.moved = true
    d.raw = evt.coordinate as LonLat
    d.to = snapPoint(d.base, { areaId: d.areaId, point: d.raw, toleranceM: this.toleranceM(), exclude: [d.from] })
    // The plan's own corners and edges first (shared boundaries stay shared), then the streets.
    if (samePt(d.to, qPt(d.raw))) d.to = this.host.snapReference?.(evt.pixel) ?? d.to
    this.sketch.setHandle(d.to)
    const wait = PREVIEW_MS - (performance.now() - d.lastPreview)
    if (wait <= 0) this.preview()
    else if (d.previewTimer === null) d.previewTimer = window.setTimeout(() => this.preview(), wait)
  }

  private preview(): void {
    const d = this.drag
    if (!d) return
    if (d.previewTimer !== null) window.clearTimeout(d.previewTimer)
    d.previewTimer = null
    d.lastPreview = performance.now()
    try {
      const cs = this.move(d, d.base)
      const after = applyChangeSet(d.base, cs)
      const ids = idsTouched(cs, 'neighborhood', { kept: true })
      const byId = new Map(after.neighborhoods.map((n) => [n.id, n]))
      this.sketch.setPreview(ids.map((id) => byId.get(id)!.geometry))
      this.sketch.setHandle(d.to, true)
      this.host.onPreview({ plan: after, editedIds: ids }, null)
    } catch (e) {
      if (!(e instanceof EditError)) throw e
      this.sketch.setHandle(d.to, false)
      this.host.onPreview(null, e.message)
    }
  }

  /** moveVertex to the snapped spot; if another corner is already there, to the pointer itself. */
  private move(d: Drag, plan: PlanState): ChangeSet {
    const input = { areaId: d.areaId, from: d.from, editAreas: this.host.editAreas() }
    try {
      return moveVertex(plan, { ...input, to: d.to })
    } catch (e) {
      if (!(e instanceof EditError) || e.code !== 'degenerate' || (d.to[0] === d.raw[0] && d.to[1] === d.raw[1])) throw e
      return moveVertex(plan, { ...input, to: d.raw })
    }
  }

  /** The change set for the drag, built again from the plan as stored at release. */
  private gesture(d: Drag, stored: PlanState): ChangeSet {
    if (!d.edge) return this.move(d, stored)
    const insert = insertVertex(stored, { areaId: d.areaId, segment: d.edge.segment, at: d.edge.at })
    const move = this.move(d, applyChangeSet(stored, insert))
    return composeChangeSets(insert, move, move.label.replace(/^Move vertex/, 'Reshape'))
  }

  protected override handleUpEvent(): boolean {
    const d = this.drag
    this.drag = null
    if (!d) return false
    if (d.previewTimer !== null) window.clearTimeout(d.previewTimer)
    if (!d.moved || (d.to[0] === d.from[0] && d.to[1] === d.from[1])) {
      this.sketch.clearGesture()
      this.host.onPreview(null, null)
      if (!d.edge) this.lastVertex = { at: d.from, areaId: d.areaId }
      return false
    }
    this.lastReleaseAt = performance.now()
    this.lastVertex = { at: d.to, areaId: d.areaId }
    void this.host.commit((stored) => this.gesture(d, stored)).finally(() => this.sketch.clearGesture())
    return false
  }

  /** Esc during a drag: drop it, store nothing. */
  abort(): void {
    if (!this.drag) return
    if (this.drag.previewTimer !== null) window.clearTimeout(this.drag.previewTimer)
    this.drag = null
    this.sketch.clearGesture()
    this.host.onPreview(null, null)
  }

  get dragging(): boolean {
    return this.drag !== null
  }
}
