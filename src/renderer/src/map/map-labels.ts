import type { FeatureLike } from 'ol/Feature'
import type { FrameState } from 'ol/Map'
import VectorLayer from 'ol/layer/Vector'
import type { State as LayerState } from 'ol/layer/Layer'
import VectorSource from 'ol/source/Vector'
import type { Style } from 'ol/style'

/** All map labels share one declutter group: where two would overlap, the one with priority is drawn. */
export const LABELS = 'labels'

/** A label OpenLayers drew in the last frame, in CSS pixels of the map. */
export interface DrawnLabel {
  /** 'other': a unit of an import or repair preview. */
  kind: 'area' | 'neighborhood' | 'other'
  id: string
  name: string
  box: [number, number, number, number]
}

type Entry = { minX: number; minY: number; maxX: number; maxY: number; value: FeatureLike | typeof FURNITURE }
const FURNITURE = Symbol('map furniture')

/**
 * The scale bar, zoom buttons and credit sit over the map: a label under them is half hidden and
 * makes them hard to read. This empty layer, at the top of the labels' declutter group, is
 * decluttered first and puts their boxes in the group's tree, so no label is drawn where they are.
 *
 * Their boxes are measured once and kept until one of them, or the map, changes size, or one is
 * added or removed: measuring in every frame made the browser lay out the whole page inside the
 * frame after each edit (the panels had just changed), and again after it.
 */
export class FurnitureObstacles extends VectorLayer<VectorSource> {
  /** minX, minY, maxX, maxY of each box, in CSS pixels from the map's corner; null: measure again. */
  private boxes: number[] | null = null
  private watching: { resized: ResizeObserver; mutated: MutationObserver; roots: Set<Node> } | null = null

  constructor(
    /** The elements over the map, the map's viewport their places are measured from, and where elements come and go. */
    private readonly furniture: () => { viewport: Element; elements: Element[]; containers: Element[] },
  ) {
    // Above every other layer, so it is always the first of the group to be decluttered.
    super({ source: new VectorSource(), declutter: LABELS, zIndex: 100 })
  }

  override renderDeclutter(frameState: FrameState, layerState: LayerState): void {
    // Creates the group's tree (this layer is the first of the group to be decluttered).
    super.renderDeclutter(frameState, layerState)
    const tree = frameState.declutter?.[LABELS]
    if (!tree) return
    const boxes = (this.boxes ??= this.measure())
    const r = frameState.pixelRatio
    for (let i = 0; i < boxes.length; i += 4) {
      const entry: Entry = { minX: boxes[i] * r, minY: boxes[i + 1] * r, maxX: boxes[i + 2] * r, maxY: boxes[i + 3] * r, value: FURNITURE }
      tree.insert(entry as never)
    }
  }

  override disposeInternal(): void {
    this.watching?.resized.disconnect()
    this.watching?.mutated.disconnect()
    this.watching = null
    super.disposeInternal()
  }

  private measure(): number[] {
    const { viewport, elements, containers } = this.furniture()
    const w = this.watch()
    w?.resized.observe(viewport)
    for (const c of containers) {
      if (w && !w.roots.has(c)) {
        w.roots.add(c)
        w.mutated.observe(c, { childList: true })
      }
    }
    const origin = viewport.getBoundingClientRect()
    const boxes: number[] = []
    for (const el of elements) {
      w?.resized.observe(el)
      const b = el.getBoundingClientRect()
      if (!b.width || !b.height) continue
      boxes.push(b.left - origin.left, b.top - origin.top, b.right - origin.left, b.bottom - origin.top)
    }
    return boxes
  }

  /** Observers that mark the boxes stale and ask for a frame (none where the browser lacks them). */
  private watch(): FurnitureObstacles['watching'] {
    if (this.watching || typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return this.watching
    const stale = () => {
      if (!this.boxes) return
      this.boxes = null
      this.changed()
    }
    this.watching = { resized: new ResizeObserver(stale), mutated: new MutationObserver(stale), roots: new Set() }
    return this.watching
  }
}

/** The selected neighborhood's name, in a layer above the Area Commands' names so it wins over every other label. */
export function selectedLabelLayer(source: VectorSource, selectedLabel: (f: FeatureLike) => Style | undefined): VectorLayer<VectorSource> {
  return new VectorLayer({ source, style: (f) => selectedLabel(f), declutter: LABELS })
}

/** The labels the last frame drew (those decluttering kept), for tests and support. */
export function drawnLabels(frameState: FrameState | null): DrawnLabel[] {
  const tree = frameState?.declutter?.[LABELS]
  if (!tree) return []
  const r = frameState.pixelRatio
  const out: DrawnLabel[] = []
  for (const e of tree.all() as unknown as Entry[]) {
    if (e.value === FURNITURE) continue
    const f = e.value
    const kind = f.get('kind') === 'area' || f.get('kind') === 'neighborhood' ? (f.get('kind') as DrawnLabel['kind']) : 'other'
    out.push({ kind, id: String(f.getId() ?? f.get('id')), name: String(f.get('name') ?? f.get('id')), box: [e.minX / r, e.minY / r, e.maxX / r, e.maxY / r] })
  }
  return out
}
