// The page-side hooks the app exposes (see src/renderer/src/map/use-plan-map.ts), as the tests see them.
interface Window {
  __acpMap?: {
    pixelOf(lon: number, lat: number): [number, number] | null
    counts(): { areas: number; neighborhoods: number; findings: number }
    /** The labels OpenLayers drew in the last frame (those decluttering kept), boxes in CSS pixels of the map. */
    labels(): { kind: 'area' | 'neighborhood' | 'other'; id: string; name: string; box: [number, number, number, number] }[]
  }
  /** The harness's stand-in for the application menu: sends one command as the main process would. */
  __acpMenu?: (command: string) => void
  /** The harness's stand-in for webContents.send: one push event to the window's listeners. */
  __acpPush?: (event: string, payload: unknown) => void
}
