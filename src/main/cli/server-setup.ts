import { connectServer, redactUrl } from '../server/connect'
import { setupSchema } from '../server/repos/schema-repo'
import { str } from './args'
import { EXIT, InputError, type CliCommand } from './command'

export const serverSetupCommand: CliCommand = {
  name: 'server setup',
  summary: 'Create or upgrade the department server\'s plan schema (PostGIS tables, change log, roles, row-level security).',
  flags: {
    server: { type: 'string', required: true, arg: '<owner url>', help: 'postgres://owner:password@host:port/database of the database owner' },
  },
  notes: ['Idempotent: a current schema is left as it is, an older one is upgraded in one transaction, a newer one is refused.'],
  async run(flags, io) {
    const url = str(flags, 'server')!
    const client = await connectServer(url).catch((e: Error) => {
      throw new InputError(e.message)
    })
    try {
      const { from, to } = await setupSchema(client).catch((e: Error) => {
        throw new InputError(`server setup on ${redactUrl(url)} failed, nothing was changed: ${e.message}`)
      })
      io.out(from === to ? `The plan schema on ${redactUrl(url)} is current (version ${to}).` : from === 0 ? `Created the plan schema (version ${to}) on ${redactUrl(url)}.` : `Upgraded the plan schema on ${redactUrl(url)} from version ${from} to ${to}.`)
      return EXIT.ok
    } finally {
      await client.end()
    }
  },
}
