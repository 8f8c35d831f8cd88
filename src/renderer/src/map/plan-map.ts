import type { Extent } from 'ol/extent'
import { buffer as bufferExtent, extend as extendExtent, createEmpty, getHeight, getWidth, isEmpty } from 'ol/extent'
import Feature, { type FeatureLike } from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import type Geometry from 'ol/geom/Geometry'
import { Point } from 'ol/geom'
import VectorLayer from 'ol/layer/Vector'
import OlMap from 'ol/Map'
import { defaults as defaultInteractions } from 'ol/interaction/defaults'
import type MapBrowserEvent from 'ol/MapBrowserEvent'
import type { FrameState } from 'ol/Map'
import { useGeographic } from 'ol/proj'
import VectorSource from 'ol/source/Vector'
import View from 'ol/View'
import Attribution from 'ol/control/Attribution'
import ScaleLine from 'ol/control/ScaleLine'
import Zoom from 'ol/control/Zoom'
import type { AreaCommand, AreaGeometry, CityLimit, Finding, Neighborhood, PlanState } from '../../../shared/domain'
import { areaLabelStyle, areaStyle, cityStyle, findingStyle, labelPriority, neighborhoodLabelStyle, neighborhoodStyle, selectedNeighborhoodLabel, type NeighborhoodLook } from './styles'
import { drawnLabels, FurnitureObstacles, LABELS, selectedLabelLayer, type DrawnLabel } from './map-labels'
import { highlightStyle } from './highlight-style'
import { ImportPreviewLayer } from './import-preview'
import { RepairPreviewLayer } from './repair-preview'
import type { RepairMapPreview } from '../stores/repair'
import { BackgroundLayer, type LoadTile } from './background-layer'
import { ReferenceLayer } from './reference-layer'
import { FindingFeatures } from './finding-features'
import type { Units } from '../../../shared/units/format'

// Everything on the map is in WGS84 lon/lat, like the plan itself.
useGeographic()

const format = new GeoJSON()
const toGeom = (g: AreaGeometry): Geometry => format.readGeometry(g) as Geometry

/**
 * Brings a source in step with plan rows: removes features of rows that are gone, rebuilds
 * those whose row object was replaced, adds new ones. Returns the rows now shown.
 */
function syncRows<R extends { id: string }>(source: VectorSource, shown: Map<string, R>, rows: R[], props: (r: R) => Record<string, unknown>): Map<string, R> {
  const next = new Map(rows.map((r) => [r.id, r]))
  for (const id of shown.keys()) {
    if (next.has(id)) continue
    const f = source.getFeatureById(id)
    if (f) source.removeFeature(f)
  }
  const added: Feature[] = []
  for (const r of rows) {
    if (shown.get(r.id) === r) continue
    const f = source.getFeatureById(r.id) as Feature | null
    if (f) {
      f.setProperties(props(r))
      continue
    }
    const nf = new Feature(props(r))
    nf.setId(r.id)
    added.push(nf)
  }
  if (added.length) source.addFeatures(added)
  return next
}

/**
 * The OpenLayers side of the plan. Plain class, never reactive: Vue components hand it plain
 * plan rows and it keeps features in step, replacing only the rows whose objects changed.
 */
export class PlanMap {
  readonly map: OlMap
  readonly citySource = new VectorSource()
  readonly areaSource = new VectorSource()
  readonly neighborhoodSource = new VectorSource()
  readonly findingSource = new VectorSource()
  /** Findings redrawn by what a write changed, not all of them (see FindingFeatures). */
  private readonly findingFeatures = new FindingFeatures(this.findingSource, toGeom)
  /** Diff ground gained/lost and the looked-up point: drawn over everything, never hit-tested. */
  readonly highlightSource = new VectorSource()
  readonly neighborhoodLayer: VectorLayer<VectorSource>
  /** The neighborhoods' names (but the selected one's), decluttered with the other labels. */
  private readonly neighborhoodLabelLayer: VectorLayer<VectorSource>
  /** The Area Commands' names, above the neighborhoods so they are kept where labels collide. */
  readonly areaLabelLayer: VectorLayer<VectorSource>
  /** The selected neighborhood's label, above the Area Commands' names: it is the one label always drawn. */
  private readonly selectedLabelLayer: VectorLayer<VectorSource>
  /** The last frame drawn, to tell which labels decluttering kept. */
  private lastFrame: FrameState | null = null
  /** The import dialog's units, drawn over the plan until they are imported or the dialog closes. */
  readonly importPreview = new ImportPreviewLayer()
  /** A repair chosen in the findings panel, drawn over the plan until it is applied or cancelled. */
  readonly repairPreview = new RepairPreviewLayer()
  /** The optional tile map under everything; hidden until a tile URL is set. */
  readonly background: BackgroundLayer
  /** Street centerlines and parcels imported for context, under the plan; drawing snaps to them. */
  readonly reference = new ReferenceLayer()
  private readonly look: NeighborhoodLook = { selectedId: null, unassigned: new Set(), showLabels: true, ownAreaId: null, edited: new Set() }
  private shownRows = new Map<string, Neighborhood>()
  private shownNeighborhoodList: Neighborhood[] | null = null
  private shownAreas = new Map<string, AreaCommand>()
  private shownAreaList: AreaCommand[] | null = null
  private shownCity: CityLimit | null | undefined = undefined
  private fitted = false
  private readonly scaleLine = new ScaleLine({ units: 'metric' })
  /** Whether a plain map click selects the neighborhood under it; drawing tools turn it off. */
  selectOnClick: (e: MapBrowserEvent) => boolean = () => true

  constructor(target: HTMLElement, loadTile: LoadTile, onBackgroundProblem: (problem: string | null) => void) {
    this.background = new BackgroundLayer(loadTile, onBackgroundProblem)
    // Labels are decluttered together, a higher layer winning: the map's controls (scale bar,
    // zoom, credit) keep their ground, then the selected neighborhood's label, the area names,
    // and the other neighborhoods in label priority order (own area before others).
    const byPriority = (a: FeatureLike, b: FeatureLike) => labelPriority(this.look, a) - labelPriority(this.look, b)
    // Outlines and fills are drawn plainly; only the names go through decluttering, which replays
    // every drawing call of its layers at the end of each frame (outlines of a whole city's beats
    // drawn that way made each frame after an edit about twice as slow).
    this.neighborhoodLayer = new VectorLayer({ source: this.neighborhoodSource, style: neighborhoodStyle(this.look), renderOrder: byPriority })
    this.neighborhoodLabelLayer = new VectorLayer({ source: this.neighborhoodSource, style: neighborhoodLabelStyle(this.look), declutter: LABELS, renderOrder: byPriority })
    this.areaLabelLayer = new VectorLayer({ source: this.areaSource, style: areaLabelStyle, declutter: LABELS })
    this.selectedLabelLayer = selectedLabelLayer(this.neighborhoodSource, selectedNeighborhoodLabel(this.look))
    // The map's own controls, and the panels laid over it beside it (marked data-map-overlay: the map key, the way back).
    const furniture = new FurnitureObstacles(() => ({
      viewport: this.map.getViewport(),
      elements: [...this.map.getViewport().querySelectorAll('.ol-control, .ol-scale-line'), ...(target.parentElement?.querySelectorAll(':scope > [data-map-overlay]') ?? [])],
      // The map's controls are children of its stop-event container, the overlays of the map's parent.
      containers: [this.map.getViewport().querySelector('.ol-overlaycontainer-stopevent'), target.parentElement].filter((e): e is Element => !!e),
    }))
    this.map = new OlMap({
      target,
      controls: [new Zoom(), this.scaleLine, new Attribution({ collapsible: false })],
      // OpenLayers' default lets the wheel and a drag move the map only once it has the keyboard
      // focus (it has a tabindex, for the arrow keys): after a click in the side panels the map
      // would not zoom. It fills the window and nothing around it scrolls, so it always may.
      interactions: defaultInteractions({ onFocusOnly: false }),
      layers: [
        this.background.layer,
        this.background.vectorLayer,
        this.reference.layer,
        new VectorLayer({ source: this.areaSource, style: areaStyle }),
        this.neighborhoodLayer,
        this.neighborhoodLabelLayer,
        new VectorLayer({ source: this.citySource, style: cityStyle }),
        this.areaLabelLayer,
        this.selectedLabelLayer,
        furniture,
        new VectorLayer({ source: this.findingSource, style: findingStyle, renderOrder: this.findingFeatures.order }),
        new VectorLayer({ source: this.highlightSource, style: highlightStyle }),
        this.repairPreview.layer,
        this.importPreview.layer,
      ],
      view: new View({ center: [-121.76, 37.69], zoom: 12, enableRotation: false }),
    })
    this.map.on('postrender', (e) => (this.lastFrame = e.frameState))
  }

  /** Redraws the neighborhoods and their labels after the look changed (selection, own area, labels shown). */
  private relook(): void {
    this.neighborhoodLayer.changed()
    this.neighborhoodLabelLayer.changed()
    this.selectedLabelLayer.changed()
  }

  /** The labels drawn in the last frame, with their boxes on screen. */
  labels(): DrawnLabel[] {
    return drawnLabels(this.lastFrame)
  }

  /**
   * Shows the plan. A stored change replaces a few row objects and keeps the rest (see
   * applyChangeSet), so only features whose row object changed are rebuilt: re-reading the
   * 23 district outlines of a real city after every vertex drag cost more than the drag itself.
   */
  setPlan(plan: PlanState): void {
    if (plan.city !== this.shownCity) {
      this.citySource.clear()
      if (plan.city) this.citySource.addFeature(new Feature({ geometry: toGeom(plan.city.geometry), kind: 'city' }))
      this.shownCity = plan.city
    }
    if (plan.areas !== this.shownAreaList) {
      this.shownAreas = syncRows(this.areaSource, this.shownAreas, plan.areas, (a) => ({ geometry: toGeom(a.geometry), kind: 'area', name: a.name, color: a.color }))
      this.shownAreaList = plan.areas
    }
    const counts = new Map<string, number>()
    for (const o of plan.officers) if (o.neighborhoodId && o.status !== 'vacant') counts.set(o.neighborhoodId, (counts.get(o.neighborhoodId) ?? 0) + 1)
    if (plan.neighborhoods !== this.shownNeighborhoodList)
      this.shownRows = syncRows(this.neighborhoodSource, this.shownRows, plan.neighborhoods, (n) => ({ geometry: toGeom(n.geometry), kind: 'neighborhood', name: n.name, areaId: n.areaId }))
    this.shownNeighborhoodList = plan.neighborhoods
    for (const n of plan.neighborhoods) {
      const f = this.neighborhoodSource.getFeatureById(n.id)
      if (f && f.get('officers') !== (counts.get(n.id) ?? 0)) f.set('officers', counts.get(n.id) ?? 0)
    }
    this.look.unassigned = new Set(plan.neighborhoods.filter((n) => !counts.get(n.id)).map((n) => n.id))
    this.relook()
    if (!this.fitted) this.fitAll()
  }

  fitAll(): void {
    const extent: Extent = createEmpty()
    for (const s of [this.citySource, this.areaSource, this.neighborhoodSource]) {
      const e = s.getFeatures().length ? s.getExtent() : null
      if (e) extendExtent(extent, e)
    }
    if (isEmpty(extent)) return
    this.fitted = true
    this.forgetView()
    // A zoom still animating (the menu's Zoom in just before) would otherwise carry on past the fit.
    this.map.getView().cancelAnimations()
    this.map.getView().fit(extent, { padding: [30, 30, 30, 30], duration: 0 })
  }

  /** One zoom step in or out about the middle of the view (the menu's Zoom in / Zoom out). */
  zoomBy(delta: number): void {
    const view = this.map.getView()
    const z = view.getZoom()
    if (z !== undefined) view.animate({ zoom: z + delta, duration: 200 })
  }

  setSelected(id: string | null): void {
    this.look.selectedId = id
    this.relook()
  }

  /** The commander profile's own area (null for Administration): its labels go first. */
  setOwnArea(id: string | null): void {
    this.look.ownAreaId = id
    this.relook()
  }

  /** The neighborhoods changed in this session: their labels say "edited". */
  setEdited(ids: ReadonlySet<string>): void {
    this.look.edited = new Set(ids)
    this.relook()
  }

  setFindings(findings: Finding[], focusedId: string | null): void {
    this.findingFeatures.set(findings, focusedId)
  }

  /** The view before the first zoom to a finding, until the user goes back or moves to the whole city or an area. */
  private back: { center: number[]; resolution: number } | null = null
  /** Told whether there is a view to go back to. */
  onBackChange: (canGoBack: boolean) => void = () => {}

  private rememberView(): void {
    if (this.back) return
    const view = this.map.getView()
    const center = view.getCenter()
    const resolution = view.getResolution()
    if (!center || resolution === undefined) return
    this.back = { center, resolution }
    this.onBackChange(true)
  }

  private forgetView(): void {
    if (!this.back) return
    this.back = null
    this.onBackChange(false)
  }

  /** Back to where the user was before zooming to findings. */
  goBack(): void {
    const b = this.back
    if (!b) return
    this.forgetView()
    this.map.getView().cancelAnimations()
    this.map.getView().animate({ center: b.center, resolution: b.resolution, duration: 250 })
  }

  /**
   * Brings a finding into view with its surroundings: a 30 m gap alone fills the screen and says
   * nothing of where it is, so the view takes in the ground around it (at least ~400 m across)
   * and the finding stays about a third of it. The previous view is kept for goBack.
   */
  zoomTo(finding: Finding): void {
    const view = this.map.getView()
    this.rememberView()
    if (finding.geometry) {
      const f = this.findingSource.getFeatureById(finding.id)
      const extent = f?.getGeometry()?.getExtent()
      if (extent) {
        const around = Math.max(getWidth(extent), getHeight(extent), 0.004)
        return view.fit(bufferExtent(extent, around), { padding: [40, 40, 40, 40], maxZoom: 17, duration: 250 })
      }
    }
    // Findings about people (no officer, no commander) are about a whole neighborhood or area: show all of it.
    const whole = finding.neighborhoodIds[0]
      ? this.neighborhoodSource.getFeatureById(finding.neighborhoodIds[0])
      : finding.areaIds[0]
        ? this.areaSource.getFeatureById(finding.areaIds[0])
        : null
    const wholeExtent = whole?.getGeometry()?.getExtent()
    if (wholeExtent) return view.fit(wholeExtent, { padding: [80, 80, 80, 80], maxZoom: 17, duration: 250 })
    if (finding.location) view.animate({ center: finding.location, zoom: Math.max(view.getZoom() ?? 12, 16), duration: 250 })
  }

  setHighlight(h: { areas: { geometry: AreaGeometry; kind: string }[]; point: [number, number] | null }): void {
    this.highlightSource.clear()
    this.highlightSource.addFeatures(h.areas.map((a) => new Feature({ geometry: toGeom(a.geometry), kind: a.kind })))
    if (h.point) this.highlightSource.addFeature(new Feature({ geometry: new Point(h.point), kind: 'point' }))
  }

  /** The scale bar in the plan's units: miles and feet ('us'), or kilometres and metres. */
  setUnits(units: Units): void {
    this.scaleLine.setUnits(units === 'us' ? 'us' : 'metric')
  }

  /** Diffs often move a few thousand m² in a city of many km²: bring that ground into view. */
  zoomToHighlight(): void {
    const areas = this.highlightSource.getFeatures().filter((f) => f.get('kind') !== 'point')
    if (!areas.length) return
    const extent = createEmpty()
    for (const f of areas) extendExtent(extent, f.getGeometry()!.getExtent())
    this.map.getView().fit(extent, { padding: [120, 120, 120, 120], maxZoom: 16, duration: 250 })
  }

  /** Shows the units an import would store and brings all of them into view. */
  showImportPreview(geojson: Parameters<ImportPreviewLayer['set']>[0]): void {
    this.importPreview.set(geojson)
    // Two sets of labels on the same ground are unreadable: while previewing, only the file's units are named.
    this.look.showLabels = !geojson
    this.relook()
    const extent = this.importPreview.extent()
    if (extent) this.map.getView().fit(extent, { padding: [50, 50, 50, 50], maxZoom: 17, duration: 0 })
  }

  /** Shows a previewed repair and brings the ground it moves into view. */
  showRepairPreview(p: RepairMapPreview | null): void {
    this.repairPreview.set(p)
    const extent = this.repairPreview.focusExtent()
    if (extent) this.map.getView().fit(extent, { padding: [120, 120, 120, 120], maxZoom: 18, duration: 0 })
  }

  /** The profile's own Area Command, filling the view. */
  zoomToArea(id: string | null): void {
    const extent = id ? this.areaSource.getFeatureById(id)?.getGeometry()?.getExtent() : null
    this.forgetView()
    if (extent) this.map.getView().fit(extent, { padding: [30, 30, 30, 30], duration: 250 })
  }

  zoomToNeighborhood(id: string): void {
    const extent = this.neighborhoodSource.getFeatureById(id)?.getGeometry()?.getExtent()
    if (extent) this.map.getView().fit(extent, { padding: [80, 80, 80, 80], maxZoom: 17, duration: 250 })
  }

  neighborhoodAt(pixel: number[]): string | null {
    let hit: string | null = null
    this.map.forEachFeatureAtPixel(pixel, (f) => {
      hit = f.getId() as string
      return true
    }, { layerFilter: (l) => l === this.neighborhoodLayer || l === this.neighborhoodLabelLayer, hitTolerance: 2 })
    return hit
  }

  pixelOf(lon: number, lat: number): [number, number] | null {
    const p = this.map.getPixelFromCoordinate([lon, lat])
    return p ? [p[0], p[1]] : null
  }

  counts(): { areas: number; neighborhoods: number; findings: number } {
    return { areas: this.areaSource.getFeatures().length, neighborhoods: this.neighborhoodSource.getFeatures().length, findings: this.findingSource.getFeatures().length }
  }

  dispose(): void {
    this.map.setTarget(undefined)
  }
}
