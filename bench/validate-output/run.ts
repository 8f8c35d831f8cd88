/**
 * `validate`'s output on plans with many findings (issue 17 item 14): the text against `--json`,
 * and against today's formatter (print-findings-before.ts) in the same run, for 10,000, 42,746
 * and 200,000 findings; first the formatter alone, then the whole command as a user runs it.
 * Every run is a process of its own, so today's quadratic formatter can be stopped at a limit.
 *
 *   npx tsx bench/validate-output/run.ts      (BENCH_RUNS=3, PEER_LIMIT_S=90, BENCH_SIZES=10000,42746,200000,
 *   BENCH_PART=formatter|command for one half)
 *
 * Today's code runs once per size, stopped after PEER_LIMIT_S; once stopped, it is not run on
 * the larger size (it would only be stopped again) and the output says so.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { addMisplacedOfficers } from './many-findings-plan'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PEER_LIMIT_S = Number(process.env.PEER_LIMIT_S ?? 90)
// 10,000 is a size today's code still finishes, to show its output is the same bytes as ours.
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10_000, 42_746, 200_000]

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const secs = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`)
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
const load = (): string => `${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`

interface Run {
  ms: number
  bytes: number
  sha256: string
}

/**
 * A process of its own; null when it was stopped at the limit. `ok` lists the exit codes that
 * mean it did its work (validate exits 1 on these plans: they have blocking findings).
 */
function child(args: string[], limitS: number, ok: number[], stdoutFile?: string): { ms: number; stdout: string } | null {
  const fd = stdoutFile ? openSync(stdoutFile, 'w') : undefined
  try {
    const t = performance.now()
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repo,
      encoding: 'utf8',
      timeout: limitS * 1000,
      killSignal: 'SIGKILL',
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
    const ms = performance.now() - t
    if (r.signal) return null
    if (!ok.includes(r.status ?? -1) || r.stderr) throw new Error(`${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`)
    return { ms, stdout: r.stdout ?? '' }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function formatOnce(which: 'text' | 'json' | 'before', count: number, limitS = 600): Run | null {
  const r = child([path.join(here, 'format-child.ts'), which, String(count)], limitS, [0])
  return r ? (JSON.parse(r.stdout) as Run) : null
}

function formatterAlone(): void {
  console.log(`Formatter alone (findings generated in the child first; median of ${RUNS} runs, today's formatter 1 run):`)
  let stoppedAt = 0
  for (const n of SIZES) {
    const text = Array.from({ length: RUNS }, () => formatOnce('text', n)!)
    const json = Array.from({ length: RUNS }, () => formatOnce('json', n)!)
    const t = median(text.map((r) => r.ms))
    const j = median(json.map((r) => r.ms))
    const before = stoppedAt ? null : formatOnce('before', n, PEER_LIMIT_S)
    if (!before && !stoppedAt) stoppedAt = n
    const peer = before
      ? `today's formatter ${secs(before.ms)} (${(before.ms / t).toFixed(0)}x ours), same bytes: ${before.sha256 === text[0].sha256 ? 'yes' : 'NO'}`
      : stoppedAt === n
        ? `today's formatter did not finish within ${PEER_LIMIT_S} s (stopped)`
        : `today's formatter not run (stopped at ${PEER_LIMIT_S} s on ${stoppedAt.toLocaleString('en-US')} already)`
    console.log(`  ${n.toLocaleString('en-US')} findings: text ${secs(t)} (${(text[0].bytes / 1e6).toFixed(1)} MB), --json ${secs(j)} (${(json[0].bytes / 1e6).toFixed(1)} MB), text/json ${(t / j).toFixed(2)}x; ${peer}`)
  }
}

function wholeCommand(dir: string): void {
  console.log(`Whole command (node --import tsx src/main/cli.ts validate, stdout to a file, start-up included; median of ${RUNS} runs, today's code 1 run):`)
  let stoppedAt = 0
  for (const n of SIZES) {
    const db = path.join(dir, `plan-${n}.sqlite`)
    if (!child(['src/main/cli.ts', 'init', '--db', db, '--sample'], 600, [0])) throw new Error('init did not finish')
    addMisplacedOfficers(db, n)
    const textOut = path.join(dir, `text-${n}.txt`)
    const jsonOut = path.join(dir, `json-${n}.txt`)
    const beforeOut = path.join(dir, `before-${n}.txt`)
    const cli = (json: boolean, out: string): number => child(['src/main/cli.ts', 'validate', '--db', db, ...(json ? ['--json'] : [])], 600, [1], out)!.ms
    // Alternate the two so a change in the machine's load falls on both.
    const text: number[] = []
    const json: number[] = []
    for (let r = 0; r < RUNS; r++) {
      text.push(cli(false, textOut))
      json.push(cli(true, jsonOut))
    }
    const t = median(text)
    const j = median(json)
    const before = stoppedAt ? null : child([path.join(here, 'validate-before.ts'), db], PEER_LIMIT_S, [1], beforeOut)
    if (!before && !stoppedAt) stoppedAt = n
    const peer = before
      ? `today's code ${secs(before.ms)} (${(before.ms / t).toFixed(1)}x ours), same bytes: ${sha(beforeOut) === sha(textOut) ? 'yes' : 'NO'}`
      : stoppedAt === n
        ? `today's code did not finish within ${PEER_LIMIT_S} s (stopped)`
        : `today's code not run (stopped at ${PEER_LIMIT_S} s on ${stoppedAt.toLocaleString('en-US')} already)`
    const mb = (f: string): string => `${(statSync(f).size / 1e6).toFixed(1)} MB`
    console.log(`  ${n.toLocaleString('en-US')} findings: text ${secs(t)} (${mb(textOut)}), --json ${secs(j)} (${mb(jsonOut)}), text/json ${(t / j).toFixed(2)}x; ${peer}`)
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'acp-bench-validate-output-'))
try {
  console.log(`Load average at start: ${load()}`)
  if (process.env.BENCH_PART !== 'command') formatterAlone()
  if (process.env.BENCH_PART !== 'formatter') wholeCommand(dir)
  console.log(`Load average at end: ${load()}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
