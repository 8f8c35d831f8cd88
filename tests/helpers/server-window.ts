import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConnectionStore, type SecretBox } from '../../src/main/server/connection-store'
import { prepareWorkingCopy, ServerLink } from '../../src/main/server/server-link'
import type { ServerConnectionInfo } from '../../src/shared/ipc/features/server-contract'
import type { ServerEvent } from '../../src/shared/ipc/features/server-events'
import { makeServices } from './services'

/**
 * Stands in for Electron's safeStorage (which needs the Electron binary and a keyring): real
 * AES-256-GCM with a key that lives only in this process, so the saved text is never the password.
 */
export function testSecretBox(): SecretBox {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => true,
    encryptString(plain) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decryptString(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      d.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8')
    },
  }
}

export type ServerWindow = ReturnType<typeof makeServices> & {
  link: ServerLink
  store: ConnectionStore
  userDataPath: string
  /** Every event the link pushed to the window, in order. */
  events: ServerEvent[]
  /** Where pushed events also go (the browser harness points it at its page). */
  forward: ((e: ServerEvent) => void) | null
  close(): Promise<void>
}

/**
 * One app window's main-process side connected to a department server as the app does at
 * startup with a connection saved in Settings: its own user data folder and SecretBox, the
 * login's working copy, and a ServerLink on its own connection.
 */
export async function openServerWindow(conn: ServerConnectionInfo, password: string, osUser: string): Promise<ServerWindow> {
  const userDataPath = mkdtempSync(join(tmpdir(), 'acp-userdata-'))
  const store = new ConnectionStore(userDataPath, testSecretBox())
  store.save(conn, password)
  const services = makeServices({ seed: false, dbPath: prepareWorkingCopy(userDataPath, conn), osUser })
  const events: ServerEvent[] = []
  const w = Object.assign(services, { store, userDataPath, events, forward: null as ServerWindow['forward'] }) as ServerWindow
  w.link = new ServerLink(services, store, conn, {
    push: (e) => {
      events.push(e)
      w.forward?.(e)
    },
    retryMs: 200,
  })
  w.close = async () => {
    await w.link.stop()
    services.cleanup()
    rmSync(userDataPath, { recursive: true, force: true })
  }
  await w.link.start()
  return w
}
