import type { Feature, FeatureCollection } from 'geojson'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { AreaGeometry } from '../../../shared/domain'
import type { ImportLayer, ImportMode, ImportPreview, ImportResult } from '../../../shared/ipc/features/import-outputs'
import { MAX_IMPORT_BYTES } from '../../../shared/ipc/features/import-contract'
import { api, ApiError, onImportProgress } from '../api'
import type { ImportProgressEvent } from '../../../shared/ipc/features/import-progress'
import { progressFraction, progressText } from '../../../shared/import/progress-text'
import { guessFields } from '../../../shared/import/guess-fields'
import { formatSize } from '../../../shared/units/file-size'
import { countOf } from '../../../shared/units/words'
import { usePlanStore } from './plan'

export interface PickedFile {
  name: string
  size: number
  bytes: Uint8Array<ArrayBuffer>
}

/** Reads a picked file with progress; the bytes go to the main process, which does all parsing. */
function readFile(f: File, onProgress: (fraction: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer))
    r.onerror = () => reject(new Error(`${f.name} could not be read: ${r.error?.message ?? 'unknown error'}`))
    r.readAsArrayBuffer(f)
  })
}

/**
 * The layer import dialog: the file, the field mapping, the preview (drawn on the map by the
 * plan map) and the result. Nothing is stored until `apply`; the main process parses.
 */
export const useImportStore = defineStore('import', () => {
  const plan = usePlanStore()
  const open = ref(false)
  const layer = ref<ImportLayer>('neighborhoods')
  const file = shallowRef<PickedFile | null>(null)
  const crs = ref('')
  /** The layer chosen from a GeoPackage holding several, and the layers it offers (known once the file was refused for holding several). */
  const gpkgLayer = ref('')
  const gpkgLayers = ref<string[]>([])
  const idField = ref('')
  const nameField = ref('')
  const areaField = ref('')
  const mode = ref<ImportMode>('replace')
  const preview = shallowRef<ImportPreview | null>(null)
  /** What the dialog is waiting for, shown as progress; null when idle. */
  const busy = ref<string | null>(null)
  const error = ref<string | null>(null)
  /** Set when the refusal is about the coordinate system, so the dialog can point at the CRS field. */
  const crsProblem = ref(false)
  const result = shallowRef<ImportResult | null>(null)
  /** The main process's last word on how far it has read the file, while it reads (pushed, not asked for). */
  const progress = shallowRef<ImportProgressEvent | null>(null)
  let ticket = 0
  onImportProgress((p) => {
    if (busy.value && file.value && p.file === file.value.name) progress.value = p
  })
  /** What the progress line says: the counts while the file is read, else what the dialog waits for. */
  const busyText = computed(() => {
    const p = progress.value
    // Once every feature is checked, what is left is the wait itself ("Storing…").
    return busy.value && p && !(p.phase === 'checking' && p.features === p.totalFeatures) ? progressText(p) : busy.value
  })
  /** Share done of the read under way, or null where it is not known (the bar then just moves). */
  const busyFraction = computed(() => (busy.value && progress.value ? progressFraction(progress.value) : null))

  const needsId = computed(() => layer.value !== 'city')
  const mappingComplete = computed(() => (!needsId.value || !!idField.value) && (layer.value !== 'neighborhoods' || !!areaField.value))
  const problems = computed(() => (preview.value ? preview.value.problems[mode.value] : []))
  const canImport = computed(() => !!file.value && !!preview.value && mappingComplete.value && preview.value.units.length > 0 && problems.value.length === 0 && !busy.value && !result.value)
  /** The preview drawn on the map while the dialog is open, with what a replace would remove from the plan. */
  const mapPreview = computed((): FeatureCollection | null => {
    const p = preview.value
    if (!open.value || result.value || !p) return null
    if (mode.value !== 'replace' || layer.value === 'city' || p.replaceRemoves.length === 0) return p.geojson
    const gone = new Set(p.replaceRemoves)
    const rows: { id: string; name: string; geometry: AreaGeometry }[] = layer.value === 'areas' ? plan.plan.areas : plan.plan.neighborhoods
    const removed = rows.filter((r) => gone.has(r.id)).map((r): Feature => ({ type: 'Feature', properties: { id: r.id, name: r.name, removed: true }, geometry: r.geometry }))
    return { type: 'FeatureCollection', features: [...p.geojson.features, ...removed] }
  })

  // Each wait starts without the counts of the one before.
  watch(busy, () => (progress.value = null), { flush: 'sync' })

  function request() {
    const f = file.value!
    return {
      file: { name: f.name, bytes: f.bytes },
      layer: layer.value,
      ...(idField.value && needsId.value ? { idField: idField.value } : {}),
      ...(nameField.value ? { nameField: nameField.value } : {}),
      ...(areaField.value && layer.value === 'neighborhoods' ? { areaField: areaField.value } : {}),
      ...(crs.value.trim() ? { crs: crs.value.trim() } : {}),
      ...(gpkgLayer.value ? { gpkgLayer: gpkgLayer.value } : {}),
    }
  }

  /** The file and what reading it needs (CRS, GeoPackage layer), without a field mapping. */
  function unmapped() {
    const { file: f, layer: l, crs: c, gpkgLayer: g } = request()
    return { file: f, layer: l, ...(c ? { crs: c } : {}), ...(g ? { gpkgLayer: g } : {}) }
  }

  /**
   * Previews the file as mapped. With `guess`, first asks for the file's fields alone and picks
   * the mapping from their names. A newer call wins over an older one still in flight.
   */
  async function refresh(guess = false): Promise<void> {
    if (!file.value) return
    const mine = ++ticket
    error.value = null
    crsProblem.value = false
    busy.value = preview.value ? `Checking ${countOf(preview.value.featureCount, 'feature')}…` : `Checking ${file.value.name}…`
    try {
      if (guess) {
        const fieldsOnly = await api.previewImport(unmapped())
        if (mine !== ticket) return
        const g = guessFields(fieldsOnly.fields, layer.value)
        idField.value = g.idField
        nameField.value = g.nameField
        areaField.value = g.areaField
        preview.value = fieldsOnly
        busy.value = `Checking ${countOf(fieldsOnly.featureCount, 'feature')}…`
      }
      const alreadyShown = guess && layer.value === 'city' && !nameField.value
      if (mappingComplete.value && !alreadyShown) {
        const p = await api.previewImport(request())
        if (mine !== ticket) return
        preview.value = p
      } else if (!guess) {
        // Keep the fields and the raw outline on screen; the dialog says which field is still missing.
        const p = await api.previewImport(unmapped())
        if (mine !== ticket) return
        preview.value = p
      }
    } catch (e) {
      if (mine !== ticket) return
      error.value = (e as Error).message
      crsProblem.value = e instanceof ApiError && /crs/.test(e.code)
      const offered = e instanceof ApiError ? (e.details as { layers?: unknown } | undefined)?.layers : undefined
      if (Array.isArray(offered)) gpkgLayers.value = offered.filter((x): x is string => typeof x === 'string')
      preview.value = null
    } finally {
      if (mine === ticket) busy.value = null
    }
  }

  async function chooseFile(f: File): Promise<void> {
    ticket++
    preview.value = null
    result.value = null
    error.value = null
    file.value = null
    gpkgLayer.value = ''
    gpkgLayers.value = []
    if (f.size > MAX_IMPORT_BYTES) {
      error.value = `${f.name} is ${formatSize(f.size)}; the import limit is ${formatSize(MAX_IMPORT_BYTES)}`
      return
    }
    const label = `Reading ${f.name} (${formatSize(f.size)})…`
    busy.value = label
    try {
      const bytes = await readFile(f, (x) => (busy.value = `${label} ${Math.round(x * 100)}%`))
      file.value = { name: f.name, size: f.size, bytes }
    } catch (e) {
      error.value = (e as Error).message
      busy.value = null
      return
    }
    await refresh(true)
  }

  async function setLayer(l: ImportLayer): Promise<void> {
    layer.value = l
    if (l === 'city') mode.value = 'replace'
    await refresh(true)
  }

  async function apply(): Promise<void> {
    if (!canImport.value) return
    const mine = ++ticket
    busy.value = 'Storing…'
    error.value = null
    try {
      const r = await api.applyImport({ ...request(), mode: mode.value })
      plan.took(r.write)
      result.value = r
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      if (mine === ticket) busy.value = null
    }
  }

  /**
   * Cancel: while the main process reads the file or waits to store it, stops that (nothing is
   * stored; the dialog stays, saying so); otherwise closes the dialog.
   */
  async function cancel(): Promise<void> {
    if (!busy.value) return close()
    await api.cancelImport()
  }

  function show(): void {
    close()
    open.value = true
  }

  function close(): void {
    // A preview or import still reading its file is stopped, so closing the dialog never stores anything later.
    if (busy.value) void api.cancelImport().catch(() => {})
    ticket++
    open.value = false
    file.value = null
    preview.value = null
    result.value = null
    error.value = null
    crsProblem.value = false
    busy.value = null
    idField.value = nameField.value = areaField.value = ''
    gpkgLayer.value = ''
    gpkgLayers.value = []
  }

  return {
    open, layer, file, crs, gpkgLayer, gpkgLayers, idField, nameField, areaField, mode, preview, busy, error, crsProblem, result, progress,
    needsId, mappingComplete, problems, canImport, mapPreview, busyText, busyFraction,
    refresh, chooseFile, setLayer, apply, cancel, show, close,
  }
})
