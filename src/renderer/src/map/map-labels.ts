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
 */
export class FurnitureObstacles extends VectorLayer<VectorSource> {
  constructor(
    /** The elements over the map, and the map's viewport their places are measured from. */
    private readonly furniture: () => { viewport: Element; elements: Element[] },
  ) {
    // Above every other layer, so it is always the first of the group to be decluttered.
    super({ source: new VectorSource(), declutter: LABELS, zIndex: 100 })
  }

  override renderDeclutter(frameState: FrameState, layerState: LayerState): void {
    // Creates the group's tree (this layer is the first of the group to be decluttered).
    super.renderDeclutter(frameState, layerState)
    const tree = frameState.declutter?.[LABELS]
    if (!tree) return
    const { viewport, elements } = this.furniture()
    const origin = viewport.getBoundingClientRect()
    const r = frameState.pixelRatio
    for (const el of elements) {
      const b = el.getBoundingClientRect()
      if (!b.width || !b.height) continue
      const entry: Entry = { minX: (b.left - origin.left) * r, minY: (b.top - origin.top) * r, maxX: (b.right - origin.left) * r, maxY: (b.bottom - origin.top) * r, value: FURNITURE }
      tree.insert(entry as never)
    }
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
