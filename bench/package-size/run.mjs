/**
 * What electron-builder copies into app.asar besides out/: the production dependency tree
 * (package-lock.json entries not marked dev), measured on disk in node_modules.
 * Run: node bench/package-size/run.mjs [lockfile]   (default: ./package-lock.json)
 * Before/after another lockfile: git show <rev>:package-lock.json > /tmp/lock.json, then run
 * with /tmp/lock.json while that tree is installed.
 */
import { readdirSync, readFileSync, lstatSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const lock = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'package-lock.json'), 'utf8'))

function du(p) {
  let st
  try {
    st = lstatSync(p)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.size
  let s = 0
  for (const n of readdirSync(p)) {
    // Nested node_modules are packages of their own, counted by their own lock entry.
    if (n === 'node_modules') continue
    s += du(join(p, n))
  }
  return s
}

const prod = Object.entries(lock.packages).filter(([p, e]) => p.startsWith('node_modules/') && !e.dev && !e.devOptional)
const sized = prod.map(([p]) => [p.replace(/^.*node_modules\//, ''), du(join(root, p))]).sort((a, b) => b[1] - a[1])
const total = sized.reduce((s, [, b]) => s + b, 0)
const mb = (b) => (b / 1048576).toFixed(1) + ' MB'
console.log(`Production dependencies electron-builder would copy: ${sized.length} packages, ${mb(total)}`)
console.log('Largest:')
for (const [name, b] of sized.slice(0, 12)) console.log(`  ${name.padEnd(32)} ${mb(b)}`)
