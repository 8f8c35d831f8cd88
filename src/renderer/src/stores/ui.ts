import { defineStore } from 'pinia'
import { ref } from 'vue'

export type RightTab = 'findings' | 'staffing' | 'history'
export type MapRequest = 'zoom-in' | 'zoom-out' | 'zoom-fit' | 'zoom-my-area'

/**
 * What is open in the window, where the menu (and the buttons) can reach it: the right panel's
 * tab, the dialogs, and one-shot requests to the parts that own the thing asked for (the map,
 * the lookup box, the area list), each a request with a number so asking twice acts twice.
 */
export const useUiStore = defineStore('ui', () => {
  const rightTab = ref<RightTab>('findings')
  const publishOpen = ref(false)
  const aboutOpen = ref(false)
  const shortcutsOpen = ref(false)
  const mapRequest = ref<{ kind: MapRequest; seq: number } | null>(null)
  const lookupFocus = ref(0)
  const printRequest = ref(0)
  /** A neighborhood the map is asked to bring into view (an officer card was clicked). */
  const neighborhoodRequest = ref<{ id: string; seq: number } | null>(null)
  let seq = 0

  function askMap(kind: MapRequest): void {
    mapRequest.value = { kind, seq: ++seq }
  }

  function showNeighborhood(id: string): void {
    neighborhoodRequest.value = { id, seq: ++seq }
  }

  return { rightTab, publishOpen, aboutOpen, shortcutsOpen, mapRequest, neighborhoodRequest, lookupFocus, printRequest, askMap, showNeighborhood }
})
