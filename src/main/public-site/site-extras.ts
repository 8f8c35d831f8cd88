import { tileTemplateProblem } from '../../shared/map/tile-template'
import type { Repos } from '../db/repos'
import type { AddressPoint } from '../db/repos/address-repo'

/**
 * At most this many address points go into the public page. The index is inline in index.html
 * (browsers block fetch() of a file opened from disk), at about 30 bytes an address: 500,000
 * addresses, more than most US cities have, make a page of some 15 MB. Beyond that the page says
 * how many were left out.
 */
export const MAX_BUNDLED_ADDRESSES = 500_000

/** Coordinates are stored in millionths of a degree from an origin (about 0.1 m), as integers. */
const SCALE = 1e6

/** The address points as the page carries them: [address, dx, dy] rows in address order. */
export interface AddressIndex {
  origin: [number, number]
  scale: number
  rows: [string, number, number][]
  /** How many address points the plan holds (more than rows.length when some were left out). */
  total: number
}

export interface SiteExtras {
  addresses: AddressIndex | null
  /** An https XYZ template for the optional background map, with the credit it needs. */
  tiles: { url: string; attribution: string } | null
}

export function addressIndex(points: AddressPoint[], total: number): AddressIndex | null {
  if (!points.length) return null
  let lon0 = Infinity
  let lat0 = Infinity
  for (const p of points) [lon0, lat0] = [Math.min(lon0, p.lon), Math.min(lat0, p.lat)]
  lon0 = Math.floor(lon0 * 100) / 100
  lat0 = Math.floor(lat0 * 100) / 100
  return {
    origin: [lon0, lat0],
    scale: SCALE,
    rows: points.map((p) => [p.address, Math.round((p.lon - lon0) * SCALE), Math.round((p.lat - lat0) * SCALE)]),
    total,
  }
}

/**
 * What the public page carries beside the plan: the department's address points (for the
 * address search) and, when Administration set one, the background map. Only an https tile
 * server goes on the public page: a localhost server is the department's own computer, which a
 * resident's browser cannot reach.
 */
export function siteExtras(repos: Repos, limit = MAX_BUNDLED_ADDRESSES): SiteExtras {
  const total = repos.addresses.count()
  const url = repos.settings.get<string | null>('tileUrl') || null
  const tiles = url && url.startsWith('https://') && !tileTemplateProblem(url) ? { url, attribution: repos.settings.get<string | null>('tileAttribution') || '' } : null
  return { addresses: total ? addressIndex(repos.addresses.first(limit), total) : null, tiles }
}
