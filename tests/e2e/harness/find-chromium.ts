import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
/** Chromium's own network chatter is refused on offline machines; these keep it quiet. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']

function playwrightOwn(): string | null {
  try {
    const p = chromium.executablePath()
    return p && existsSync(p) ? p : null
  } catch {
    return null
  }
}

/**
 * Playwright's own Chromium when installed, else the system's, else one download attempt;
 * failing all three, stop with what to do rather than a stack trace.
 */
export function findChromium(): string {
  const own = playwrightOwn()
  if (own) return own
  const system = process.env.ACP_CHROMIUM ?? SYSTEM_CHROMIUMS.find((p) => existsSync(p))
  if (system) return system
  try {
    execFileSync(process.execPath, [require.resolve('@playwright/test/cli'), 'install', 'chromium'], { stdio: 'ignore', timeout: 180_000 })
  } catch {
    /* offline: fall through to the message */
  }
  const downloaded = playwrightOwn()
  if (downloaded) return downloaded
  throw new Error(
    'No Chromium for the browser tests. Install one: `npx playwright install chromium` (needs internet), or on Debian/Ubuntu `sudo apt-get install chromium`, or set ACP_CHROMIUM to a Chromium/Chrome executable.',
  )
}
