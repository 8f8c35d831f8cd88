import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { APP_ENTRY, createAppProtocolHandler, isAppOrigin } from '../../src/main/app-protocol'
import { contentSecurityPolicy } from '../../src/main/security'

const base = mkdtempSync(join(tmpdir(), 'acp-protocol-'))
const renderer = join(base, 'out', 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Area Command Planner</title>')
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)')
// Beside the renderer: the plan and the app's code, which the page must never read.
writeFileSync(join(base, 'out', 'plan.sqlite'), 'SQLite format 3\0 officers')
mkdirSync(join(base, 'out', 'main'))
writeFileSync(join(base, 'out', 'main', 'index.js'), 'secret main code')
symlinkSync(join(base, 'out', 'plan.sqlite'), join(renderer, 'assets', 'plan-link.sqlite'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

const handle = createAppProtocolHandler(renderer, contentSecurityPolicy())
const get = (url: string, method = 'GET') => handle({ url, method })

describe('the window is served from app://renderer, not file://', () => {
  it('serves the renderer page and its assets with the content security policy as a response header', async () => {
    const page = await get(APP_ENTRY)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(await page.text()).toContain('Area Command Planner')
    const js = await get('app://renderer/assets/index-abc.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    expect((await get('app://renderer/')).status).toBe(200)
  })

  it.each([
    ['a parent path', 'app://renderer/../plan.sqlite'],
    ['an encoded parent path', 'app://renderer/%2e%2e/plan.sqlite'],
    ['an encoded parent path deeper down', 'app://renderer/assets/%2E%2E%2F%2E%2E%2Fmain%2Findex.js'],
    ['an encoded backslash', 'app://renderer/..%5cplan.sqlite'],
    ['a NUL byte', 'app://renderer/index.html%00.js'],
    ['a link pointing out of the folder', 'app://renderer/assets/plan-link.sqlite'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a file that is not there', 'app://renderer/nothing.js'],
  ])('refuses %s with a 404 that names nothing on disk', async (_what, url) => {
    const r = await get(url)
    expect(r.status).toBe(404)
    const body = await r.text()
    expect(body).not.toContain(base)
    expect(body).not.toContain('officers')
    expect(body).not.toContain('secret')
  })

  it('answers only GET and HEAD', async () => {
    expect((await get(APP_ENTRY, 'POST')).status).toBe(405)
    const head = await get(APP_ENTRY, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('the IPC sender check compares origins: our page passes, look-alikes do not', () => {
    expect(isAppOrigin('app://renderer/index.html')).toBe(true)
    expect(isAppOrigin('app://renderer/index.html#/findings')).toBe(true)
    expect(isAppOrigin('app://renderer.evil/index.html')).toBe(false)
    expect(isAppOrigin('app://other/index.html')).toBe(false)
    expect(isAppOrigin('file:///opt/acp/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(isAppOrigin('https://renderer/index.html')).toBe(false)
    expect(isAppOrigin('not a url')).toBe(false)
    // In development the dev server is the page's origin, compared as an origin too.
    expect(isAppOrigin('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isAppOrigin('http://localhost:51730/index.html', 'http://localhost:5173')).toBe(false)
    expect(isAppOrigin('app://renderer/index.html', 'http://localhost:5173')).toBe(false)
  })
})
