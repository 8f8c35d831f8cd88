import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AreaGeometry, LonLat, PlanState } from '../../../src/shared/domain'
import { EditError, quantize } from '../../../src/shared/domain'
import { applyChangeSet } from '../../../src/shared/domain'
import { moveVertex } from '../../../src/shared/geo/ops'
import { cleanGeometry } from '../../../src/shared/geo/ops/clean'

const dir = path.resolve(__dirname, '../../../../shared/real-data/chicago')
const present = fs.existsSync(path.join(dir, 'beats.geojson'))
if (!present) console.warn(`Skipping Chicago vertex-drag timing: ${dir} is absent`)

type FC = { features: { properties: Record<string, string>; geometry: AreaGeometry }[] }
/** What import does: quantize and orient rings (the source rings are clockwise). */
const q = (g: AreaGeometry): AreaGeometry => cleanGeometry(g)!

function chicagoPlan(): PlanState {
  const beats = JSON.parse(fs.readFileSync(path.join(dir, 'beats.geojson'), 'utf8')) as FC
  const districts = JSON.parse(fs.readFileSync(path.join(dir, 'districts.geojson'), 'utf8')) as FC
  const areas = new Map<string, AreaGeometry>()
  for (const f of districts.features) {
    const id = String(Object.values(f.properties).find((v) => /^\d+$/.test(String(v))) ?? areas.size)
    areas.set(id, q(f.geometry))
  }
  return {
    city: null,
    areas: [...areas].map(([id, geometry]) => ({ id, name: `District ${id}`, color: '#888888', commanderId: null, geometry })),
    neighborhoods: beats.features.map((f) => ({
      id: f.properties.BEAT_NUM, areaId: String(Number(f.properties.DISTRICT)), name: `Beat ${f.properties.BEAT_NUM}`, color: null, geometry: q(f.geometry),
    })),
    officers: [],
  }
}

describe.skipIf(!present)('dragging a vertex on the real Chicago beats', () => {
  it('turns most random drags of real Chicago beat corners into stored changes (their time is printed; bench/editor measures it)', () => {
    const plan = chicagoPlan()
    expect(plan.neighborhoods).toHaveLength(277)
    // Vertices shared by two beats of one district: ordinary interior drags.
    const seen = new Map<string, { count: number; areaId: string; p: LonLat }>()
    for (const n of plan.neighborhoods) {
      const polys = n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates
      const own = new Set<string>()
      for (const poly of polys) for (const ring of poly) for (const c of ring) own.add(`${c[0]},${c[1]}`)
      for (const k of own) {
        const s = seen.get(k)
        if (s) s.count += s.areaId === n.areaId ? 1 : 100
        else seen.set(k, { count: 1, areaId: n.areaId, p: k.split(',').map(Number) as LonLat })
      }
    }
    const candidates = [...seen.values()].filter((s) => s.count === 2).slice(0, 400).filter((_, i) => i % 20 === 0)
    const times: number[] = []
    let moved = 0
    for (const c of candidates) {
      const t0 = performance.now()
      try {
        const cs = moveVertex(plan, { areaId: c.areaId, from: c.p, to: [quantize(c.p[0] + 2e-7), quantize(c.p[1] + 1e-7)], editAreas: false })
        applyChangeSet(plan, cs)
        moved++
      } catch (e) {
        if (!(e instanceof EditError)) throw e
        if (process.env.DEBUG_OPS) console.log(e.code, e.message)
      }
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]
    console.log(`Chicago vertex drag: ${times.length} drags (${moved} accepted), median ${median.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`)
    expect(moved).toBeGreaterThan(times.length / 2)
  })
})
