import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { booleanPointInPolygon, feature, point } from '@turf/turf'
import { aggregateByShift, shiftReport } from '../../../src/shared/staffing/shift-workload'
import { DEFAULT_SHIFTS, wallTimeText } from '../../../src/shared/staffing/shifts'
import { callPointsOf, createPointIndex, type CallColumns } from '../../../src/shared/staffing/workload'
import { loadChicagoPlan, prng } from '../../workload/chicago-plan'

const here = path.dirname(fileURLToPath(import.meta.url))
const dataDir = path.resolve(here, '../../../../shared/real-data/chicago')
const N = 1_000_000
const NAIVE_SAMPLE = 2_000
const RUNS = 3
const loadAtStart = loadavg()

const plan = loadChicagoPlan(dataDir)
if (!plan) {
  console.log(`Skipped: Chicago data not found at ${dataDir}`)
  process.exit(0)
}

// Calls: seeded, uniform over the city's bbox and kept inside a district (calls are in the city),
// times uniform over the first quarter of 2024, 10-90 minutes, 1-3 units. Held as columns, as the
// command line reads them (a million objects held here would slow every collection after). Not timed.
const rand = prng(20261205)
const [x0, y0, x1, y1] = plan.bbox
const inCity = createPointIndex(plan)
const Q1 = Date.UTC(2024, 0, 1) / 60000
const Q1_MIN = (Date.UTC(2024, 3, 1) - Date.UTC(2024, 0, 1)) / 60000
const calls: CallColumns = { length: N, lon: new Float64Array(N), lat: new Float64Array(N), hours: new Float64Array(N), units: new Float64Array(N), at: new Float64Array(N), type: new Array<string>(N).fill('generated') }
for (let i = 0; i < N; ) {
  const lon = Number((x0 + rand() * (x1 - x0)).toFixed(6))
  const lat = Number((y0 + rand() * (y1 - y0)).toFixed(6))
  if (inCity.locate(lon, lat).areaId === null) continue
  calls.lon[i] = lon
  calls.lat[i] = lat
  calls.hours[i] = (10 + Math.floor(rand() * 80)) / 60
  calls.units[i] = 1 + Math.floor(rand() * 3)
  calls.at![i] = Q1 + Math.floor(rand() * Q1_MIN)
  i++
}

const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const fmt = (ms: number) => `${ms.toFixed(0)} ms`

// Ours: what `workload --shifts` does after reading the file: index the plan, locate and bucket every call, build the report.
const runs: { wall: number; cpu: number }[] = []
let report: ReturnType<typeof shiftReport> | null = null
for (let r = 0; r < RUNS; r++) {
  const w0 = performance.now()
  const c0 = cpu()
  report = shiftReport(plan, aggregateByShift(calls, plan, DEFAULT_SHIFTS), 0.1)
  runs.push({ wall: performance.now() - w0, cpu: cpu() - c0 })
}
const best = (k: 'wall' | 'cpu') => Math.min(...runs.map((x) => x[k]))

// Peer: the naive loop one would write with turf: each call against every beat (then every
// district), its shift from a Date object; on a sample, extrapolated. It also checks both agree.
const beats = plan.neighborhoods.map((n) => feature(n.geometry))
const districts = plan.areas.map((a) => feature(a.geometry))
const naiveShift = (at: number) => {
  const h = new Date(at * 60000).getUTCHours()
  return h >= 6 && h < 14 ? 0 : h >= 14 && h < 22 ? 1 : 2
}
const sample = callPointsOf({ ...calls, length: NAIVE_SAMPLE })
const naive = new Map<string, number[]>()
const n0 = performance.now()
for (const c of sample) {
  const pt = point([c.lon, c.lat])
  let id: string | null = null
  for (let k = 0; k < beats.length && id === null; k++) if (booleanPointInPolygon(pt, beats[k])) id = plan.neighborhoods[k].areaId
  for (let k = 0; k < districts.length && id === null; k++) if (booleanPointInPolygon(pt, districts[k])) id = plan.areas[k].id
  if (id === null) continue
  const t = naive.get(id) ?? [0, 0, 0]
  t[naiveShift(c.at!)]++
  naive.set(id, t)
}
const naiveMs = performance.now() - n0
const oursSample = shiftReport(plan, aggregateByShift(sample, plan, DEFAULT_SHIFTS), 0.1)
let disagreements = 0
for (const a of oursSample.areas) {
  const t = naive.get(a.id) ?? [0, 0, 0]
  for (let s = 0; s < 3; s++) disagreements += Math.abs(t[s] - a.calls[s])
}

// End to end, as `workload --calls <csv> --shifts` does after opening the plan: the file read from
// disk, its columns guessed, every row checked and read, then located, bucketed and reported. Each run
// in a fresh process (e2e-child.ts), as the command runs: not after this one's million generated calls.
const csv = ['Longitude,Latitude,Minutes,Units,Time Received']
for (let i = 0; i < N; i++) csv.push(`${calls.lon[i]},${calls.lat[i]},${Math.round(calls.hours[i] * 60)},${calls.units[i]},${wallTimeText(calls.at![i])}`)
const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-workload-')), 'calls.csv')
writeFileSync(file, csv.join('\n'))
csv.length = 0
const e2e: { wall: number; cpu: number; read: number; n: number; errors: number }[] = []
for (let r = 0; r < RUNS; r++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'e2e-child.ts'), dataDir, file], { encoding: 'utf8', maxBuffer: 1 << 20 })
  e2e.push(JSON.parse(out.trim().split('\n').pop()!))
}
rmSync(path.dirname(file), { recursive: true, force: true })
const bestE2e = e2e.reduce((a, b) => (b.cpu < a.cpu ? b : a))

const r = report!
const perShift = r.shifts.map((s, i) => `${s.name} ${r.areas.reduce((n, a) => n + a.calls[i], 0).toLocaleString('en-US')}`).join(', ')
console.log(`workload --shifts on Chicago: ${plan.neighborhoods.length} beats as neighborhoods, ${plan.areas.length} districts as areas, Days 06-14 / Swing 14-22 / Nights 22-06`)
console.log(`  ${N.toLocaleString('en-US')} generated calls inside the districts over 2024-Q1 (${perShift})`)
console.log(`  ours  (locatorFor: the compare's raster in front of createPointIndex; typed-array tallies per shift and day; the report), best of ${RUNS}: ${fmt(best('wall'))} wall, ${fmt(best('cpu'))} CPU  [target < 2000 ms]`)
console.log(`        runs: ${runs.map((x) => `${fmt(x.wall)} wall / ${fmt(x.cpu)} CPU`).join('; ')}`)
console.log(`  naive (turf booleanPointInPolygon over every beat, then every district; shift from a Date): ${fmt(naiveMs)} for ${NAIVE_SAMPLE.toLocaleString('en-US')} calls,`)
console.log(`        extrapolated x${N / NAIVE_SAMPLE} to ${N.toLocaleString('en-US')}: ~${((naiveMs * N) / NAIVE_SAMPLE / 1000).toFixed(0)} s (~${((naiveMs * N) / NAIVE_SAMPLE / best('wall')).toFixed(0)}x ours, wall)`)
console.log(`  per-shift area counts on the sample, ours vs naive: ${disagreements} calls differ`)
console.log(`  end to end, each run in a fresh process (file read, columns guessed, ${bestE2e.n.toLocaleString('en-US')} rows checked and read with ${bestE2e.errors} errors, then the above), best of ${RUNS}: ${fmt(bestE2e.wall)} wall, ${fmt(bestE2e.cpu)} CPU, of which reading ${fmt(bestE2e.read)} CPU  [target < 2000 ms]`)
console.log(`        runs: ${e2e.map((x) => `${fmt(x.wall)} wall / ${fmt(x.cpu)} CPU (reading ${fmt(x.read)})`).join('; ')}`)
console.log(`  (opening the plan file, not included, is the same for any number of calls; load average at start ${loadAtStart.map((x) => x.toFixed(1)).join(', ')}, now ${loadavg().map((x) => x.toFixed(1)).join(', ')})`)
