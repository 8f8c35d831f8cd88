import { DEFAULT_TOLERANCES, DEFAULT_VACANCY_FALLBACK, vacancyFallbackProblems, type Tolerances, type VacancyFallback } from '../../shared/domain'
import { AppError } from './app-error'
import { NO_DEPARTMENT, SAMPLE_DEPARTMENT, type DepartmentContact } from '../../shared/publish/public-dataset'
import type { Settings } from '../../shared/ipc/outputs'
import type { ProjectedCrs } from '../../shared/map/projected-crs'
import { unitsForLocale, type Units } from '../../shared/units/format'
import type { Repos } from '../db/repos'

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
}

export class SettingsService {
  private readonly listeners: ((s: Settings) => void)[] = []
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

  set(patch: SettingsPatch): Settings {
    if (patch.vacancyFallback) {
      const problems = vacancyFallbackProblems(patch.vacancyFallback, this.repos.areas.list(), this.repos.officers.list())
      if (problems.length) throw new AppError('bad-settings', `${problems.join('. ')}. Nothing was saved.`, { problems })
    }
    this.repos.db.transaction(() => {
      if (patch.tolerances) this.repos.settings.set('tolerances', { ...this.get().tolerances, ...patch.tolerances })
      if (patch.department) this.repos.settings.set('department', patch.department)
      if (patch.vacancyFallback) this.repos.settings.set('vacancyFallback', { cover: patch.vacancyFallback.cover, sergeants: { ...patch.vacancyFallback.sergeants } })
      if (patch.tileUrl !== undefined) this.repos.settings.set('tileUrl', patch.tileUrl)
      if (patch.tileAttribution !== undefined) this.repos.settings.set('tileAttribution', patch.tileAttribution)
      if (patch.backgroundFile !== undefined) this.repos.settings.set('backgroundFile', patch.backgroundFile)
      if (patch.units) this.repos.settings.set('units', patch.units)
    })()
    const s = this.get()
    for (const l of this.listeners) l(s)
    return s
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
