import { startDevServer, stopDevServer } from './dev-server'

/**
 * `npm run dev-server -- --dir <folder> --port <n>`: a throw-away local PostgreSQL with PostGIS
 * for trying the department server (docs/department-server.md). Prints the owner URL and leaves
 * the server running; `--stop` stops the one in that folder.
 */
function main(argv: string[]): number {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const dir = flag('dir')
  if (!dir || (!argv.includes('--stop') && !flag('port'))) {
    console.error('Usage: npm run dev-server -- --dir <folder> --port <n>   (or: --dir <folder> --stop)')
    return 2
  }
  try {
    if (argv.includes('--stop')) {
      stopDevServer(dir)
      console.log(`Stopped the server in ${dir}`)
      return 0
    }
    const server = startDevServer({ dir, port: Number(flag('port')) })
    console.log(server.ownerUrl)
    console.error(`PostgreSQL is running on 127.0.0.1:${server.port} (data in ${server.dir}). Next: npm run cli -- server setup --server '${server.ownerUrl}'`)
    console.error(`Stop it with: npm run dev-server -- --dir ${dir} --stop`)
    return 0
  } catch (e) {
    console.error((e as Error).message)
    return 2
  }
}

process.exitCode = main(process.argv.slice(2))
