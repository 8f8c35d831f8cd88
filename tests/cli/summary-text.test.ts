import { describe, expect, it } from 'vitest'
import { summaryText } from '../../src/main/cli/print-findings'

describe('the validate summary line', () => {
  it('says how many sub-square-metre pieces were counted but not listed', () => {
    const line = summaryText({ errors: 1, warnings: 2, blocking: true, byKind: { 'outside-area': 3 }, ignoredPieces: 3401, ignoredM2: 12.34 })
    expect(line).toContain('publishing is blocked')
    expect(line).toContain('3401 pieces under the minimum piece area (12.3 m² in all) are counted but not listed')
  })
  it('says nothing of ignored pieces when there are none', () => {
    expect(summaryText({ errors: 0, warnings: 0, blocking: false, byKind: {} })).toBe('Summary: no findings; nothing blocks publishing.')
  })
})
