#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules'
// Node build (used by the tests and the CLI) untouched. The app loads it through
// better-sqlite3's `nativeBinding` option. Needs, once, a machine that can reach Electron's
// prebuilt binaries or headers. @electron/rebuild is not used: on some machines it reports
// success while leaving the Node build in place.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const outDir = join(root, 'native', 'electron')
const stamp = join(outDir, 'VERSION')
const want = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}\n`

function fail(msg) {
  console.error(`\n${msg}\n`)
  process.exit(1)
}

const pathFile = join(electronDir, 'path.txt')
if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !(existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))))) {
  fail(
    `Electron ${electronVersion}'s binary is not installed (node_modules/electron/dist is missing).\n` +
      'It is downloaded on first use from GitHub; this machine could not fetch it. On a machine with internet access run\n' +
      '  npx install-electron --no   (or delete node_modules/electron and run npm install)\n' +
      'then npm start again. Everything else (npm test, npm run cli) works without it.',
  )
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(outDir, 'better_sqlite3.node'))) process.exit(0)

const work = join(root, '.tmp', 'better-sqlite3-electron')
rmSync(work, { recursive: true, force: true })
mkdirSync(dirname(work), { recursive: true })
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${sqliteDir}/build`) })
const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' }
console.log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`)
let built = false
try {
  execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, stdio: 'inherit', env })
  built = existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'))
} catch {
  console.log('No prebuilt binary could be fetched; compiling against Electron headers instead.')
}
if (!built) {
  try {
    const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [process.execPath, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] })
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env })
    built = existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'))
  } catch {
    built = false
  }
}
if (!built) fail('Could not build better-sqlite3 for Electron: Electron headers and prebuilt binaries are unreachable from this machine. Run `npm start` once where they can be downloaded; the result is kept in native/electron/.')
mkdirSync(outDir, { recursive: true })
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'))
writeFileSync(stamp, want)
rmSync(work, { recursive: true, force: true })
console.log(`Electron build of better-sqlite3 ready in ${outDir}`)
