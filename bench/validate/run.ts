/**
 * Validator benchmark: full validation of real Chicago (full and simplified) against GEOS
 * (shapely) doing the same work in the same run, then incremental re-check after one vertex
 * move on full Chicago and on a generated 1,000-neighborhood / 500,000-position plan.
 * Run: npx tsx bench/validate/run.ts
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Neighborhood, PlanState, Polygon } from '../../src/shared/domain'
import { quantize } from '../../src/shared/domain'
import { createValidator, validatePlan } from '../../src/shared/geo/validate'
import { CHICAGO_DIR, chicagoAbsent, loadChicago } from '../../tests/unit/validate/chicago-plan'
import { generatedPlan } from './generated-plan'

const here = path.dirname(fileURLToPath(import.meta.url))
/**
 * Measured runs per layer, after one to warm up; the median is compared, for ours and for GEOS
 * alike. Eleven: with five, two of them were the first checks after the warm-up, still compiling
 * code the layer before never ran (simplified Chicago's 1,048 findings and their widths, against
 * full Chicago's three), and a collection falls in about every other check after that, so the
 * median of five was decided by where the collections fell and swung 0.7-1.1x GEOS between
 * identical runs of identical code. Each run's figure is printed, for both, in order: the first
 * checks' compiling stays in plain sight.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]
const ms = (v: number) => `${v.toFixed(1)} ms`
const load = () => os.loadavg()[0].toFixed(1)

/** This process's CPU time in ms (user + system, all threads: V8's compiler and garbage-collector threads count too). */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since)
  return (c.user + c.system) / 1000
}

function ours(plan: PlanState): { cpuMs: number; ms: number; runsCpu: number[]; figures: Record<string, number> } {
  const times: number[] = []
  const cpu: number[] = []
  let found = validatePlan(structuredClone(plan))
  for (let r = 0; r < RUNS; r++) {
    const fresh = structuredClone(plan) // new geometry objects: no cached shapes
    const t = performance.now()
    const c0 = process.cpuUsage()
    found = validatePlan(fresh)
    cpu.push(cpuMs(c0))
    times.push(performance.now() - t)
  }
  const big = (k: string) => found.filter((f) => f.kind === k && f.areaM2 > 1)
  const sum = (k: string) => Math.round(big(k).reduce((s, f) => s + f.areaM2, 0) * 10) / 10
  return {
    cpuMs: median(cpu),
    ms: median(times),
    runsCpu: cpu,
    figures: { gaps: big('gap').length, gap_m2: sum('gap'), overlaps: big('overlap').length, overlap_m2: sum('overlap'), area_overlaps: big('area-overlap').length, outside: big('outside-area').length, outside_m2: sum('outside-area') },
  }
}

/**
 * The newest GEOS a GIS user has: GEOS_PYTHON, else the bench's own virtual environment
 * (`python3 -m venv bench/.venv && bench/.venv/bin/pip install shapely`: shapely 2.1 / GEOS 3.13),
 * else Debian's python3-shapely (GEOS 3.11, older and slower).
 */
function geosPython(): string | null {
  const candidates = [process.env.GEOS_PYTHON, path.join(here, '..', '.venv', 'bin', 'python'), '/usr/bin/python3']
  return candidates.find((p): p is string => !!p && fs.existsSync(p)) ?? null
}

function peer(variant: string): { cpuMs: number; ms: number; runsCpu: number[]; figures: unknown; geos: string; python: string } | string {
  const py = geosPython()
  if (!py) return 'skipped: no Python found (GEOS_PYTHON, bench/.venv/bin/python, /usr/bin/python3)'
  try {
    const out = execFileSync(py, [path.join(here, 'geos_peer.py'), CHICAGO_DIR, variant, String(RUNS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const r = JSON.parse(out.trim().split('\n').pop()!)
    return { cpuMs: r.median_cpu_s * 1000, ms: r.median_s * 1000, runsCpu: (r.cpu_runs_s as number[]).map((c) => c * 1000), figures: r.figures, geos: `shapely ${r.shapely}, GEOS ${r.geos}`, python: py }
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? e)
    return msg.includes('No module named') ? `skipped: shapely is not installed for ${py} (python3 -m venv bench/.venv && bench/.venv/bin/pip install shapely)` : `skipped: ${msg.split('\n').filter(Boolean).pop()}`
  }
}

/** Moves one vertex of one neighborhood by a few metres (a typical drag). */
function vertexMove(n: Neighborhood, k: number, dx: number): Neighborhood {
  const g = n.geometry as Polygon
  const ring = g.coordinates[0].map((p) => [...p])
  const i = 1 + (k % (ring.length - 2))
  ring[i] = [quantize(ring[i][0] + dx), quantize(ring[i][1] + dx)]
  return { ...n, geometry: { type: 'Polygon', coordinates: [ring, ...g.coordinates.slice(1)] } }
}

function incremental(label: string, plan: PlanState, moves: number): void {
  const t0 = performance.now()
  const v = createValidator(plan)
  const setup = performance.now() - t0
  const times: number[] = []
  // CPU time of this process (includes V8's GC helper threads): wall time on a loaded machine also counts time waiting for a core.
  const cpu: number[] = []
  const polys = plan.neighborhoods.filter((n) => n.geometry.type === 'Polygon')
  let s = 11
  for (let m = 0; m < moves; m++) {
    s = (s * 48271) % 2147483647
    const before = polys[s % polys.length]
    const after = vertexMove(before, s, 0.00003)
    const t = performance.now()
    const c0 = process.cpuUsage()
    v.apply([{ entity: 'neighborhood', id: before.id, before, after }])
    times.push(performance.now() - t)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
    v.apply([{ entity: 'neighborhood', id: before.id, before: after, after: before }])
  }
  console.log(`${label}: incremental re-check after one vertex move: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} wall; CPU p50 ${ms(pct(cpu, 50))}, p95 ${ms(pct(cpu, 95))} (${moves} moves; validator set-up ${ms(setup)})`)
}

function main(): void {
  console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`)
  if (chicagoAbsent) console.log(`Chicago data not found at ${CHICAGO_DIR}: real-data benchmarks skipped`)
  else {
    for (const variant of ['full', 'simplified'] as const) {
      const plan = loadChicago(variant)
      const positions = plan.neighborhoods.reduce((s, n) => s + JSON.stringify(n.geometry.coordinates).split('],[').length, 0)
      const o = ours(plan)
      const p = peer(variant)
      console.log(`Chicago ${variant} (${plan.neighborhoods.length} beats, ~${positions} positions): ours ${ms(o.cpuMs)} CPU, ${ms(o.ms)} wall (median of ${RUNS}; load ${load()})`)
      console.log(`  ours per run, ms CPU in order: ${o.runsCpu.map((c) => c.toFixed(0)).join(' ')}`)
      console.log(`  ours figures (> 1 m²): ${JSON.stringify(o.figures)}`)
      if (typeof p === 'string') console.log(`  GEOS peer ${p}`)
      else {
        // CPU time against CPU time: on a loaded machine wall time also counts waiting for a core.
        console.log(`  GEOS peer (${p.geos}, ${p.python}) ${ms(p.cpuMs)} CPU, ${ms(p.ms)} wall (load ${load()}); ratio ours/GEOS ${(o.cpuMs / p.cpuMs).toFixed(2)}× CPU (${(o.ms / p.ms).toFixed(2)}× wall)`)
        console.log(`  GEOS per run, ms CPU in order: ${p.runsCpu.map((c) => c.toFixed(0)).join(' ')}`)
        // The mean counts every run's compiling and collecting in full, where the median does not.
        console.log(`  mean of the ${RUNS} runs, CPU: ours ${ms(mean(o.runsCpu))}, GEOS ${ms(mean(p.runsCpu))}; ratio ${(mean(o.runsCpu) / mean(p.runsCpu)).toFixed(2)}×`)
        console.log(`  GEOS figures (> 1 m²): ${JSON.stringify(p.figures)}`)
      }
    }
    incremental('Chicago full', loadChicago('full'), Number(process.env.BENCH_MOVES ?? 200))
  }
  const gen = generatedPlan()
  const pos = gen.neighborhoods.reduce((s, n) => s + (n.geometry as Polygon).coordinates[0].length, 0)
  console.log(`Generated plan: ${gen.neighborhoods.length} neighborhoods, ${pos} positions`)
  incremental('Generated plan', gen, Number(process.env.BENCH_GEN_MOVES ?? 100))
}

main()
