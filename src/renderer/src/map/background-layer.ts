import type ImageTile from 'ol/ImageTile'
import TileLayer from 'ol/layer/Tile'
import TileState from 'ol/TileState'
import XYZ from 'ol/source/XYZ'
import { escapeHtml } from '../../../shared/html'
import { MAX_TILE_ZOOM } from '../../../shared/map/tile-template'

export type LoadTile = (z: number, x: number, y: number) => Promise<{ bytes: Uint8Array; contentType: string }>

/**
 * The optional background map under the plan. Tiles come from the main process (the renderer
 * may not reach the network), become blob: images, and a failure leaves the plan on its plain
 * background with the reason reported once, so the map stays usable offline.
 */
export class BackgroundLayer {
  readonly layer = new TileLayer({ visible: false, zIndex: -1 })
  private shown: string | null = null

  constructor(
    private readonly load: LoadTile,
    /** Told the last failure's reason, and null again once a tile arrives. */
    private readonly onProblem: (problem: string | null) => void,
  ) {}

  set(template: string | null, attribution: string | null): void {
    const key = template ? `${template}\n${attribution ?? ''}` : null
    if (key === this.shown) return
    this.shown = key
    this.onProblem(null)
    if (!template) {
      this.layer.setVisible(false)
      this.layer.setSource(null)
      return
    }
    this.layer.setSource(
      new XYZ({
        maxZoom: MAX_TILE_ZOOM,
        // OpenLayers writes attributions as HTML: the credit is shown as the text Administration typed.
        attributions: attribution ? escapeHtml(attribution) : undefined,
        attributionsCollapsible: false,
        // The "URL" is only the tile's address in the grid; the main process knows the server.
        tileUrlFunction: ([z, x, y]) => `${z}/${x}/${y}`,
        tileLoadFunction: (tile, src) => this.fetchInto(tile as ImageTile, src, key!),
      }),
    )
    this.layer.setVisible(true)
  }

  private fetchInto(tile: ImageTile, src: string, key: string): void {
    const [z, x, y] = src.split('/').map(Number)
    this.load(z, x, y).then(
      ({ bytes, contentType }) => {
        const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }))
        const img = tile.getImage() as HTMLImageElement
        const done = () => URL.revokeObjectURL(url)
        img.addEventListener('load', done, { once: true })
        img.addEventListener('error', done, { once: true })
        img.src = url
        if (this.shown === key) this.onProblem(null)
      },
      (e: Error) => {
        tile.setState(TileState.ERROR)
        if (this.shown === key) this.onProblem(e.message)
      },
    )
  }
}
