import { describe, expect, it } from 'vitest'
import { summarize, validatePlan } from '../../../src/shared/geo/validate'
import { DEFAULT_TOLERANCES } from '../../../src/shared/domain'
import { cleanPlan, hood, rect } from './fixtures'

describe('pieces below the precision of a boundary layer', () => {
  // Vasco pulled 0.5 mm × 1000 m south (~0.5 m² of overlap with Springtown) and a 20 cm × 2 m notch (0.4 m² gap).
  const crumbs = () => {
    const p = cleanPlan()
    p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 499.9995, 1000, 1000))
    p.neighborhoods[3] = hood('Sunset', 'S', rect(1000, 500, 2000, 1000, [[1500, 700, 1500.2, 702]]))
    return p
  }

  it('are counted in the summary, not listed, with the default 1 m² floor', () => {
    expect(DEFAULT_TOLERANCES.minPieceAreaM2).toBe(1)
    const fs = validatePlan(crumbs())
    expect(fs.filter((f) => ['overlap', 'gap'].includes(f.kind))).toEqual([])
    const s = summarize(fs)
    expect(s.ignoredPieces).toBe(2)
    expect(s.ignoredM2!).toBeGreaterThan(0.8)
    expect(s.ignoredM2!).toBeLessThan(1)
    expect(s.blocking).toBe(false)
  })

  it('are listed as slivers when the floor is set to 0', () => {
    const fs = validatePlan(crumbs(), { ...DEFAULT_TOLERANCES, minPieceAreaM2: 0 })
    expect(fs.filter((f) => f.kind === 'overlap').map((f) => [f.neighborhoodIds, f.sliver])).toEqual([[['Springtown', 'Vasco'], true]])
    expect(fs.filter((f) => f.kind === 'gap').map((f) => [f.areaIds, f.sliver])).toEqual([[['S'], true]])
    expect(summarize(fs).ignoredPieces).toBeUndefined()
  })

  it('does not hide a piece at or above the floor', () => {
    const p = cleanPlan()
    p.neighborhoods[1] = hood('Vasco', 'N', rect(0, 499.998, 1000, 1000))
    const ov = validatePlan(p).filter((f) => f.kind === 'overlap')
    expect(ov).toHaveLength(1)
    expect(ov[0].areaM2).toBeGreaterThan(1.9)
  })
})
