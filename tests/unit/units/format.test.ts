import { describe, expect, it } from 'vitest'
import { findingText } from '../../../src/shared/units/finding-text'
import { formatArea, formatLength, formatSquareMetres, toleranceFromInput, toleranceToInput, unitsForLocale } from '../../../src/shared/units/format'
import { fmtM2 } from '../../../src/shared/geo/validate/finding-build'
import { formatDate, withLocalDates } from '../../../src/shared/units/dates'
import { countOf } from '../../../src/shared/units/words'

describe('units from the system locale', () => {
  it('is US customary for a US region and metric elsewhere', () => {
    for (const l of ['en-US', 'es-US', 'en_US.UTF-8', 'en-Latn-US', 'en-PR']) expect(unitsForLocale(l), l).toBe('us')
    for (const l of ['en-GB', 'de-DE', 'fr-CA', 'es-MX', 'en', '', 'C', 'not a locale!']) expect(unitsForLocale(l), l).toBe('metric')
    expect(unitsForLocale(undefined)).toBe('metric')
  })
})

describe('areas and lengths in words', () => {
  it('gives areas in acres or sq mi under US units (half a square mile is where miles take over)', () => {
    expect(formatArea(100, 'us')).toBe('0.025 acres')
    expect(formatArea(4046.8564224, 'us')).toBe('1.00 acres')
    expect(formatArea(40468.564224 * 3, 'us')).toBe('30.0 acres')
    // 0.49 sq mi is 313.6 acres; 0.5 sq mi is shown as such.
    expect(formatArea(0.49 * 2589988.110336, 'us')).toBe('313.6 acres')
    expect(formatArea(0.5 * 2589988.110336, 'us')).toBe('0.50 sq mi')
    // The sample city's 68.5 km².
    expect(formatArea(68.5e6, 'us')).toBe('26.45 sq mi')
  })

  it('gives every area in km² under metric units, small ones to two significant digits', () => {
    expect(formatArea(3.25, 'metric')).toBe('0.0000033 km²')
    expect(formatArea(140, 'metric')).toBe('0.00014 km²')
    expect(formatArea(250_000, 'metric')).toBe('0.25 km²')
    expect(formatArea(3_305_181, 'metric')).toBe('3.31 km²')
    expect(formatArea(68.5e6, 'metric')).toBe('68.50 km²')
    for (const v of [0.4, 9.96, 140, 12_345.6]) expect(formatSquareMetres(v)).toBe(fmtM2(v))
  })

  it('gives widths in ft or mi under US units and m or km under metric', () => {
    expect(formatLength(5, 'us')).toBe('16.4 ft')
    // 1,000 ft and more are given in miles.
    expect(formatLength(999 * 0.3048, 'us')).toBe('999 ft')
    expect(formatLength(1000 * 0.3048, 'us')).toBe('0.19 mi')
    expect(formatLength(100, 'us')).toBe('328 ft')
    expect(formatLength(1609.344, 'us')).toBe('1.00 mi')
    expect(formatLength(5, 'metric')).toBe('5 m')
    expect(formatLength(2.25, 'metric')).toBe('2.3 m')
    expect(formatLength(1500, 'metric')).toBe('1.50 km')
  })
})

describe('tolerance inputs', () => {
  it('shows stored metres in feet and square feet, and keeps the stored value when the input is left as shown', () => {
    expect(toleranceToInput(5, 'length', 'us')).toBe(16.4)
    expect(toleranceToInput(100, 'area', 'us')).toBe(1076)
    expect(toleranceFromInput(16.4, 5, 'length', 'us')).toBe(5)
    expect(toleranceFromInput(1076, 100, 'area', 'us')).toBe(100)
    // An edited input is converted: 10 ft is 3.048 m, 2,000 sq ft about 185.8 m².
    expect(toleranceFromInput(10, 5, 'length', 'us')).toBeCloseTo(3.048, 9)
    expect(toleranceFromInput(2000, 100, 'area', 'us')).toBeCloseTo(185.80608, 6)
    expect(toleranceToInput(5, 'length', 'metric')).toBe(5)
    expect(toleranceFromInput(7, 5, 'length', 'metric')).toBe(7)
  })
})

describe('finding sentences in the chosen units', () => {
  const gap = { message: `Gap of ${fmtM2(18_000)} in Area Command Northeast not covered by any neighborhood`, areaM2: 18_000 }
  it('writes the figure again from the finding’s number in the units every other area uses (km², or acres and sq mi)', () => {
    expect(findingText(gap, 'us')).toBe('Gap of 4.45 acres in Area Command Northeast not covered by any neighborhood')
    expect(findingText(gap, 'metric')).toBe('Gap of 0.018 km² in Area Command Northeast not covered by any neighborhood')
  })
  it('keeps findings without an area as they are, and adds the area after a sentence without the figure', () => {
    expect(findingText({ message: 'Area Command South has no commander', areaM2: 0 }, 'us')).toBe('Area Command South has no commander')
    expect(findingText({ message: 'Odd piece', areaM2: 100 }, 'us')).toBe('Odd piece (0.025 acres)')
  })
})

describe('dates in words', () => {
  it('writes a calendar day as that day in the locale, whatever the time zone, and rewrites the ISO dates of a stored sentence', () => {
    expect(formatDate('2025-07-01', 'en-US')).toBe('Jul 1, 2025')
    expect(formatDate('2025-07-01', 'en-GB')).toBe('1 Jul 2025')
    expect(withLocalDates('Published version 1 (effective 2025-07-01)', 'en-US')).toBe('Published version 1 (effective Jul 1, 2025)')
    expect(formatDate('not a date', 'en-US')).toBe('not a date')
  })
  it('says one error, two errors', () => {
    expect(countOf(1, 'error')).toBe('1 error')
    expect(countOf(2, 'error')).toBe('2 errors')
    expect(countOf(1_200, 'boundary', 'boundaries')).toBe('1,200 boundaries')
  })
})
