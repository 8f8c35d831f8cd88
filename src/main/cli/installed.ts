import { setSqliteBinding } from '../db/sqlite-binding'
import { sqliteBindingForApp } from '../native-binding'
import type { CliIo } from './command'
import { EXIT } from './command'
import { runCli } from './run-cli'

/**
 * A reader that stops early (`... | head`) closes the pipe: the command's output is no longer
 * wanted, which is no error of the command, so it ends quietly instead of crashing on EPIPE.
 */
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
})

/** Standard output and error as the command line writes them. */
export const PROCESS_IO: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
}

/**
 * The installed app's command line: `<app binary> --cli <command> [flags]` runs the same
 * commands as `npm run cli` in a checkout, with the app's own SQLite build and no window, then
 * exits with the command's code. (The packaged binary cannot run as plain Node: its RunAsNode
 * fuse is off.)
 */
export async function runInstalledCli(args: string[], opts: { appRoot: string; resourcesPath?: string; io?: CliIo }): Promise<number> {
  const io = opts.io ?? PROCESS_IO
  try {
    setSqliteBinding(sqliteBindingForApp(opts.appRoot, opts.resourcesPath))
  } catch (e) {
    io.err((e as Error).message)
    return EXIT.usage
  }
  return runCli(args, io)
}
