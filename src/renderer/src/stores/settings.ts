import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Settings } from '../../../shared/ipc/outputs'
import type { InputOf } from '../../../shared/ipc/contract'
import type { TileFileInfo } from '../../../shared/ipc/features/tiles-contract'
import { formatArea, formatLength, largeAreaUnit, type Units } from '../../../shared/units/format'
import { api } from '../api'

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

  async function save(patch: InputOf<'settings:set'>): Promise<Settings> {
    settings.value = await api.setSettings(patch)
    return settings.value
  }

  /** Sets (or clears) a PMTiles or MBTiles file as the background; the main process opens it first and refuses one it cannot read. */
  async function setBackgroundFile(path: string | null): Promise<TileFileInfo | null> {
    const r = await api.setBackgroundFile({ path })
    settings.value = r.settings
    return r.info
  }

  return { settings, units, area, length, bigArea, load, save, setBackgroundFile }
})
