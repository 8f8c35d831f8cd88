import path from 'node:path'
import { booleanPointInPolygon, feature, point } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { loadChicagoPlan, prng } from '../../../bench/workload/chicago-plan'
import { aggregateWorkload, createPointIndex } from '../../../src/shared/staffing/workload'

const dataDir = path.resolve(__dirname, '../../../../shared/real-data/chicago')
const plan = loadChicagoPlan(dataDir)
if (!plan) console.log(`Skipping Chicago workload checks: no data at ${dataDir}`)

describe.skipIf(!plan)('workload on the real Chicago beats', () => {
  it('places calls in the same beat as turf does, and every beat call in its district', () => {
    const p = plan!
    expect(p.beatFeatures).toBe(277)
    expect(p.areas).toHaveLength(23)
    const index = createPointIndex(p)
    const beats = p.neighborhoods.map((n) => feature(n.geometry))
    const rand = prng(99)
    const [x0, y0, x1, y1] = p.bbox
    const pts = Array.from({ length: 600 }, () => ({ lon: x0 + rand() * (x1 - x0), lat: y0 + rand() * (y1 - y0), type: '', hours: 1, units: 1 }))
    for (const q of pts) {
      const k = beats.findIndex((b) => booleanPointInPolygon(point([q.lon, q.lat]), b))
      expect(index.locate(q.lon, q.lat).neighborhoodId).toBe(k >= 0 ? p.neighborhoods[k].id : null)
    }
    const r = aggregateWorkload(pts, p, index)
    const inBeats = Object.values(r.byNeighborhood).reduce((s, t) => s + t.calls, 0)
    const inAreas = Object.values(r.byArea).reduce((s, t) => s + t.calls, 0)
    const loose = Object.values(r.unassignedInArea).reduce((s, t) => s + t.calls, 0)
    expect(inAreas).toBe(inBeats + loose)
    expect(inAreas + r.outside.calls).toBe(pts.length)
    expect(r.outside.calls).toBeGreaterThan(0) // the bbox reaches past the city limits
  })
})
