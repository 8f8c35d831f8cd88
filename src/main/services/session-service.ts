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

  /** Set while the desk works with a department server: the profile the server gives this login. */
  private server: { profile: Profile; login: string } | null = null

  /**
   * From now on the profile is the one the department server gives `login` (commander of one
   * area, or Administration), not one picked here: the picker's choice no longer applies.
   */
  useServerProfile(profile: Profile, login: string): void {
    this.server = { profile, login }
  }

  actor(): Actor {
    return { osUser: this.osUser, profile: this.current() }
  }

  /** Falls back to Administration when the remembered area no longer exists (e.g. after an import). */
  current(): Profile {
    if (this.server) return this.server.profile
    if (this.profile.role === 'commander' && !this.repos.areas.get(this.profile.areaId)) this.profile = { role: 'admin' }
    return this.profile
  }

  info(): SessionInfo {
    return { osUser: this.osUser, profile: this.current() }
  }

  setProfile(p: Profile): SessionInfo {
    if (this.server)
      throw new AppError('server-profile', `Signed in to the department server as ${this.server.login}: the server says which area you may edit, not this picker.`)
    if (p.role === 'commander' && !this.repos.areas.get(p.areaId))
      throw new AppError('unknown-area', `There is no Area Command with id "${p.areaId}".`)
    this.profile = p
    this.repos.settings.set(`profile:${this.osUser}`, profileKey(p))
    return this.info()
  }
}
