import { promises as fsp } from 'node:fs'
import { extname, isAbsolute, relative, resolve } from 'node:path'

/**
 * The window's own origin. The renderer is served through a privileged custom protocol
 * (`protocol.handle`) instead of file://: the content security policy arrives as a response
 * header, the IPC sender check compares a real origin, and nothing on disk but the renderer's
 * own folder is reachable from the page. Kept free of any electron import so Node tests run it.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready: a standard, secure origin with fetch. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

export interface ProtocolFs {
  realpath(p: string): Promise<string>
  readFile(p: string): Promise<Uint8Array>
}

const NODE_FS: ProtocolFs = { realpath: (p) => fsp.realpath(p), readFile: (p) => fsp.readFile(p) }

/**
 * The handler for `protocol.handle(APP_SCHEME, …)`: GET and HEAD of files inside `rendererDir`
 * (after following links), answered with the policy header; any other host, a path that
 * leaves the folder (`..`, encoded or not, a link pointing out), or a file that is not there
 * gets a 404 that names nothing on disk.
 */
export function createAppProtocolHandler(rendererDir: string, csp: string, fs: ProtocolFs = NODE_FS): (request: { url: string; method?: string }) => Promise<Response> {
  const root = resolve(rendererDir)
  let realRoot: Promise<string> | null = null
  const headers = (type: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  })
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') })
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: headers('text/plain; charset=utf-8') })
    const file = fileFor(root, request.url)
    if (!file) return notFound()
    try {
      realRoot ??= fs.realpath(root)
      const [real, base] = await Promise.all([fs.realpath(file), realRoot])
      if (!inside(base, real)) return notFound()
      const body = method === 'HEAD' ? null : await fs.readFile(real)
      return new Response(body as ConstructorParameters<typeof Response>[0], { status: 200, headers: headers(TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream') })
    } catch {
      return notFound()
    }
  }
}

/** The file a URL names inside the renderer folder, or null (other scheme or host, a path leaving it). */
export function fileFor(root: string, url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const file = resolve(root, '.' + path)
  return inside(root, file) ? file : null
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Whether a frame's URL is our window's page: the app:// origin, or (in development) the dev
 * server's origin. Compared as origins, so `app://renderer.evil` or a path that merely starts
 * with the same text does not pass.
 */
export function isAppOrigin(url: string, devServerUrl?: string): boolean {
  const origin = originOf(url)
  if (!origin) return false
  if (devServerUrl) return origin === originOf(devServerUrl)
  return origin === APP_ORIGIN
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    // Node's URL gives custom schemes an origin of "null": build it from scheme and host.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`
  } catch {
    return null
  }
}
