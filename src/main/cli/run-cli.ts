import { commandHelp, parseFlags, usageLines } from './args'
import { showValue } from '../../shared/text/bounded'
import { EXIT, InputError, UsageError, type CliCommand, type CliIo } from './command'
import { compareCommand } from './compare'
import { exportCommand } from './export'
import { importCommand } from './import'
import { initCommand } from './init'
import { lookupCommand } from './lookup'
import { nestingCommand } from './nesting'
import { printCommand } from './print'
import { repairCommand } from './repair'
import { restoreCommand } from './restore'
import { terminalSafeIo } from './terminal-io'
import { rosterCommand } from './roster'
import { serverPullCommand, serverPushCommand } from './server-push-pull'
import { serverSetupCommand } from './server-setup'
import { serverUserCommand } from './server-user'
import { settingsCommand } from './settings'
import { validateCommand } from './validate'
import { workloadCommand } from './workload'

/**
 * The command line over the same services as the app: `npm run cli -- <command> [flags]` in a
 * checkout, or the installed app's binary with `--cli` (src/main/index.ts). A command is one
 * file in this folder and one line in this table.
 */
const COMMANDS: CliCommand[] = [
  initCommand,
  importCommand,
  validateCommand,
  exportCommand,
  lookupCommand,
  compareCommand,
  restoreCommand,
  rosterCommand,
  settingsCommand,
  workloadCommand,
  nestingCommand,
  printCommand,
  repairCommand,
  serverSetupCommand,
  serverUserCommand,
  serverPushCommand,
  serverPullCommand,
]

function overview(): string {
  return [
    'Area Command Planner, command line. Usage: npm run cli -- <command> [flags]   (npm run cli -- <command> --help for details)',
    '',
    ...COMMANDS.flatMap((c) => [...usageLines(c).map((l) => `  ${l}`), `      ${c.summary}`]),
    '',
    'Exit codes: 0 done (nothing blocks publishing), 1 blocking findings or not found, 2 usage or input error (database unchanged).',
  ].join('\n')
}

/** Runs one command line and returns the exit code; never throws. Everything it prints is terminal-safe (see terminalSafeIo). */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafeIo(rawIo)
  // `server <what>` commands are two words: `server setup`, `server user`, ...
  const [name, ...rest] = argv[0] === 'server' && argv[1] && !argv[1].startsWith('-') ? [`server ${argv[1]}`, ...argv.slice(2)] : argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  const cmd = COMMANDS.find((c) => c.name === name)
  try {
    if (!cmd) throw new UsageError(`unknown command '${showValue(name, 60)}'; commands are: ${[...new Set(COMMANDS.map((c) => c.name.split(' ')[0]))].join(', ')}`)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(commandHelp(cmd))
      return EXIT.ok
    }
    return await cmd.run(parseFlags(cmd, rest), io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}. Run: npm run cli -- ${cmd ? `${cmd.name} ` : ''}--help`)
      return EXIT.usage
    }
    if (e instanceof InputError) {
      io.err(e.message)
      return EXIT.usage
    }
    io.err(`${cmd ? cmd.name : showValue(name, 60)} failed: ${showValue((e as Error)?.message ?? e, 1000)}`)
    return EXIT.usage
  }
}

