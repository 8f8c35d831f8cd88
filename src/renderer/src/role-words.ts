import type { Profile } from '../../shared/domain'

/** What a profile may change and what it leaves to Administration, in the words the guide and the role notice use. */
export interface RoleWords {
  may: string[]
  /** Empty for Administration. */
  adminMust: string[]
}

export function roleWords(profile: Profile, areaName: string): RoleWords {
  if (profile.role === 'admin')
    return {
      may: [
        'Change every Area Command and neighborhood, and the city limit',
        'Import layers and the roster, and move officers between Area Commands',
        'Assign Area Commanders, balance staffing and publish the plan',
      ],
      adminMust: [],
    }
  return {
    may: [
      `Reshape, draw, split, merge and delete neighborhoods inside ${areaName}`,
      `Have ${areaName}'s officers adopt its neighborhoods, and edit their details`,
      'See every other area and all findings, to check your borders',
    ],
    adminMust: [
      'Change Area Command boundaries or the city limit',
      'Move an officer to another Area Command (an area transfer)',
      'Import layers or the roster, assign Area Commanders, and publish',
    ],
  }
}
