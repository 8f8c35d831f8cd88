import { connectServer } from '../server/connect'
import { areaExists, setLogin } from '../server/repos/login-repo'
import { readSchemaVersion } from '../server/repos/schema-repo'
import { str } from './args'
import { EXIT, InputError, UsageError, type CliCommand } from './command'

const LOGIN = /^[a-z_][a-z0-9_.-]{0,62}$/i

export const serverUserCommand: CliCommand = {
  name: 'server user',
  summary: 'Create or change a login on the department server: commander of one Area Command, or Administration.',
  usages: [
    'npm run cli -- server user --server <owner url> --login <name> --role commander --area <area id> [--password-env <VAR>]',
    'npm run cli -- server user --server <owner url> --login <name> --role administration [--password-env <VAR>]',
  ],
  flags: {
    server: { type: 'string', required: true, arg: '<owner url>', help: 'the database owner\'s URL' },
    login: { type: 'string', required: true, arg: '<name>', help: 'the database login (letters, digits, _ . -)' },
    role: { type: 'string', required: true, values: ['commander', 'administration'], help: 'what the login may change' },
    area: { type: 'string', arg: '<area id>', help: 'the Area Command a commander may edit (required for --role commander)' },
    'password-env': { type: 'string', arg: '<VAR>', help: 'the environment variable holding the login\'s password (needed when the login is new)' },
  },
  async run(flags, io) {
    const login = str(flags, 'login')!
    const role = str(flags, 'role') as 'commander' | 'administration'
    const area = str(flags, 'area') ?? null
    if (!LOGIN.test(login)) throw new UsageError(`server user: --login must be letters, digits, _ . - (at most 63), not '${login}'`)
    if (role === 'commander' && !area) throw new UsageError('server user: --role commander needs --area <area id>')
    if (role === 'administration' && area) throw new UsageError('server user: --area is only for --role commander')
    const envName = str(flags, 'password-env')
    let password: string | null = null
    if (envName) {
      password = process.env[envName] ?? null
      if (!password) throw new InputError(`server user: the environment variable ${envName} named by --password-env is not set or empty`)
    }
    const client = await connectServer(str(flags, 'server')!).catch((e: Error) => {
      throw new InputError(e.message)
    })
    try {
      if ((await readSchemaVersion(client)) === 0) throw new InputError('The server has no plan schema yet; run: npm run cli -- server setup --server <owner url>')
      if (area && !(await areaExists(client, area))) io.err(`Note: the plan on the server has no Area Command ${area} yet; the login can edit it once it exists.`)
      await setLogin(client, login, role, area, password).catch((e: Error) => {
        throw new InputError(`server user: ${e.message}`)
      })
      io.out(role === 'commander' ? `${login} is the Area Commander of ${area} on this server.` : `${login} is Administration on this server.`)
      return EXIT.ok
    } finally {
      await client.end()
    }
  },
}
