import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Polygon } from 'geojson'
import type { Officer } from '../../../src/shared/domain/entities'

export const GEO_DIR = path.resolve(__dirname, '../../../resources/geo')

/** `label` names the shape in failure messages. */
export interface Shape { label: string; polygon: Polygon }
export interface SampleArea extends Shape { id: string; name: string; color: string; commanderId: string | null }
export interface SampleHood extends Shape { id: string; areaId: string; name: string; color: string | null }
export interface SampleCity {
  city: Shape & { name: unknown; sample: unknown }
  areas: SampleArea[]
  hoods: SampleHood[]
  roster: { note: string; officers: Officer[] }
}

function readJson(file: string): any {
  const full = path.join(GEO_DIR, file)
  try {
    return JSON.parse(readFileSync(full, 'utf8'))
  } catch (e) {
    throw new Error(`sample city: cannot read ${full}: ${(e as Error).message}. Run: npx tsx scripts/make-sample-city.ts`)
  }
}

function polygonOf(feature: any, where: string): Polygon {
  if (feature?.geometry?.type !== 'Polygon') throw new Error(`${where}: geometry must be a Polygon, got ${feature?.geometry?.type}`)
  return feature.geometry as Polygon
}

export function loadSampleCity(): SampleCity {
  const cityFeature = readJson('city-limit.geojson')
  const areasFc = readJson('areas.geojson')
  const hoodsFc = readJson('neighborhoods.geojson')
  return {
    city: {
      label: 'city limit',
      name: cityFeature.properties?.name,
      sample: cityFeature.properties?.sample,
      polygon: polygonOf(cityFeature, 'city-limit.geojson'),
    },
    areas: areasFc.features.map((f: any, i: number) => ({
      ...f.properties,
      label: `area ${f.properties.id}`,
      polygon: polygonOf(f, `areas.geojson feature ${i}`),
    })),
    hoods: hoodsFc.features.map((f: any, i: number) => ({
      ...f.properties,
      label: `neighborhood ${f.properties.id}`,
      polygon: polygonOf(f, `neighborhoods.geojson feature ${i}`),
    })),
    roster: readJson('roster.json'),
  }
}

/** Deep copy, so a test can break one thing without touching the others' data. */
export function cloneCity(c: SampleCity): SampleCity {
  return structuredClone(c)
}
