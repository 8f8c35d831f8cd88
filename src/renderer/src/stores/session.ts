import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Profile } from '../../../shared/domain'
import type { AppInfo } from '../../../shared/ipc/outputs'
import { api } from '../api'
import { usePlanStore } from './plan'

export const useSessionStore = defineStore('session', () => {
  const profile = ref<Profile>({ role: 'admin' })
  const osUser = ref('')
  const info = ref<AppInfo | null>(null)

  const isAdmin = computed(() => profile.value.role === 'admin')
  /** Whether the current profile may edit things in this area (the main process checks again). */
  function canEditArea(areaId: string | null | undefined): boolean {
    return profile.value.role === 'admin' || (!!areaId && profile.value.areaId === areaId)
  }

  async function load(): Promise<void> {
    const [s, i] = await Promise.all([api.getSession(), api.appInfo()])
    profile.value = s.profile
    osUser.value = s.osUser
    info.value = i
  }

  async function setProfile(p: Profile): Promise<void> {
    const s = await api.setProfile(p)
    profile.value = s.profile
    // Undo history is kept per profile.
    await usePlanStore().loadHistoryHead()
  }

  return { profile, osUser, info, isAdmin, canEditArea, load, setProfile }
})
