// The page-side hooks the app exposes (see src/renderer/src/map/use-plan-map.ts), as the tests see them.
interface Window {
  __acpMap?: {
    pixelOf(lon: number, lat: number): [number, number] | null
    counts(): { areas: number; neighborhoods: number; findings: number }
  }
}
