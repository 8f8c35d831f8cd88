import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** electron-builder flips these fuses in the packaged binary (package.json "build.electronFuses"). */
const build = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')).build

describe('the packaged Electron binary has its fuses set as a police IT audit expects', () => {
  it('cannot be run as plain Node, takes no NODE_OPTIONS or --inspect, encrypts cookies, loads only its own integrity-checked asar, and gives file:// no extra privileges', () => {
    expect(build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packages the app as an asar archive (the integrity fuse checks it)', () => {
    expect(build.asar ?? true).toBe(true)
  })
})
