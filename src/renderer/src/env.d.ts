/// <reference types="vite/client" />
import type { WindowApi } from '../../shared/ipc/contract'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Given by the preload (or the browser-test harness); only api.ts may touch it. */
    api: WindowApi
  }
}
