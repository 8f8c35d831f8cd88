import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { bool, str } from './args'
import { EXIT, InputError, type CliCommand } from './command'
import { openPlan } from './open-plan'

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create an empty plan database (migrated to the current schema), optionally with the sample city.',
  flags: {
    db: { type: 'string', required: true, arg: '<file>', help: 'the plan database file to create' },
    sample: { type: 'boolean', help: 'seed the bundled sample city (approximate Livermore, fictional roster)' },
  },
  notes: ['An existing plan that holds anything is never overwritten.'],
  async run(flags, io) {
    const dbPath = str(flags, 'db')!
    const existed = existsSync(resolve(dbPath)) && statSync(resolve(dbPath)).size > 0
    const plan = await openPlan(dbPath, { create: true })
    try {
      const { plans, seed } = plan.services
      const s = plans.load()
      if (s.city || s.areas.length || s.neighborhoods.length || s.officers.length) {
        throw new InputError(
          `${dbPath} already holds a plan (${s.areas.length} Area Commands, ${s.neighborhoods.length} neighborhoods, ${s.officers.length} officers); init never overwrites a plan: choose a new file`,
        )
      }
      if (bool(flags, 'sample')) {
        seed.seed(plan.actor)
        const n = plans.load()
        io.out(`Created ${dbPath} with the sample city (approximate Livermore, fictional roster): ${n.areas.length} Area Commands, ${n.neighborhoods.length} neighborhoods, ${n.officers.length} officers.`)
      } else io.out(existed ? `${dbPath} is an empty plan database, ready for import.` : `Created the empty plan database ${dbPath}.`)
      return EXIT.ok
    } finally {
      plan.close()
    }
  },
}
