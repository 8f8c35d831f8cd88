import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ServerConnectInput, ServerStatus } from '../../../shared/ipc/features/server-contract'
import { api, ApiError, onServerEvent } from '../api'
import { usePlanStore } from './plan'
import { useSessionStore } from './session'

const sameWho = (a: ServerStatus['identity'], b: ServerStatus['identity']) => a?.login === b?.login && a?.role === b?.role && a?.areaId === b?.areaId

/**
 * The department server as the window sees it: the connection's status (who the server says
 * the user is, online or offline, steps queued, steps refused) and every change set someone
 * else stored, taken into the plan like the window's own writes (plan.took).
 */
export const useServerStore = defineStore('server', () => {
  const status = ref<ServerStatus | null>(null)
  const message = ref<string | null>(null)
  const busy = ref(false)
  let stop: (() => void) | null = null

  const connected = computed(() => !!status.value && status.value.state !== 'none')
  const queued = computed(() => status.value?.queued ?? 0)
  const conflicts = computed(() => status.value?.conflicts ?? [])

  function take(s: ServerStatus): void {
    const was = status.value?.identity ?? null
    status.value = s
    // The profile is the server's: when it names another login or area, the window asks again who it acts as.
    if (s.identity && !sameWho(was, s.identity)) void useSessionStore().load().then(() => usePlanStore().loadHistoryHead())
  }

  /** Listens for the server's pushes and reads the status once; idempotent. */
  async function start(): Promise<void> {
    if (stop) return
    stop = onServerEvent((e) => {
      if (e.kind === 'status') take(e.status)
      else usePlanStore().took(e.write)
    })
    take(await api.serverStatus())
  }

  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true
    message.value = null
    try {
      await action()
    } catch (e) {
      message.value = e instanceof ApiError ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  const connect = (form: ServerConnectInput) =>
    run(async () => {
      take(await api.connectServer(form))
      message.value = `The server accepted ${form.login}. The connection is saved (the password in this computer's keyring); the app opens the department's plan when it restarts.`
    })

  const disconnect = () =>
    run(async () => {
      take(await api.disconnectServer())
      message.value = "The connection is forgotten; the app opens this computer's own plan when it restarts."
    })

  const redo = (localSeq: number) => run(async () => void usePlanStore().took(await api.redoServerConflict({ localSeq })))
  const drop = (localSeq: number) => run(async () => take(await api.dropServerConflict({ localSeq })))

  return { status, message, busy, connected, queued, conflicts, start, connect, disconnect, redo, drop }
})
