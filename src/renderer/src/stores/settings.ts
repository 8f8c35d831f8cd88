import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Settings } from '../../../shared/ipc/outputs'
import type { InputOf } from '../../../shared/ipc/contract'
import { api } from '../api'

/** The plan's settings as last stored; the map follows the background-map ones. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings | null>(null)

  async function load(): Promise<Settings> {
    settings.value = await api.getSettings()
    return settings.value
  }

  async function save(patch: InputOf<'settings:set'>): Promise<Settings> {
    settings.value = await api.setSettings(patch)
    return settings.value
  }

  return { settings, load, save }
})
