import type { Db } from '../connection'
import { AddressRepo } from './address-repo'
import { AreaRepo } from './area-repo'
import { AuditRepo } from './audit-repo'
import { CallsRepo } from './calls-repo'
import { CityRepo } from './city-repo'
import { NeighborhoodRepo } from './neighborhood-repo'
import { OfficerRepo } from './officer-repo'
import { ReferenceLayerRepo } from './reference-layer-repo'
import { SettingsRepo } from './settings-repo'
import { VersionRepo } from './version-repo'

export interface Repos {
  db: Db
  city: CityRepo
  areas: AreaRepo
  neighborhoods: NeighborhoodRepo
  officers: OfficerRepo
  settings: SettingsRepo
  audit: AuditRepo
  versions: VersionRepo
  addresses: AddressRepo
  calls: CallsRepo
  references: ReferenceLayerRepo
}

export function createRepos(db: Db): Repos {
  return {
    db,
    city: new CityRepo(db),
    areas: new AreaRepo(db),
    neighborhoods: new NeighborhoodRepo(db),
    officers: new OfficerRepo(db),
    settings: new SettingsRepo(db),
    audit: new AuditRepo(db),
    versions: new VersionRepo(db),
    addresses: new AddressRepo(db),
    calls: new CallsRepo(db),
    references: new ReferenceLayerRepo(db),
  }
}

export type { AuditEntry } from './audit-repo'
