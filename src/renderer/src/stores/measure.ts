import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useEditorStore } from './editor'

export type MeasureKind = 'distance' | 'area'

/** A measured figure on the ground, geodesic: metres for a distance, square metres for an area. */
export interface Measurement {
  kind: MeasureKind
  value: number
  /** False while the line or outline is still being drawn. */
  done: boolean
}

/**
 * Measuring is a mode of its own: while it is on, the editor's tools are off (the editor is put
 * back on Select, whose clicks the map ignores while measuring), and picking an editor tool ends it.
 */
export const useMeasureStore = defineStore('measure', () => {
  const editor = useEditorStore()
  const active = ref(false)
  const kind = ref<MeasureKind>('distance')
  const result = shallowRef<Measurement | null>(null)
  /** Bumped by clear(): the map drops the line or outline drawn (Esc, the Clear button). */
  const clears = ref(0)

  function start(k: MeasureKind = kind.value): void {
    editor.setTool('select')
    kind.value = k
    result.value = null
    active.value = true
  }

  function stop(): void {
    active.value = false
    result.value = null
  }

  function toggle(): void {
    if (active.value) stop()
    else start()
  }

  function setKind(k: MeasureKind): void {
    kind.value = k
    result.value = null
  }

  function clear(): void {
    result.value = null
    clears.value++
  }

  return { active, kind, result, clears, start, stop, toggle, setKind, clear }
})
