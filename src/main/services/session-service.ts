import { parseProfileKey, profileKey, type Profile } from '../../shared/domain'
import type { SessionInfo } from '../../shared/ipc/outputs'
import type { Repos } from '../db/repos'
import type { Actor } from './actor'
import { AppError } from './app-error'

/**
 * Who the user acts as. Remembered per OS account, so the app reopens as the same profile.
 * There is no login: the profile scopes what one person edits, and the audit log names both.
 */
export class SessionService {
  private profile: Profile
  constructor(
    private readonly repos: Repos,
    readonly osUser: string,
  ) {
    const saved = repos.settings.get<string>(`profile:${osUser}`)
    this.profile = (saved && parseProfileKey(saved)) || { role: 'admin' }
  }

  actor(): Actor {
    return { osUser: this.osUser, profile: this.current() }
  }

  /** Falls back to Administration when the remembered area no longer exists (e.g. after an import). */
  current(): Profile {
    if (this.profile.role === 'commander' && !this.repos.areas.get(this.profile.areaId)) this.profile = { role: 'admin' }
    return this.profile
  }

  info(): SessionInfo {
    return { osUser: this.osUser, profile: this.current() }
  }

  setProfile(p: Profile): SessionInfo {
    if (p.role === 'commander' && !this.repos.areas.get(p.areaId))
      throw new AppError('unknown-area', `There is no Area Command with id "${p.areaId}".`)
    this.profile = p
    this.repos.settings.set(`profile:${this.osUser}`, profileKey(p))
    return this.info()
  }
}
