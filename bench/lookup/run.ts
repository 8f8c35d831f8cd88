import * as turf from '@turf/turf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../src/main/db/connection'
import { createServices } from '../../src/main/services'
import { writeOp } from '../../src/main/services/entity-store'
import { createLookup } from '../../src/shared/lookup/point-lookup'
import { chicagoDir, loadChicagoPlan } from './chicago-plan'
import { mulberry32 as prng } from '../../scripts/lib/mulberry32'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = chicagoDir(here, 2)
const loaded = loadChicagoPlan(dir)
if (!loaded) {
  console.log(`skipped: Chicago data not found at ${dir}`)
  process.exit(0)
}
const { plan } = loaded
const N = 10_000

const [minX, minY, maxX, maxY] = turf.bbox(turf.featureCollection(plan.areas.map((a) => turf.feature(a.geometry))))
const rnd = prng(20240607)
const pts: [number, number][] = Array.from({ length: N }, () => [minX + rnd() * (maxX - minX), minY + rnd() * (maxY - minY)])

const t0 = performance.now()
const lk = createLookup(plan)
const tBuild = performance.now() - t0

// Warm-up on other points so the JIT has compiled the hot loop before timing.
for (let i = 0; i < 2000; i++) lk.lookup(minX + rnd() * (maxX - minX), minY + rnd() * (maxY - minY))
const t1 = performance.now()
let hits = 0
const ours: (string | null)[] = []
for (const [x, y] of pts) {
  const a = lk.lookup(x, y)
  ours.push(a?.neighborhood?.id ?? null)
  if (a?.neighborhood) hits++
}
const tOurs = performance.now() - t1

// Peer: what one would write with turf alone — every beat, then every district.
const beatFeatures = plan.neighborhoods.map((n) => turf.feature(n.geometry, { id: n.id }))
const areaFeatures = plan.areas.map((a) => turf.feature(a.geometry, { id: a.id }))
const t2 = performance.now()
let agree = 0
pts.forEach(([x, y], i) => {
  const p = turf.point([x, y])
  const nb = beatFeatures.find((f) => turf.booleanPointInPolygon(p, f))
  if (!nb) areaFeatures.find((f) => turf.booleanPointInPolygon(p, f))
  if ((nb?.properties.id ?? null) === ours[i]) agree++
})
const tTurf = performance.now() - t2

console.log(`Chicago: ${plan.neighborhoods.length} beats, ${plan.areas.length} districts; ${N} random points in the bbox (${hits} inside a beat)`)
console.log(`index build:                 ${tBuild.toFixed(1)} ms`)
console.log(`createLookup, ${N} lookups:  ${tOurs.toFixed(1)} ms (target < 100 ms)`)
console.log(`naive turf loop, ${N} lookups: ${tTurf.toFixed(1)} ms (${(tTurf / tOurs).toFixed(0)}x slower)`)
console.log(`answers agreeing with turf:  ${agree}/${N}`)

// The same lookups through the app's LookupService on a plan stored in SQLite (what the app and `cli lookup` use).
const tmp = mkdtempSync(path.join(tmpdir(), 'bench-lookup-'))
try {
  const dbPath = path.join(tmp, 'plan.sqlite')
  const db = openDatabase(dbPath)
  const s = createServices({ db, dbPath, userDataPath: tmp, sampleDir: tmp, osUser: 'bench', appVersion: 'bench' })
  db.transaction(() => {
    for (const o of plan.officers) writeOp(s.repos, { entity: 'officer', id: o.id, before: null, after: o })
    for (const a of plan.areas) writeOp(s.repos, { entity: 'area', id: a.id, before: null, after: a })
    for (const n of plan.neighborhoods) writeOp(s.repos, { entity: 'neighborhood', id: n.id, before: null, after: n })
  })()
  const t3 = performance.now()
  s.lookup.lookup(pts[0][0], pts[0][1])
  const tServiceBuild = performance.now() - t3
  s.lookup.lookupMany(pts.slice(0, 2000))
  const t4 = performance.now()
  const viaService = s.lookup.lookupMany(pts)
  const tService = performance.now() - t4
  const t5 = performance.now()
  for (const [x, y] of pts) s.lookup.lookup(x, y)
  const tServiceOne = performance.now() - t5
  const same = viaService.filter((a, i) => (a?.neighborhood?.id ?? null) === ours[i]).length
  console.log(`LookupService (SQLite plan): load + index ${tServiceBuild.toFixed(1)} ms; ${N} lookups ${tService.toFixed(1)} ms in one batch, ${tServiceOne.toFixed(1)} ms one call each (target < 100 ms); agreeing: ${same}/${N}`)
  db.close()
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
