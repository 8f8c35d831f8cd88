/**
 * Imports of big layers (issue 16): a 50 MB GeoJSON, 200,000 small features, a zipped Shapefile of
 * 480 MB unzipped and a KMZ of 450 MB unzipped, each imported as Area Commands by the `import`
 * command into a fresh plan, in a process of its own under /usr/bin/time, which gives the wall
 * time and the peak memory (maximum resident set) of the whole process, and how it ended (an
 * abort is exit 134 or a signal). The same commands run against the code before issue 16 (a git
 * worktree at BENCH_BEFORE, default: none) in the same run. Then the parser alone, the same way,
 * since the whole command's time is mostly the plan check of the stored layer, which this does not touch.
 *
 *   npx tsx bench/import/run.ts
 *   BENCH_BEFORE=/tmp/wt-before npx tsx bench/import/run.ts    (a worktree of the old commit with node_modules linked)
 *   BENCH_INPUTS=geojson-50mb,small-200k  BENCH_DIR=/tmp/acp-bench-import  BENCH_LIMIT_S=900  BENCH_SIDES=ours,before  BENCH_PART=import,parse
 *
 * The inputs are generated into BENCH_DIR on the first run (bench/import/generate.ts) and kept.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureInputs, INPUTS, type BenchInput } from './generate'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const DIR = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'acp-bench-import')
const KEYS = (process.env.BENCH_INPUTS ?? INPUTS.map((i) => i.key).join(',')).split(',')
const BEFORE = process.env.BENCH_BEFORE ?? null
const LIMIT_S = Number(process.env.BENCH_LIMIT_S ?? 900)
/** BENCH_SIDES=before runs today's code only (say, while ours is being changed). */
const SIDES = (process.env.BENCH_SIDES ?? 'ours,before').split(',')
/** import: the whole `import` command (parse, store, plan check); parse: the parser alone. */
const PARTS = (process.env.BENCH_PART ?? 'import,parse').split(',')

/** How the command ended; under `timeout`, a signal shows as exit 128 + its number (137: stopped at the limit, 134: aborted, e.g. out of memory). */
function ending(r: { error?: Error; signal: NodeJS.Signals | null; status: number | null }): string {
  if (r.error || r.status === 137) return `stopped after ${LIMIT_S} s`
  if (r.signal) return `killed by ${r.signal}`
  if (r.status === 134) return 'exit 134 (SIGABRT: aborted)'
  return `exit ${r.status}`
}

interface Outcome {
  seconds: number
  /** User + system CPU time of the process (all its threads): what the load of a shared machine changes least. */
  cpu: number
  peakMb: number
  exit: string
  said: string
}

function cli(root: string, args: string[], timed: boolean): Outcome {
  const node = [process.execPath, '--import', 'tsx', path.join(root, 'src/main/cli.ts'), ...args]
  // The limit is enforced by `timeout` under `time`: spawnSync's own timeout would kill only /usr/bin/time and leave node running.
  const cmd = timed ? ['/usr/bin/time', '-f', 'BENCH_TIME %e %M %U %S', 'timeout', '--signal=KILL', String(LIMIT_S), ...node] : node
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, encoding: 'utf8', timeout: (LIMIT_S + 60) * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 })
  const m = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '')
  const text = `${r.stdout ?? ''}\n${(r.stderr ?? '').replace(/BENCH_TIME.*\n?/, '')}`
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  // The first line that says what happened: the import's report, its refusal, or the crash.
  const said = lines.find((l) => /^Imported|^error|refused|limit|heap|out of memory|Error/i.test(l)) ?? lines[0] ?? ''
  const exit = ending(r)
  return { seconds: m ? Number(m[1]) : NaN, cpu: m ? Number(m[3]) + Number(m[4]) : NaN, peakMb: m ? Number(m[2]) / 1024 : NaN, exit, said: said.slice(0, 220) }
}

/** The parse alone (bench/import/parse-child.ts), by the parser of `root`: what streaming changes, without the plan check after storing. */
function parseOnce(root: string, input: BenchInput): Outcome {
  const args = ['--import', 'tsx', path.join(here, 'parse-child.ts'), root, path.join(DIR, input.file)]
  const r = spawnSync('/usr/bin/time', ['-f', 'BENCH_TIME %e %M %U %S', 'timeout', '--signal=KILL', String(LIMIT_S), process.execPath, ...args], { cwd: repo, encoding: 'utf8', timeout: (LIMIT_S + 60) * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 })
  const m = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '')
  const lines = `${r.stdout ?? ''}\n${(r.stderr ?? '').replace(/BENCH_TIME.*\n?/, '')}`.split('\n').map((l) => l.trim()).filter(Boolean)
  const said = lines.find((l) => /^Parsed|^refused|heap|out of memory/i.test(l)) ?? lines[0] ?? ''
  const exit = ending(r)
  return { seconds: m ? Number(m[1]) : NaN, cpu: m ? Number(m[3]) + Number(m[4]) : NaN, peakMb: m ? Number(m[2]) / 1024 : NaN, exit, said: said.slice(0, 220) }
}

function importOnce(root: string, input: BenchInput): Outcome {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acp-bench-import-plan-'))
  try {
    const db = path.join(dir, 'plan.sqlite')
    const init = cli(root, ['init', '--db', db], false)
    if (init.exit !== 'exit 0') throw new Error(`init failed in ${root}: ${init.said}`)
    return cli(root, ['import', '--db', db, '--layer', 'areas', '--file', path.join(DIR, input.file), '--id-field', input.idField], true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const show = (o: Outcome): string => `${o.seconds.toFixed(1)} s (CPU ${o.cpu.toFixed(1)} s), peak ${o.peakMb.toFixed(0)} MB, ${o.exit}: ${o.said}`

async function main(): Promise<void> {
  console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores), Node ${process.version}`)
  await ensureInputs(DIR, KEYS, (s) => console.log(s))
  for (const input of INPUTS.filter((i) => KEYS.includes(i.key))) {
    console.log(`\n${input.label}: ${input.file}, ${(statSync(path.join(DIR, input.file)).size / 2 ** 20).toFixed(1)} MB on disk`)
    if (PARTS.includes('import')) {
      if (SIDES.includes('ours')) console.log(`  import, ours:   ${show(importOnce(repo, input))}`)
      if (BEFORE && SIDES.includes('before')) console.log(`  import, before: ${show(importOnce(BEFORE, input))}`)
    }
    if (PARTS.includes('parse')) {
      if (SIDES.includes('ours')) console.log(`  parse only, ours:   ${show(parseOnce(repo, input))}`)
      if (BEFORE && SIDES.includes('before')) console.log(`  parse only, before: ${show(parseOnce(BEFORE, input))}`)
    }
  }
}

void main()
