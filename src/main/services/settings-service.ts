import { DEFAULT_TOLERANCES, type Tolerances } from '../../shared/domain'
import { DEFAULT_DEPARTMENT, type DepartmentContact } from '../../shared/publish/public-dataset'
import type { Settings } from '../../shared/ipc/outputs'
import type { Repos } from '../db/repos'

export class SettingsService {
  private readonly listeners: ((s: Settings) => void)[] = []
  constructor(private readonly repos: Repos) {}

  get(): Settings {
    return {
      tolerances: { ...DEFAULT_TOLERANCES, ...(this.repos.settings.get<Partial<Tolerances>>('tolerances') ?? {}) },
      tileUrl: this.repos.settings.get<string | null>('tileUrl') || null,
      tileAttribution: this.repos.settings.get<string | null>('tileAttribution') || null,
      department: { ...DEFAULT_DEPARTMENT, ...(this.repos.settings.get<Partial<DepartmentContact>>('department') ?? {}) },
    }
  }

  set(patch: { tolerances?: Partial<Tolerances>; tileUrl?: string | null; tileAttribution?: string | null; department?: DepartmentContact }): Settings {
    this.repos.db.transaction(() => {
      if (patch.tolerances) this.repos.settings.set('tolerances', { ...this.get().tolerances, ...patch.tolerances })
      if (patch.department) this.repos.settings.set('department', patch.department)
      if (patch.tileUrl !== undefined) this.repos.settings.set('tileUrl', patch.tileUrl)
      if (patch.tileAttribution !== undefined) this.repos.settings.set('tileAttribution', patch.tileAttribution)
    })()
    const s = this.get()
    for (const l of this.listeners) l(s)
    return s
  }

  onChange(l: (s: Settings) => void): void {
    this.listeners.push(l)
  }
}
