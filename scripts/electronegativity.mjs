#!/usr/bin/env node
// Runs Doyensec's Electronegativity over src/ and fails on any HIGH or MEDIUM finding that
// electronegativity-allow.json does not list with a reason. Offline by design: the tool's
// two network look-ups (fresh translations, Electron's release list) are stubbed or skipped.
//
//   node scripts/electronegativity.mjs [--input src] [--allow electronegativity-allow.json]
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const input = resolve(root, arg('--input', 'src'))
const allowFile = resolve(root, arg('--allow', 'electronegativity-allow.json'))

const require = createRequire(import.meta.url)
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))

// The tool asks a web server for translations before every run; answer "unavailable" locally.
const toolRequire = createRequire(resolve(toolDir, 'dist/locales/i18n.js'))
const gotPath = toolRequire.resolve('got')
require.cache[gotPath] = {
  id: gotPath, filename: gotPath, loaded: true, children: [], paths: [],
  exports: () => Promise.reject(new Error('network disabled for electronegativity')),
}
const run = require('@doyensec/electronegativity')

const electronVersion = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).devDependencies?.electron?.replace(/^[^\d]*/, '')
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']

/** @type {{ id: string, file?: string, reason: string }[]} */
const allow = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')).allow ?? [] : []
for (const a of allow) {
  if (!a.id || typeof a.reason !== 'string' || a.reason.trim().length < 10)
    throw new Error(`${relative(root, allowFile)}: every entry needs an "id" and a "reason" of a sentence (bad entry: ${JSON.stringify(a)})`)
}

const quietLog = console.log
console.log = (...args) => (String(args[0]).startsWith('Could not retrieve updated translations') ? undefined : quietLog(...args))
const result = await run({
  input,
  isRelative: true,
  electronVersion,
  electronVersionOverride: electronVersion,
  // Needs Electron's release list from GitHub; the Electron version is pinned in package.json instead.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
})
console.log = quietLog

const sev = (i) => i.severity?.name ?? SEVERITIES[i.severity?.value] ?? String(i.severity)
const isAllowed = (i) => allow.find((a) => a.id === i.id && (!a.file || a.file === i.file))
const lines = []
let blocking = 0
for (const i of result.issues) {
  const level = sev(i).toUpperCase()
  const serious = level === 'HIGH' || level === 'MEDIUM'
  const allowed = isAllowed(i)
  if (serious && !allowed) blocking++
  const tag = serious ? (allowed ? 'allowed' : 'BLOCKING') : 'info'
  lines.push(`  [${tag}] ${level} ${i.id} ${i.file}:${i.location?.line ?? 0}:${i.location?.column ?? 0} - ${i.description}${allowed ? `\n      allowed because: ${allowed.reason}` : ''}`)
}
const parseErrors = result.errors.filter((e) => !e.tolerable)

console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${relative(root, input) || '.'} (Electron ${electronVersion}): ${result.globalChecks} global and ${result.atomicChecks} atomic checks, ${result.issues.length} findings`)
for (const l of lines) console.log(l)
for (const e of parseErrors) console.log(`  [PARSE ERROR] ${e.file}: ${e.message}`)
const unused = allow.filter((a) => !result.issues.some((i) => i.id === a.id && (!a.file || a.file === i.file)))
for (const a of unused) console.log(`  [stale allow-list entry] ${a.id}${a.file ? ` in ${a.file}` : ''}: nothing matches it any more; remove it`)

if (blocking > 0 || parseErrors.length > 0) {
  console.log(`electronegativity: ${blocking} HIGH/MEDIUM finding(s) not in ${relative(root, allowFile)}, ${parseErrors.length} file(s) not parsed`)
  process.exit(1)
}
console.log(`electronegativity: no HIGH or MEDIUM finding outside ${relative(root, allowFile)}`)
