import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security'
import { WEB_PREFERENCES } from '../../src/main/web-preferences'

const SRC = resolve(__dirname, '../../src')

function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/)
    expect(out.has(name), `directive ${name} appears twice`).toBe(false)
    out.set(name, values)
  }
  return out
}

/** Sources that load anything from outside the app's own files. */
const REMOTE = /^(https?:|wss?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i

function expectLockedDown(csp: string): void {
  const d = parseCsp(csp)
  expect(d.get('default-src')).toEqual(["'none'"])
  expect(d.get('script-src')).toEqual(["'self'"])
  expect(d.get('object-src')).toEqual(["'none'"])
  expect(d.get('base-uri')).toEqual(["'none'"])
  expect(d.get('form-action')).toEqual(["'none'"])
  for (const [name, values] of d) {
    expect(values, `${name} allows eval`).not.toContain("'unsafe-eval'")
    expect(values, `${name} allows wasm eval`).not.toContain("'wasm-unsafe-eval'")
    const remote = values.filter((v) => REMOTE.test(v))
    expect(remote, `${name} allows remote origins`).toEqual([])
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|vue|html)$/.test(n) ? [p] : []
  })
}

describe('the Electron window is locked down', () => {
  it('the renderer is isolated and sandboxed, with no Node.js, no webviews and web security on', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('every window is built from those settings, and no source file turns one of them off', () => {
    const files = sourceFiles(SRC)
    const windows = files.filter((f) => /new BrowserWindow\(/.test(readFileSync(f, 'utf8')))
    expect(windows.map((f) => f.slice(SRC.length + 1))).toEqual(['main/window.ts'])
    const windowTs = readFileSync(join(SRC, 'main/window.ts'), 'utf8')
    expect(windowTs).toMatch(/webPreferences: \{ \.\.\.WEB_PREFERENCES, preload: join\([^)]*\) \}/)
    const weakening = /\b(contextIsolation|sandbox|webSecurity):\s*false\b|\b(nodeIntegration\w*|allowRunningInsecureContent|webviewTag|experimentalFeatures):\s*true\b/
    const offenders = files.filter((f) => weakening.test(readFileSync(f, 'utf8')))
    expect(offenders.map((f) => f.slice(SRC.length + 1))).toEqual([])
  })

  it('the content security policy allows only our own files: no eval, no remote scripts, default none', () => {
    expectLockedDown(contentSecurityPolicy())
    // Background-map tiles arrive over IPC as blob: images: no remote origin, not even for images.
    expect(parseCsp(contentSecurityPolicy()).get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(parseCsp(contentSecurityPolicy()).get('connect-src')).toEqual(["'self'"])
  })

  it('the page’s own meta policy is just as strict', () => {
    const html = readFileSync(join(SRC, 'renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta, 'index.html has a CSP meta tag').not.toBeNull()
    expectLockedDown(meta![1])
  })
})
