import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { bool, str } from './args'
import { EXIT, InputError, type CliCommand } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create an empty plan database (migrated to the current schema), optionally with the sample city.',
  flags: {
    db: { ...TARGET_FLAGS.db, help: 'the plan database file to create (or --server)' },
    sample: { type: 'boolean', help: 'seed the bundled sample city (approximate Livermore, fictional roster)' },
    server: TARGET_FLAGS.server,
  },
  notes: ['An existing plan that holds anything is never overwritten.'],
  async run(flags, io) {
    const file = str(flags, 'db')
    const existed = file !== undefined && existsSync(resolve(file)) && statSync(resolve(file)).size > 0
    // On a server the schema comes from 'server setup'; init fills an empty server plan like an empty file.
    const plan = await openTarget('init', flags, { create: true })
    const name = plan.name
    try {
      const { plans, seed } = plan.services
      const s = plans.load()
      if (s.city || s.areas.length || s.neighborhoods.length || s.officers.length) {
        throw new InputError(
          `${name} already holds a plan (${s.areas.length} Area Commands, ${s.neighborhoods.length} neighborhoods, ${s.officers.length} officers); init never overwrites a plan: choose a new file`,
        )
      }
      if (bool(flags, 'sample')) {
        seed.seed(plan.actor)
        await plan.finish()
        // The sample department's contact is the plan's: on a server every desk uses it.
        await plan.shareSettings('Settings of the sample city')
        const n = plans.load()
        io.out(`Created ${name} with the sample city (approximate Livermore, fictional roster): ${n.areas.length} Area Commands, ${n.neighborhoods.length} neighborhoods, ${n.officers.length} officers.`)
      } else io.out(existed || file === undefined ? `${name} is an empty plan database, ready for import.` : `Created the empty plan database ${name}.`)
      return EXIT.ok
    } finally {
      await plan.closeAll()
    }
  },
}
