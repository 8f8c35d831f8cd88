import type ImageTile from 'ol/ImageTile'
import MVT from 'ol/format/MVT'
import TileLayer from 'ol/layer/Tile'
import VectorTileLayer from 'ol/layer/VectorTile'
import TileState from 'ol/TileState'
import VectorTileSource from 'ol/source/VectorTile'
import XYZ from 'ol/source/XYZ'
import type VectorTile from 'ol/VectorTile'
import type { FeatureLike } from 'ol/Feature'
import type { TileFileInfo } from '../../../shared/ipc/features/tiles-contract'
import { backgroundVectorStyle } from './background-vector-style'
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
  /** A vector background (Mapbox vector tiles from a PMTiles or MBTiles file), drawn in quiet colors. */
  readonly vectorLayer = new VectorTileLayer({ visible: false, zIndex: -1, style: backgroundVectorStyle, declutter: false })
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
    this.hideVector()
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

  /**
   * A map file on this computer as the background (the main process reads it; no request leaves
   * the computer): images through the same tile path as a tile server, vector tiles drawn here.
   */
  setFile(info: TileFileInfo): void {
    const key = `file:${info.file}\n${info.kind}\n${info.minZoom}-${info.maxZoom}\n${info.attribution ?? ''}`
    if (key === this.shown) return
    this.shown = key
    this.onProblem(null)
    const attributions = info.attribution ? escapeHtml(info.attribution) : undefined
    const grid = { minZoom: info.minZoom, maxZoom: Math.min(info.maxZoom, MAX_TILE_ZOOM), attributions, attributionsCollapsible: false }
    if (info.kind === 'raster') {
      this.hideVector()
      this.layer.setSource(
        new XYZ({
          ...grid,
          tileUrlFunction: ([z, x, y]) => `${z}/${x}/${y}`,
          tileLoadFunction: (tile, src) => this.fetchInto(tile as ImageTile, src, key),
        }),
      )
      this.layer.setVisible(true)
      return
    }
    this.layer.setVisible(false)
    this.layer.setSource(null)
    const format = new MVT()
    this.vectorLayer.setSource(
      new VectorTileSource({
        ...grid,
        format,
        tileUrlFunction: ([z, x, y]) => `${z}/${x}/${y}`,
        tileLoadFunction: (tile, src) => {
          const [z, x, y] = src.split('/').map(Number)
          const vt = tile as VectorTile<FeatureLike>
          vt.setLoader((extent, _resolution, projection) => {
            this.load(z, x, y).then(
              ({ bytes }) => {
                vt.setFeatures(bytes.length ? (format.readFeatures(bytes.slice().buffer, { extent, featureProjection: projection }) as never) : [])
                if (this.shown === key) this.onProblem(null)
              },
              (e: Error) => {
                vt.setState(TileState.ERROR)
                if (this.shown === key) this.onProblem(e.message)
              },
            )
          })
        },
      }),
    )
    this.vectorLayer.setVisible(true)
  }

  private hideVector(): void {
    this.vectorLayer.setVisible(false)
    this.vectorLayer.setSource(null)
  }

  private fetchInto(tile: ImageTile, src: string, key: string): void {
    const [z, x, y] = src.split('/').map(Number)
    this.load(z, x, y).then(
      ({ bytes, contentType }) => {
        // A map file has no tile here (outside what it covers): nothing to draw, and nothing wrong.
        if (!bytes.length) return tile.setState(TileState.EMPTY)
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
