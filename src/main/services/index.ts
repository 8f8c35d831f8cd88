import type { Db } from '../db/connection'
import { migrate } from '../db/migrate'
import { createRepos, type Repos } from '../db/repos'
import { AddressService } from './address-service'
import { BackupService } from './backup-service'
import { ChangeService } from './change-service'
import { ImportService } from './import-service'
import { LayerReader } from './import-source'
import { workerThreadChild, type SpawnParseChild } from '../import/parse-off-thread'
import { IMPORT_PROGRESS_EVENT } from '../../shared/ipc/features/import-progress'
import type { PushSink } from '../../shared/ipc/events'
import { LookupService } from './lookup-service'
import { PlanService } from './plan-service'
import { PublishService } from './publish-service'
import { ReferenceLayerService } from './reference-layer-service'
import { RepairService } from './repair-service'
import { SeedService } from './seed-service'
import { SessionService } from './session-service'
import { SettingsService } from './settings-service'
import { TileService, type TileFetch } from './tile-service'
import { createStaffingServices, type StaffingServices } from './staffing-services'
import { ValidationService } from './validation-service'
import { WriteService } from './write-service'
import { FollowedViews } from './followed-views'

export interface ServiceConfig {
  db: Db
  dbPath: string
  userDataPath: string
  /** Folder holding the bundled sample city (resources/geo). */
  sampleDir: string
  osUser: string
  appVersion: string
  /** Where backups of the plan go; default `<dir of dbPath>/backups`. */
  backupDir?: string
  /** The Electron shell restarts the app (to finish a restore); absent in the CLI and tests. */
  requestRestart?: () => void
  /** How background-map tiles are fetched; default Node's fetch. */
  fetchTile?: TileFetch
  /** The locale whose units apply while the plan stores none; default the system's. */
  locale?: string
  /** Starts the process that parses big layers: Electron's utilityProcess in the app; default a worker thread; null parses in this process. */
  parseChild?: SpawnParseChild | null
  /** Sends a push event to the window (an import's progress); absent on the command line. */
  push?: PushSink
}

export interface Services extends StaffingServices {
  config: ServiceConfig
  repos: Repos
  plans: PlanService
  settings: SettingsService
  validation: ValidationService
  changes: ChangeService
  session: SessionService
  seed: SeedService
  backups: BackupService
  publish: PublishService
  lookup: LookupService
  addresses: AddressService
  imports: ImportService
  tiles: TileService
  repairs: RepairService
  writes: WriteService
  references: ReferenceLayerService
}

/** The composition root shared by the Electron app, the CLI and the tests. */
export function createServices(config: ServiceConfig): Services {
  migrate(config.db)
  const repos = createRepos(config.db)
  const plans = new PlanService(repos)
  const settings = new SettingsService(repos, config.locale)
  const validation = new ValidationService(plans, settings, () => config.db.pragma('data_version', { simple: true }) as number)
  const changes = new ChangeService(repos, validation)
  const session = new SessionService(repos, config.osUser)
  const seed = new SeedService(plans, changes, config.sampleDir, settings)
  const backups = new BackupService(config.db, config.dbPath, config.backupDir)
  const backupBeforePublish = config.dbPath === ':memory:' ? null : async () => (await backups.backup('publish')).file
  const department = () => settings.get().department
  const vacancy = () => settings.get().vacancyFallback
  const protect = config.dbPath === ':memory:' ? null : { dbPath: config.dbPath, backupDir: backups.backupDir }
  const publish = new PublishService(repos, plans, validation, backupBeforePublish, undefined, department, protect, undefined, vacancy)
  const lookup = new LookupService(repos, plans, department, vacancy)
  const imports = new ImportService(plans, changes, validation, config.dbPath === ':memory:' ? null : async () => (await backups.backup('import')).file, (crs) => settings.setProjectedCrs(crs),
    new LayerReader(config.parseChild === undefined ? workerThreadChild : config.parseChild, (p) => config.push?.(IMPORT_PROGRESS_EVENT, p)))
  const addresses = new AddressService(repos)
  const tiles = new TileService(settings, config.fetchTile)
  const repairs = new RepairService(plans, validation, changes, settings)
  const staffing = createStaffingServices(repos, plans, changes)
  const writes = new WriteService(repos, changes, validation, publish, new FollowedViews(staffing.staffing, repairs))
  const references = new ReferenceLayerService(repos.references, () => settings.get().projectedCrs)
  return { config, repos, plans, settings, validation, changes, session, seed, backups, publish, lookup, addresses, imports, tiles, repairs, writes, references, ...staffing }
}
