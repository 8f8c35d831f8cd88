import { PROCESS_IO } from './cli/installed'
import { runCli } from './cli/run-cli'

export { runCli }

/** `npm run cli -- <command> [flags]` (tsx); the packaged app runs the same through `--cli`. */
const isMain = typeof require !== 'undefined' && require.main === module
if (isMain) {
  void runCli(process.argv.slice(2), PROCESS_IO).then((code) => {
    process.exitCode = code
  })
}
