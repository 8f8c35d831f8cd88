import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AreaCommand, ChangeOp, CityLimit, Neighborhood, Officer } from '../../shared/domain'
import { areaSchema, citySchema, neighborhoodSchema, officerSchema } from '../../shared/ipc/entity-schemas'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { ChangeService } from './change-service'
import type { PlanService } from './plan-service'
import { SAMPLE_DEPARTMENT } from '../../shared/publish/public-dataset'
import type { SettingsService } from './settings-service'

interface FeatureCollection { features: { properties: Record<string, unknown>; geometry: unknown }[] }

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (e) {
    throw new AppError('sample-unreadable', `The bundled sample file ${file} cannot be read: ${(e as Error).message}`)
  }
}

/** Reads the bundled sample city (resources/geo) into plain domain objects, checked like any input. */
export function readSampleCity(dir: string): { city: CityLimit; areas: AreaCommand[]; neighborhoods: Neighborhood[]; officers: Officer[] } {
  const cityFeature = readJson<{ properties: { name: string; sample: boolean }; geometry: unknown }>(join(dir, 'city-limit.geojson'))
  const city = citySchema.parse({ name: cityFeature.properties.name, sample: cityFeature.properties.sample === true, geometry: cityFeature.geometry })
  const areas = readJson<FeatureCollection>(join(dir, 'areas.geojson')).features.map((f) =>
    areaSchema.parse({ ...f.properties, geometry: f.geometry }),
  )
  const neighborhoods = readJson<FeatureCollection>(join(dir, 'neighborhoods.geojson')).features.map((f) =>
    neighborhoodSchema.parse({ ...f.properties, geometry: f.geometry }),
  )
  const officers = readJson<{ officers: unknown[] }>(join(dir, 'roster.json')).officers.map((o) => officerSchema.parse(o))
  return { city, areas, neighborhoods, officers }
}

/** First start: an empty database gets the sample city, in one transaction. */
export class SeedService {
  constructor(
    private readonly plans: PlanService,
    private readonly changes: ChangeService,
    private readonly sampleDir: string,
    private readonly settings: SettingsService,
  ) {}

  seedIfEmpty(actor: Actor): boolean {
    if (!this.plans.isEmpty()) return false
    this.seed(actor)
    return true
  }

  seed(actor: Actor): void {
    const s = readSampleCity(this.sampleDir)
    const ops: ChangeOp[] = [
      { entity: 'city', id: 'city', before: null, after: s.city },
      ...s.areas.map((a): ChangeOp => ({ entity: 'area', id: a.id, before: null, after: a })),
      ...s.neighborhoods.map((n): ChangeOp => ({ entity: 'neighborhood', id: n.id, before: null, after: n })),
      ...s.officers.map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: null, after: o })),
    ]
    this.changes.apply({ label: 'Load the sample city (approximate Livermore, fictional roster)', ops }, { ...actor, profile: { role: 'admin' } }, 'seed')
    // The sample publishes as its own department; a contact Administration already set stays.
    if (!this.settings.hasStoredDepartment()) this.settings.set({ department: SAMPLE_DEPARTMENT })
  }
}
