/// <reference types="vite/client" />
import type { Api } from '../../shared/ipc/contract'
import type { MenuEvents } from '../../shared/ipc/menu'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Given by the preload (or the browser-test harness); only api.ts may touch it. */
    api: Api & MenuEvents
  }
}
