import { describe, expect, it } from 'vitest'
import { formatAreaChange } from '../../../src/shared/units/area-change'
import { M2_PER_SQ_MI } from '../../../src/shared/units/format'

describe('an area change as the editor tells it', () => {
  it('is signed, in km² or sq mi to three decimals, and ±0 below the last digit', () => {
    expect(formatAreaChange(412_000, 'metric')).toBe('+0.412 km²')
    expect(formatAreaChange(-3_304_400, 'metric')).toBe('−3.304 km²')
    expect(formatAreaChange(400, 'metric')).toBe('±0 km²')
    expect(formatAreaChange(-M2_PER_SQ_MI * 1.25, 'us')).toBe('−1.250 sq mi')
  })
})
