import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Settings } from '../../../shared/ipc/outputs'
import type { InputOf } from '../../../shared/ipc/contract'
import type { TileFileInfo } from '../../../shared/ipc/features/tiles-contract'
import { formatArea, formatLength, largeAreaUnit, type Units } from '../../../shared/units/format'
import { api } from '../api'
import { usePlanStore } from './plan'

/** The plan's settings as last stored; the map follows the background-map ones, every readout the units. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings | null>(null)
  /** Resolved by the main process (the setting, else the system locale); metric until loaded. */
  const units = computed<Units>(() => settings.value?.units ?? 'metric')
  const area = (m2: number): string => formatArea(m2, units.value)
  const length = (m: number): string => formatLength(m, units.value)
  /** One unit for a column of neighborhood-sized areas: km² or sq mi. */
  const bigArea = computed(() => largeAreaUnit(units.value))

  async function load(): Promise<Settings> {
    settings.value = await api.getSettings()
    return settings.value
  }

  /** Saves the form as one write: its answer goes through plan.took() like every write's (findings, history, these settings). */
  async function save(patch: InputOf<'settings:set'>): Promise<Settings> {
    const r = await api.setSettings(patch)
    if (r.write) usePlanStore().took(r.write)
    settings.value = r.settings
    return r.settings
  }

  /** The settings a write answered with (this window's save, or the plan's settings another desk changed on the server). */
  function took(s: Settings): void {
    settings.value = s
  }

  /** Sets (or clears) a PMTiles or MBTiles file as the background; the main process opens it first and refuses one it cannot read. */
  async function setBackgroundFile(path: string | null): Promise<TileFileInfo | null> {
    const r = await api.setBackgroundFile({ path })
    settings.value = r.settings
    return r.info
  }

  return { settings, units, area, length, bigArea, load, save, took, setBackgroundFile }
})
