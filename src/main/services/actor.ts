import type { Profile } from '../../shared/domain'

/** Who is acting: the OS account plus the profile chosen in the app. Recorded on every audit row. */
export interface Actor {
  osUser: string
  profile: Profile
}
