import { DEFAULT_TOLERANCES, DEFAULT_VACANCY_FALLBACK, profileKey, stableStringify, vacancyFallbackProblems, type ChangeSet, type Tolerances, type VacancyFallback } from '../../shared/domain'
import type { Actor } from './actor'
import { AppError } from './app-error'
import { isPlanSetting, SETTING_WORDS } from './plan-settings'
import { NO_DEPARTMENT, SAMPLE_DEPARTMENT, type DepartmentContact } from '../../shared/publish/public-dataset'
import type { Settings } from '../../shared/ipc/outputs'
import type { ProjectedCrs } from '../../shared/map/projected-crs'
import { unitsForLocale, type Units } from '../../shared/units/format'
import type { Repos } from '../db/repos'
import type { Shift } from '../../shared/staffing/shifts'

/** The locale of the computer the app or the command line runs on ('en-US', 'de-DE', ...). */
export function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale
}

export interface SettingsPatch {
  tolerances?: Partial<Tolerances>
  tileUrl?: string | null
  tileAttribution?: string | null
  backgroundFile?: string | null
  department?: DepartmentContact
  vacancyFallback?: VacancyFallback
  units?: Units
  /** Checked by WorkloadService.checkShifts first. */
  shifts?: Shift[]
}

/**
 * Where the plan's settings are kept when the plan is shared (a department server): a change of
 * them is stored there first, in one transaction with its log entry, or refused (offline, or a
 * login that may not); only then is it written here.
 */
export interface SettingsAuthority {
  storeSettings(values: Record<string, unknown>, entry: { label: string; profile: string; osUser: string }): Promise<void>
  /** The local audit row of settings the authority stored: it is not sent again. */
  recorded(auditSeq: number): void
}

/** A settings change as stored: its audit row and (empty) change set, or null when it changed nothing. */
export interface SettingsChange {
  settings: Settings
  step: { seq: number; changeSet: ChangeSet } | null
}

const DESK_WORDS: Record<string, string> = { tileUrl: 'background map', tileAttribution: 'background map', backgroundFile: 'background map' }

export class SettingsService {
  private readonly listeners: ((s: Settings) => void)[] = []
  private authority: SettingsAuthority | null = null
  /** @param locale decides the units while none are stored; passed in so tests choose it. */
  constructor(
    private readonly repos: Repos,
    private readonly locale: string = systemLocale(),
  ) {}

  get(): Settings {
    const units = this.repos.settings.get<Units | null>('units')
    return {
      tolerances: { ...DEFAULT_TOLERANCES, ...(this.repos.settings.get<Partial<Tolerances>>('tolerances') ?? {}) },
      tileUrl: this.repos.settings.get<string | null>('tileUrl') || null,
      tileAttribution: this.repos.settings.get<string | null>('tileAttribution') || null,
      backgroundFile: this.repos.settings.get<string | null>('backgroundFile') || null,
      department: this.department(),
      vacancyFallback: this.vacancyFallback(),
      units: units === 'us' || units === 'metric' ? units : unitsForLocale(this.locale),
      unitsFromLocale: units !== 'us' && units !== 'metric',
      projectedCrs: this.repos.settings.get<ProjectedCrs | null>('projectedCrs') ?? null,
    }
  }

  /**
   * Nothing stored: a plan has no department of its own yet. The sample city is the exception:
   * plans seeded before the seed stored its department still publish as the sample's own.
   */
  private department(): DepartmentContact {
    const stored = this.repos.settings.get<Partial<DepartmentContact>>('department')
    if (stored) return { ...NO_DEPARTMENT, ...stored }
    return { ...(this.repos.city.get()?.sample ? SAMPLE_DEPARTMENT : NO_DEPARTMENT) }
  }

  private vacancyFallback(): VacancyFallback {
    const v = this.repos.settings.get<VacancyFallback | null>('vacancyFallback')
    return v ? { cover: v.cover, sergeants: { ...v.sergeants } } : { ...DEFAULT_VACANCY_FALLBACK, sergeants: {} }
  }

  /** The plan-check settings: the tolerances, and who covers a vacancy (its finding names them). */
  checkSettings(): Tolerances {
    const s = this.get()
    return { ...s.tolerances, vacancy: s.vacancyFallback }
  }

  /** The plan's settings are kept by `authority` (a department server) from now on; null: by this plan alone. */
  useAuthority(authority: SettingsAuthority | null): void {
    this.authority = authority
  }

  /** The stored value of each key a patch sets (checked against the roster first). */
  private values(patch: SettingsPatch): Record<string, unknown> {
    if (patch.vacancyFallback) {
      const problems = vacancyFallbackProblems(patch.vacancyFallback, this.repos.areas.list(), this.repos.officers.list())
      if (problems.length) throw new AppError('bad-settings', `${problems.join('. ')}. Nothing was saved.`, { problems })
    }
    const v: Record<string, unknown> = {}
    if (patch.tolerances) v.tolerances = { ...this.get().tolerances, ...patch.tolerances }
    if (patch.department) v.department = patch.department
    if (patch.vacancyFallback) v.vacancyFallback = { cover: patch.vacancyFallback.cover, sergeants: { ...patch.vacancyFallback.sergeants } }
    if (patch.tileUrl !== undefined) v.tileUrl = patch.tileUrl
    if (patch.tileAttribution !== undefined) v.tileAttribution = patch.tileAttribution
    if (patch.backgroundFile !== undefined) v.backgroundFile = patch.backgroundFile
    if (patch.units) v.units = patch.units
    if (patch.shifts) v.shifts = patch.shifts
    return v
  }

  /** Writes stored values as they are (null: not set) and tells every listener. */
  private write(values: Record<string, unknown>, alsoInTransaction: () => void = () => {}): Settings {
    this.repos.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.repos.settings.set(key, value)
      alsoInTransaction()
    })()
    const s = this.get()
    for (const l of this.listeners) l(s)
    return s
  }

  /** Sets settings of this file without an audit row (the command line's `settings`, the seed, the background file). */
  set(patch: SettingsPatch): Settings {
    return this.write(this.values(patch))
  }

  /**
   * The settings form's save, one gesture: only what differs from what is in use is stored, with
   * one audit row (no undo step) in the same transaction. On a shared plan the plan's settings
   * among them go to the server first; when it refuses them (offline, or a login that may not
   * change them), nothing is saved here either.
   */
  async change(patch: SettingsPatch, actor: Actor): Promise<SettingsChange> {
    const values = this.values(patch)
    const now = this.get()
    const inUse: Record<string, unknown> = {
      tolerances: now.tolerances, department: now.department, vacancyFallback: now.vacancyFallback, units: now.unitsFromLocale ? null : now.units,
      tileUrl: now.tileUrl, tileAttribution: now.tileAttribution, backgroundFile: now.backgroundFile, shifts: this.repos.settings.get('shifts') ?? null,
    }
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => stableStringify(inUse[k] ?? null) !== stableStringify(v ?? null)))
    const keys = Object.keys(changed)
    if (!keys.length) return { settings: now, step: null }
    const label = `Settings: ${[...new Set(keys.map((k) => (isPlanSetting(k) ? SETTING_WORDS[k] : DESK_WORDS[k] ?? k)))].join(', ')}`
    const profile = profileKey(actor.profile)
    const sharedKeys = keys.filter(isPlanSetting)
    const shared = Object.fromEntries(sharedKeys.map((k) => [k, changed[k]]))
    // The app's own check comes first; on a department server PostgreSQL refuses it as well.
    if (sharedKeys.length && actor.profile.role !== 'admin') {
      throw new AppError('forbidden', `Only Administration changes the plan's ${sharedKeys.map((k) => SETTING_WORDS[k]).join(', ')}. Nothing was saved.`)
    }
    if (this.authority && Object.keys(shared).length) await this.authority.storeSettings(shared, { label, profile, osUser: actor.osUser })
    const changeSet: ChangeSet = { label, ops: [] }
    let seq = 0
    const settings = this.write(changed, () => {
      seq = this.repos.audit.insert({ at: new Date().toISOString(), osUser: actor.osUser, profile, action: 'settings', label, changeSet, inverse: changeSet, state: null })
      // The server has it already (or it is this desk's own): the step is never sent as a change set.
      this.authority?.recorded(seq)
    })
    return { settings, step: { seq, changeSet } }
  }

  /** The plan's settings as another desk stored them (a department server's): written as they are, listeners told; the caller logs the step. */
  took(values: Record<string, unknown>): Settings {
    return this.write(values)
  }

  /** Recorded by imports, not by the settings form: the system the department's layers came in. */
  setProjectedCrs(crs: ProjectedCrs): Settings {
    this.repos.settings.set('projectedCrs', crs)
    const s = this.get()
    for (const l of this.listeners) l(s)
    return s
  }

  /** Whether the plan stores a department of its own (the seed sets the sample's only when none is). */
  hasStoredDepartment(): boolean {
    return this.repos.settings.get<DepartmentContact | null>('department') != null
  }

  onChange(l: (s: Settings) => void): void {
    this.listeners.push(l)
  }
}
