import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { ReferenceGeometry, ReferenceLayerInfo } from '../../../shared/domain/reference-layer'
import { api, ApiError } from '../api'
import { countOf } from '../../../shared/units/words'

/**
 * Street centerline and parcel layers drawn under the plan and snapped to while editing. The
 * shapes are plain GeoJSON kept raw (never deeply reactive): a city's streets are many thousands
 * of lines, and only the map reads them.
 */
/** How many lines or shapes a reference layer holds, in words ('1 line', '2,300 shapes'). */
export function referenceCount(l: Pick<ReferenceLayerInfo, 'kind' | 'features'>): string {
  return l.kind === 'lines' ? countOf(l.features, 'line') : l.kind === 'areas' ? countOf(l.features, 'shape') : countOf(l.features, 'line or shape', 'lines and shapes')
}

export const useReferenceStore = defineStore('reference', () => {
  const layers = ref<ReferenceLayerInfo[]>([])
  const shapes = shallowRef<ReadonlyMap<number, ReferenceGeometry[]>>(new Map())
  /** What the last import said (notices), or why it was refused. */
  const message = ref<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const busy = ref(false)
  /** A GeoPackage holding several layers: the file and its layers, until one is chosen. */
  const layerChoice = shallowRef<{ file: File; layers: string[] } | null>(null)

  function putShapes(id: number, geometries: ReferenceGeometry[] | null): void {
    const next = new Map(shapes.value)
    if (geometries) next.set(id, markRaw(geometries))
    else next.delete(id)
    shapes.value = next
  }

  async function load(): Promise<void> {
    layers.value = await api.listReferenceLayers()
    for (const l of layers.value) putShapes(l.id, (await api.getReferenceShapes({ id: l.id })).geometries)
  }

  async function importFile(file: File, gpkgLayer?: string): Promise<boolean> {
    busy.value = true
    message.value = null
    layerChoice.value = null
    try {
      const r = await api.importReferenceLayer({ file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, ...(gpkgLayer ? { gpkgLayer } : {}) })
      putShapes(r.layer.id, r.shapes.geometries)
      layers.value = [...layers.value, r.layer]
      message.value = { kind: 'ok', text: [`${r.layer.name}: ${referenceCount(r.layer)} added under the plan.`, ...r.notices].join(' ') }
      return true
    } catch (e) {
      message.value = { kind: 'error', text: (e as Error).message }
      const layers = e instanceof ApiError ? (e.details as { layers?: string[] } | undefined)?.layers : undefined
      if (layers?.length && !gpkgLayer) layerChoice.value = { file, layers }
      return false
    } finally {
      busy.value = false
    }
  }

  async function setVisible(id: number, visible: boolean): Promise<void> {
    const updated = await api.setReferenceLayerVisible({ id, visible })
    layers.value = layers.value.map((l) => (l.id === id ? updated : l))
  }

  async function remove(id: number): Promise<void> {
    await api.removeReferenceLayer({ id })
    layers.value = layers.value.filter((l) => l.id !== id)
    putShapes(id, null)
  }

  return { layers, shapes, message, busy, layerChoice, load, importFile, setVisible, remove }
})
