import type { MapBrowserEvent } from 'ol'
import type { DrawEvent } from 'ol/interaction/Draw'
import Draw from 'ol/interaction/Draw'
import Snap from 'ol/interaction/Snap'
import type { LineString, Polygon } from 'ol/geom'
import { never } from 'ol/events/condition'
import type { ChangeSet, LonLat, PlanState } from '../../../../shared/domain'
import { removeVertex } from '../../../../shared/geo/ops'
import type { Tool } from '../../stores/editor'
import { pressed, typingIn } from '../../shortcuts'
import type { PlanMap } from '../plan-map'
import type { Hit } from './hit-test'
import { ReshapeInteraction } from './reshape'
import { SketchLayer } from './sketch-layer'

/** What the editor needs from the stores; plain functions so no OpenLayers object meets Vue. */
export interface EditorHost {
  tool(): Tool
  plan(): PlanState
  selectedId(): string | null
  partnerId(): string | null
  setPartner(id: string | null): void
  canEdit(areaId: string): boolean
  isAdmin(): boolean
  /** Who may edit this area, in words; null when the profile may. */
  whoCanEdit(areaId: string): string | null
  setHint(text: string | null): void
  setPreview(preview: { plan: PlanState; editedIds: string[] } | null, problem: string | null): void
  /** A closed outline (draw) or a line (split) is waiting for names. */
  setPending(p: { kind: 'draw'; ring: LonLat[] } | { kind: 'split'; line: LonLat[] } | null): void
  /** Esc: drop what is in progress and go back to Select. */
  escape(): void
  /** A plain click with the Delete tool on: the neighborhood under it (or none) is the one to delete. */
  pickToDelete(id: string | null): void
  /** A line for "redraw boundary" is finished. */
  redrawLine(line: LonLat[]): void
  commit(make: (p: PlanState) => ChangeSet): Promise<boolean>
  showError(message: string): void
}

export interface CommitTiming {
  ok: boolean
  /** performance.now() at the release of the drag, when the change was stored, when the map had drawn it. */
  releasedAt: number
  /** When the change set was built in the renderer (the pure operation ran). */
  builtAt: number
  storedAt: number
  renderedAt: number
}

const DRAW_TOOLS: Tool[] = ['draw', 'split', 'redraw']

/**
 * The map side of the editor: the reshape interaction, drawing for draw/split/redraw with
 * snapping, keyboard conventions (Esc, Enter, Backspace, Delete) and the cursor.
 */
export class MapEditor {
  readonly sketch = new SketchLayer()
  readonly reshape: ReshapeInteraction
  private readonly polygonDraw: Draw
  private readonly lineDraw: Draw
  private readonly snaps: Snap[]
  private drawing = false
  readonly timings: CommitTiming[] = []
  private readonly el: HTMLElement

  constructor(private readonly pm: PlanMap, private readonly host: EditorHost) {
    const map = pm.map
    this.el = map.getTargetElement() as HTMLElement
    map.addLayer(this.sketch.editedLayer)
    map.addLayer(this.sketch.layer)
    this.reshape = new ReshapeInteraction(
      {
        active: () => host.tool() === 'reshape',
        plan: () => host.plan(),
        canEdit: (a) => host.canEdit(a),
        editAreas: () => host.isAdmin(),
        onHover: (hit) => this.showHover(hit),
        onPreview: (p, problem) => host.setPreview(p, problem),
        commit: (make) => this.timedCommit(make),
        showError: (m) => host.showError(m),
        snapReference: (pixel) => pm.reference.snap(map, pixel, 10),
      },
      this.sketch,
    )
    this.polygonDraw = new Draw({ type: 'Polygon', stopClick: true, freehandCondition: never })
    this.lineDraw = new Draw({ type: 'LineString', stopClick: true, freehandCondition: never })
    this.snaps = [new Snap({ source: pm.neighborhoodSource, pixelTolerance: 10 }), new Snap({ source: pm.areaSource, pixelTolerance: 10 })]
    // Streets last, so they are tried first and the plan's own corners and edges still win when both are near.
    this.snaps.push(new Snap({ source: pm.reference.source, pixelTolerance: 10 }))
    for (const d of [this.polygonDraw, this.lineDraw]) {
      d.on('drawstart', () => {
        this.drawing = true
        host.setPending(null)
        this.sketch.setPending(null, false)
      })
      d.on('drawabort', () => (this.drawing = false))
    }
    this.polygonDraw.on('drawend', (e: DrawEvent) => {
      this.drawing = false
      const ring = (e.feature.getGeometry() as Polygon).getCoordinates()[0] as LonLat[]
      this.sketch.setPending(ring, true)
      host.setPending({ kind: 'draw', ring })
    })
    this.lineDraw.on('drawend', (e: DrawEvent) => {
      this.drawing = false
      const line = (e.feature.getGeometry() as LineString).getCoordinates() as LonLat[]
      if (host.tool() === 'redraw') return host.redrawLine(line)
      this.sketch.setPending(line, false)
      host.setPending({ kind: 'split', line })
    })
    map.addInteraction(this.reshape)
    map.addInteraction(this.polygonDraw)
    map.addInteraction(this.lineDraw)
    for (const s of this.snaps) map.addInteraction(s)
    map.on('pointermove', (e) => this.onPointerMove(e))
    map.on('singleclick', (e) => this.onClick(e))
    pm.selectOnClick = (e) => this.clickSelects(e)
    window.addEventListener('keydown', this.onKey)
    this.syncTool()
  }

  /** Turns the interactions of the current tool on and the others off. */
  syncTool(): void {
    const tool = this.host.tool()
    const redrawReady = tool === 'redraw' && !!this.host.selectedId() && !!this.host.partnerId()
    this.polygonDraw.setActive(tool === 'draw')
    this.lineDraw.setActive(tool === 'split' || redrawReady)
    for (const s of this.snaps) s.setActive(tool === 'draw' || tool === 'split' || redrawReady)
    if (tool !== 'reshape') this.reshape.abort()
    this.sketch.setHover(null)
    this.el.dataset.editTool = tool
    this.el.dataset.editCursor = ''
    this.host.setHint(null)
  }

  cancel(): void {
    this.reshape.abort()
    this.polygonDraw.abortDrawing()
    this.lineDraw.abortDrawing()
    this.drawing = false
    this.sketch.setPending(null, false)
  }

  finish(): void {
    if (this.host.tool() === 'draw') this.polygonDraw.finishDrawing()
    else this.lineDraw.finishDrawing()
  }

  private async timedCommit(make: (p: PlanState) => ChangeSet): Promise<boolean> {
    const releasedAt = this.reshape.lastReleaseAt
    let builtAt = NaN
    const ok = await this.host.commit((p) => {
      const cs = make(p)
      builtAt = performance.now()
      return cs
    })
    const storedAt = performance.now()
    this.pm.map.once('rendercomplete', () => this.timings.push({ ok, releasedAt, builtAt, storedAt, renderedAt: performance.now() }))
    this.pm.map.render()
    return ok
  }

  private setCursor(kind: '' | 'move-vertex' | 'add-vertex' | 'not-editable' | 'draw', hint: string | null): void {
    const css = { '': '', 'move-vertex': 'move', 'add-vertex': 'copy', 'not-editable': 'not-allowed', draw: 'crosshair' }[kind]
    this.el.style.cursor = css
    this.el.dataset.editCursor = kind
    this.host.setHint(hint)
  }

  private showHover(hit: Hit | null): void {
    if (!hit) return this.setCursor('', null)
    if (hit.kind === 'locked') return this.setCursor('not-editable', this.host.whoCanEdit(hit.areaId))
    if (hit.kind === 'vertex') return this.setCursor('move-vertex', 'Drag to move this corner; neighborhoods sharing it follow. Delete removes it.')
    this.setCursor('add-vertex', 'Drag to add a corner here and move it.')
  }

  private onPointerMove(e: MapBrowserEvent): void {
    if (e.dragging) return
    const tool = this.host.tool()
    if (DRAW_TOOLS.includes(tool) && (tool !== 'redraw' || this.lineDraw.getActive())) this.setCursor('draw', null)
  }

  private clickSelects(e: MapBrowserEvent): boolean {
    const tool = this.host.tool()
    if ((e.originalEvent as MouseEvent).shiftKey) return false
    if (tool === 'draw' || tool === 'split' || tool === 'delete') return false
    return !(tool === 'redraw' && this.lineDraw.getActive())
  }

  /** Shift+click picks the second neighborhood for merge, redraw boundary and delete (give to); a plain click with Delete picks what to delete. */
  private onClick(e: MapBrowserEvent): void {
    const tool = this.host.tool()
    if (tool === 'delete' && !(e.originalEvent as MouseEvent).shiftKey) return this.host.pickToDelete(this.pm.neighborhoodAt(e.pixel))
    if (!(e.originalEvent as MouseEvent).shiftKey || !['merge', 'redraw', 'delete'].includes(tool)) return
    const id = this.pm.neighborhoodAt(e.pixel)
    if (id && id !== this.host.selectedId()) this.host.setPartner(id)
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (typingIn(e)) return
    const tool = this.host.tool()
    if (pressed(e, 'cancel')) {
      this.cancel()
      this.host.escape()
    } else if (pressed(e, 'finish') && this.drawing) {
      e.preventDefault()
      this.finish()
    } else if (pressed(e, 'remove-last-point') && this.drawing) {
      e.preventDefault()
      ;(tool === 'draw' ? this.polygonDraw : this.lineDraw).removeLastPoint()
    } else if (pressed(e, 'remove-vertex') && tool === 'reshape' && this.reshape.lastVertex) {
      e.preventDefault()
      const v = this.reshape.lastVertex
      this.reshape.lastVertex = null
      this.sketch.setHover(null)
      void this.host.commit((p) => removeVertex(p, { areaId: v.areaId, at: v.at, editAreas: this.host.isAdmin() }))
    }
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKey)
  }
}
