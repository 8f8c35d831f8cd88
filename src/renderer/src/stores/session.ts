import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { parseProfileKey, type Profile } from '../../../shared/domain'
import type { AppInfo } from '../../../shared/ipc/outputs'
import { api } from '../api'
import { usePlanStore } from './plan'
import { usePublishStore } from './publish'

export const useSessionStore = defineStore('session', () => {
  const profile = ref<Profile>({ role: 'admin' })
  const osUser = ref('')
  const info = ref<AppInfo | null>(null)

  const isAdmin = computed(() => profile.value.role === 'admin')
  /** Whether the current profile may edit things in this area (the main process checks again). */
  function canEditArea(areaId: string | null | undefined): boolean {
    return profile.value.role === 'admin' || (!!areaId && profile.value.areaId === areaId)
  }

  /**
   * A profile in words, for the picker and the history lists: 'Administration', or the area's
   * commander ('Lt. H. Nguyen, Northeast'; 'Area Commander, Northeast' while none is assigned).
   * Takes a stored key ('commander:NE') too; one whose area is gone stays readable.
   */
  function profileLabel(p: Profile | string): string {
    const profile = typeof p === 'string' ? parseProfileKey(p) : p
    if (!profile) return String(p)
    if (profile.role === 'admin') return 'Administration'
    const plan = usePlanStore()
    const area = plan.areaById.get(profile.areaId)
    if (!area) return `Area Commander, ${profile.areaId}`
    const lt = area.commanderId ? plan.officerById.get(area.commanderId) : undefined
    return `${lt ? `${lt.rank === 'Lieutenant' ? 'Lt.' : lt.rank} ${lt.displayName}` : 'Area Commander'}, ${area.name}`
  }

  async function load(): Promise<void> {
    const [s, i] = await Promise.all([api.getSession(), api.appInfo()])
    profile.value = s.profile
    osUser.value = s.osUser
    info.value = i
  }

  /** Switches profile; the answer carries the profile's undo history head and publish status, nothing is asked again. */
  async function setProfile(p: Profile): Promise<void> {
    const s = await api.setProfile(p)
    profile.value = s.profile
    usePlanStore().tookHistoryHead(s.history)
    usePublishStore().took(s.publish)
  }

  return { profile, osUser, info, isAdmin, canEditArea, profileLabel, load, setProfile }
})
