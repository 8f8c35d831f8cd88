import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { booleanPointInPolygon, feature, point } from '@turf/turf'
import { aggregateWorkload, createPointIndex, type CallPoint } from '../../src/shared/staffing/workload'
import { loadChicagoPlan, prng } from './chicago-plan'

const here = path.dirname(fileURLToPath(import.meta.url))
const dataDir = path.resolve(here, '../../../shared/real-data/chicago')
const N = 200_000
const NAIVE_SUBSET = 5_000

const plan = loadChicagoPlan(dataDir)
if (!plan) {
  console.log(`Skipped: Chicago data not found at ${dataDir}`)
  process.exit(0)
}

const rand = prng(20240601)
const [x0, y0, x1, y1] = plan.bbox
const points: CallPoint[] = Array.from({ length: N }, () => ({
  lon: x0 + rand() * (x1 - x0),
  lat: y0 + rand() * (y1 - y0),
  type: 'generated',
  hours: 0.25 + rand(),
  units: 1 + Math.floor(rand() * 3),
}))

const t0 = performance.now()
const index = createPointIndex(plan)
const t1 = performance.now()
const result = aggregateWorkload(points, plan, index)
const t2 = performance.now()

// Peer baseline: what one would write without an index, turf's test against every polygon in turn.
const nbFeatures = plan.neighborhoods.map((n) => feature(n.geometry))
const areaFeatures = plan.areas.map((a) => feature(a.geometry))
const subset = points.slice(0, NAIVE_SUBSET)
let disagreements = 0
const t3 = performance.now()
subset.forEach((p, i) => {
  const pt = point([p.lon, p.lat])
  let nb = -1
  for (let k = 0; k < nbFeatures.length && nb < 0; k++) if (booleanPointInPolygon(pt, nbFeatures[k])) nb = k
  let ar: string | null = nb >= 0 ? plan.neighborhoods[nb].areaId : null
  if (nb < 0) for (let k = 0; k < areaFeatures.length && ar === null; k++) if (booleanPointInPolygon(pt, areaFeatures[k])) ar = plan.areas[k].id
  const ours = index.locate(points[i].lon, points[i].lat)
  if (ours.neighborhoodId !== (nb >= 0 ? plan.neighborhoods[nb].id : null) || ours.areaId !== ar) disagreements++
})
const t4 = performance.now()
// The loop above also ran our locate once per point; that is negligible next to the turf loop but is subtracted anyway.
const tOurSubset0 = performance.now()
for (const p of subset) index.locate(p.lon, p.lat)
const tOurSubset = performance.now() - tOurSubset0
const naiveSubsetMs = t4 - t3 - tOurSubset
const naiveExtrapolatedMs = (naiveSubsetMs * N) / NAIVE_SUBSET

const inside = Object.values(result.byArea).reduce((s, t) => s + t.calls, 0)
const fmt = (ms: number) => `${ms.toFixed(0)} ms`
console.log(`Workload aggregation, Chicago: ${plan.neighborhoods.length} beats (${plan.beatFeatures} features, same-id pieces merged), ${plan.areas.length} districts`)
console.log(`  ${N.toLocaleString('en-US')} generated calls in the districts' bbox; ${inside.toLocaleString('en-US')} inside a district, ${result.outside.calls.toLocaleString('en-US')} outside (reported)`)
console.log(`  ours  (flatbush + banded prepared rings): index build ${fmt(t1 - t0)}, aggregate ${fmt(t2 - t1)}, total ${fmt(t2 - t0)}  [target < 1000 ms]`)
console.log(`  naive (turf booleanPointInPolygon over every beat, then every district): ${fmt(naiveSubsetMs)} for the first ${NAIVE_SUBSET.toLocaleString('en-US')} calls,`)
console.log(`        extrapolated x${N / NAIVE_SUBSET} to ${N.toLocaleString('en-US')} calls: ~${(naiveExtrapolatedMs / 1000).toFixed(1)} s (not run in full: too slow)`)
console.log(`  speed-up: ~${(naiveExtrapolatedMs / (t2 - t0)).toFixed(0)}x; disagreements with turf on the subset: ${disagreements}`)
