import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One code of the EPSG registry as the `epsg-index` package ships it (built from epsg.io / PROJ). */
export interface EpsgRecord {
  code: string
  /** 'CRS-PROJCRS', 'CRS-GEOGCRS', 'CRS-COMPOUNDCRS', 'CRS-VERTCRS', … */
  kind: string
  name: string
  /** The proj4 definition; null for the few systems PROJ cannot express as one. */
  proj4: string | null
  /** Area of use as [north, west, south, east] in degrees (west > east when it crosses 180°). */
  bbox?: [number, number, number, number]
  unit?: string
}

/**
 * epsg-index keeps each of its ~8,000 codes in a file of its own (s/<code>.json, about 1 kB), so
 * a code is read from disk only when an import names one proj4 does not know: startup stays fast
 * and memory small. The package is a runtime dependency, which electron-vite leaves outside the
 * main bundle and electron-builder ships with the app, so the lookup works offline.
 */
const requireRegistry = createRequire(__filename)
let registryDir: string | null = null

/** The registry's record for an EPSG (or Esri) code, or null when the registry has no such code. */
export function epsgRecord(code: number): EpsgRecord | null {
  // Only whole numbers reach the file name, so a code can never point outside the registry.
  if (!Number.isSafeInteger(code) || code <= 0) return null
  // Resolved through EPSG:4326, which every release holds: a missing package fails loudly here
  // instead of making every code look unknown.
  registryDir ??= dirname(requireRegistry.resolve('epsg-index/s/4326.json'))
  const file = join(registryDir, `${code}.json`)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EpsgRecord) : null
}
