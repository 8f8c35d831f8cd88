import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Path to the Electron executable when it is installed, without triggering Electron's
 * download-on-first-use (which hangs or fails on offline machines); null when absent.
 */
export function electronExecutable(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(p) ? p : null
  }
  const dir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(exe) ? exe : null
}

export const NO_ELECTRON_REASON =
  'The Electron binary is not installed on this machine (its download from GitHub is blocked here); the real-app tests run where it exists.'
