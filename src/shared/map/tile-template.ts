/**
 * The optional background map: an XYZ tile template such as
 * `https://tiles.example.org/{z}/{x}/{y}.png`. The main process fetches the tiles and hands
 * them to the renderer over IPC, so the renderer itself never talks to the network.
 */

/** Deepest zoom the map asks tiles for (street level is 16–18). */
export const MAX_TILE_ZOOM = 20

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?\//

/**
 * Null when the template is usable, else what is wrong with it, in words. Cleartext http is
 * refused (it would tell anyone on the wire which streets the department is looking at) except
 * on this computer, where an offline tile server usually runs.
 */
export function tileTemplateProblem(template: string): string | null {
  if (template.length > 500) return 'the tile URL is longer than 500 characters'
  if (/[\s'"<>\\]/.test(template)) return 'the tile URL contains a space, quote, angle bracket or backslash'
  if (!/^https:\/\/[^/]+\//.test(template) && !LOOPBACK.test(template))
    return 'the tile URL must start with https:// (or http://localhost/ for a tile server on this computer)'
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !template.includes(p))
  if (missing.length) return `the tile URL must contain ${missing.join(', ')} where the zoom, column and row go`
  try {
    new URL(tileUrlFor(template, 0, 0, 0))
  } catch {
    return 'the tile URL is not a valid address'
  }
  return null
}

/** The address of one tile. */
export function tileUrlFor(template: string, z: number, x: number, y: number): string {
  return template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y))
}
