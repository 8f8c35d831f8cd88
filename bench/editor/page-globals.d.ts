// The editor's page-side timing hook (src/renderer/src/map/edit/use-map-editor.ts), as the benchmark sees it.
interface Window {
  __acpEditor?: {
    timings(): { ok: boolean; releasedAt: number; builtAt: number; storedAt: number; renderedAt: number }[]
  }
}
