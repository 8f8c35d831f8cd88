import { afterEach, describe, expect, it } from 'vitest'
import type { Finding, PlanState } from '../../../src/shared/domain'
import { area, hood, officer } from '../validate/fixtures'
import { ADMIN, only, poly, servicesWith } from './fixture'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))

/**
 * North (0..200 × 0..100) with two invalid neighborhoods as real layers hold them: Pocket,
 * whose ring touches itself at (50, 100) and so leaves a triangular pocket out (ArcGIS's
 * "inverted hole"), and Bowtie, whose ring crosses itself at (150, 50) into two lobes.
 */
function invalidPlan(): PlanState {
  return {
    city: null,
    areas: [area('N', poly([[0, 0], [100, 0], [200, 0], [200, 100], [100, 100], [50, 100], [0, 100]]), null)],
    neighborhoods: [
      hood('Pocket', 'N', poly([[0, 0], [100, 0], [100, 100], [50, 100], [60, 50], [40, 50], [50, 100], [0, 100]])),
      hood('Bowtie', 'N', poly([[100, 0], [200, 100], [200, 0], [100, 100]])),
    ],
    // Adopted, so no finding is anchored on where the shape puts its label point.
    officers: [officer('o1', 'N', 'Pocket'), officer('o2', 'N', 'Bowtie')],
  }
}

const ids = (fs: Finding[]) => fs.map((f) => f.id).sort()

describe('an invalid shape is replaced by its repaired form', () => {
  for (const [name, m2] of [['Pocket', 0], ['Bowtie', 5000]] as const) {
    it(`${name}: the invalid-geometry finding goes, every other finding stays as it was, undo brings it back`, () => {
      const s = servicesWith(invalidPlan())
      opened.push(s)
      const before = s.validation.findings()
      const bad = before.filter((f) => f.kind === 'invalid-geometry' && f.neighborhoodIds[0] === name)
      expect(bad).toHaveLength(1)
      expect(s.repairs.options(bad[0].id, ADMIN)).toEqual([{ rule: 'make-valid', label: 'Replace with its repaired shape' }])
      const r = s.repairs.apply(bad[0].id, { rule: 'make-valid' }, ADMIN)
      expect(r.proposal.neighborhoods).toEqual([name])
      expect(Math.abs(r.proposal.m2Moved - m2)).toBeLessThan(50)
      expect(r.proposal.label).toContain(`Replace the invalid shape of ${name} (${bad[0].reason}) with its repaired form`)
      expect(ids(s.validation.findings())).toEqual(ids(before.filter((f) => f !== bad[0])))
      s.changes.undo(ADMIN)
      expect(ids(s.validation.findings())).toEqual(ids(before))
      expect(only(s.validation.findings(), 'invalid-geometry', name).id).toBe(bad[0].id)
    })
  }
})
