import { defineStore } from 'pinia'
import { ref } from 'vue'

const DONE_KEY = 'acp.guide.done'
const NOTICE_KEY = 'acp.roleNotice.seen'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}
function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Storage refused (a locked-down profile): the guide simply shows again next time.
  }
}

/**
 * The first-run guide (three steps: your role, your area, what next) and the one-time role notice.
 * Both are remembered on this computer once dismissed; Help › Getting started opens the guide again.
 */
export const useGuideStore = defineStore('guide', () => {
  const open = ref(read(DONE_KEY) !== '1')
  const step = ref(0)
  const seenNotices = ref<string[]>(JSON.parse(read(NOTICE_KEY) ?? '[]') as string[])

  function show(): void {
    step.value = 0
    open.value = true
  }
  function dismiss(): void {
    open.value = false
    write(DONE_KEY, '1')
  }
  /** Whether the role notice for this profile (its key, 'commander:NE') was already read here. */
  const noticeSeen = (profileKey: string): boolean => seenNotices.value.includes(profileKey)
  function dismissNotice(profileKey: string): void {
    if (noticeSeen(profileKey)) return
    seenNotices.value = [...seenNotices.value, profileKey]
    write(NOTICE_KEY, JSON.stringify(seenNotices.value))
  }

  return { open, step, show, dismiss, noticeSeen, dismissNotice }
})
