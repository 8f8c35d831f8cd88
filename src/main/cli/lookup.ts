import type { LookupAnswer } from '../../shared/lookup/point-lookup'
import { COVER_ROLE_WORDS, type PublicOfficer } from '../../shared/publish/public-dataset'
import { safeLine } from '../../shared/text/safe-text'
import { bool, num } from './args'
import { EXIT, UsageError, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

function person(o: PublicOfficer): string {
  return safeLine(`${o.rank} ${o.name} (${[o.email, o.phone].filter(Boolean).join(', ')})`)
}

/**
 * The same words the public page uses, one fact per line. Stored text is put in with safeLine:
 * a name with a line break (as an older version could store) must not forge a line of its own.
 */
export function describeAnswer(a: LookupAnswer): string[] {
  const lines: string[] = []
  // A plan whose department is not set yet (publishing is refused until it is) says so instead of leaving blanks.
  const dept = {
    name: safeLine(a.department.name) || 'department',
    phone: safeLine(a.department.nonEmergencyPhone) || '(not set yet)',
    emergency: safeLine(a.department.emergency),
  }
  lines.push(a.neighborhood ? `Neighborhood: ${safeLine(a.neighborhood.name)} (${safeLine(a.neighborhood.id)})` : 'Neighborhood: none is mapped at this point')
  lines.push(`Area Command: ${a.area ? `${safeLine(a.area.name)} (${safeLine(a.area.id)})` : 'none'}`)
  if (a.neighborhood && a.officers.length) lines.push(`Officers: ${a.officers.map(person).join('; ')}`)
  else if (a.neighborhood) {
    const c = a.cover
    lines.push(
      c && c.role !== 'department'
        ? `Officers: none assigned at present; contact ${COVER_ROLE_WORDS[c.role]}, ${person(c)}`
        : `Officers: none assigned at present; contact the ${dept.name} non-emergency line, ${dept.phone}`,
    )
  }
  lines.push(
    a.commander
      ? `Area Commander: ${person(a.commander)}`
      : `Area Commander: not assigned at present; contact the ${dept.name} non-emergency line, ${dept.phone}`,
  )
  lines.push(`Emergencies: call ${dept.emergency}; non-emergency ${dept.phone}`)
  return lines
}

export const lookupCommand: CliCommand = {
  name: 'lookup',
  summary: 'Who is the neighborhood officer at a point: neighborhood, Area Command, officers and commander (public fields only).',
  flags: {
    db: TARGET_FLAGS.db,
    lon: { type: 'number', required: true, arg: '<x>', help: 'longitude, WGS84 degrees in decimal notation (-121.76)' },
    lat: { type: 'number', required: true, arg: '<y>', help: 'latitude, WGS84 degrees in decimal notation (37.68)' },
    json: { type: 'boolean', help: 'print the answer as JSON' },
    server: TARGET_FLAGS.server,
  },
  notes: ['Exit 1 when the point is outside every Area Command; 2 on bad numbers (hexadecimal, Infinity, spaces or a comma for the point are refused).'],
  async run(flags, io) {
    const lon = num(flags, 'lon')!
    const lat = num(flags, 'lat')!
    if (Math.abs(lon) > 180) throw new UsageError(`lookup: --lon must be between -180 and 180, not ${lon}`)
    if (Math.abs(lat) > 90) throw new UsageError(`lookup: --lat must be between -90 and 90, not ${lat}`)
    const plan = await openTarget('lookup', flags, { readOnly: true })
    try {
      const a = plan.services.lookup.lookup(lon, lat)
      if (bool(flags, 'json')) io.out(JSON.stringify(a ? { lon, lat, inside: true, ...a } : { lon, lat, inside: false }, null, 2))
      else if (a) for (const l of describeAnswer(a)) io.out(l)
      else io.out(`${lon}, ${lat} is outside the city: no Area Command covers it.`)
      return a ? EXIT.ok : EXIT.blocked
    } finally {
      await plan.closeAll()
    }
  },
}
