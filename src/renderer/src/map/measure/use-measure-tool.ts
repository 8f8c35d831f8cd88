import { markRaw, onBeforeUnmount, watch, type ShallowRef } from 'vue'
import { formatArea, formatLength } from '../../../../shared/units/format'
import { useMeasureStore } from '../../stores/measure'
import { useSettingsStore } from '../../stores/settings'
import { pressed, typingIn } from '../../shortcuts'
import type { PlanMap } from '../plan-map'
import { MeasureTool } from './measure-tool'

/** Attaches the measure tool to the plan map (after the editor, whose clicks it must mute). */
export function useMeasureTool(planMap: ShallowRef<PlanMap | null>): void {
  const measure = useMeasureStore()
  const settings = useSettingsStore()
  let tool: MeasureTool | null = null

  const onKey = (e: KeyboardEvent): void => {
    if (!measure.active || typingIn(e) || !pressed(e, 'cancel')) return
    measure.clear()
  }

  const stop = watch(
    planMap,
    (pm) => {
      if (!pm || tool) return
      const t = markRaw(
        new MeasureTool(pm, {
          active: () => measure.active,
          kind: () => measure.kind,
          setResult: (m) => (measure.result = m),
          format: (m) => (m.kind === 'distance' ? formatLength(m.value, settings.settings?.units ?? 'metric') : formatArea(m.value, settings.settings?.units ?? 'metric')),
        }),
      )
      tool = t
      watch([() => measure.active, () => measure.kind], () => t.sync(), { immediate: true })
      watch(() => measure.clears, () => t.clear())
      watch(() => settings.settings?.units, () => t.relabel())
      window.addEventListener('keydown', onKey)
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    stop()
    window.removeEventListener('keydown', onKey)
    tool?.dispose()
  })
}
