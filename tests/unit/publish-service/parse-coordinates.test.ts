import { describe, expect, it } from 'vitest'
import { parseCoordinates } from '../../../src/renderer/src/components/lookup/parse-coordinates'

describe('coordinates typed into the lookup box', () => {
  it('reads "lon, lat" with commas, spaces or semicolons', () => {
    expect(parseCoordinates('-121.77, 37.68')).toEqual([-121.77, 37.68])
    expect(parseCoordinates('  -121.77 37.68 ')).toEqual([-121.77, 37.68])
    expect(parseCoordinates('-121.77;37.68')).toEqual([-121.77, 37.68])
  })
  it('turns "lat, lon" round when only that order makes sense', () => {
    expect(parseCoordinates('37.68, -121.77')).toEqual([-121.77, 37.68])
  })
  it('is not fooled by addresses or impossible numbers', () => {
    expect(parseCoordinates('123 Main St')).toBeNull()
    expect(parseCoordinates('1052 94550')).toBeNull()
    expect(parseCoordinates('200, 100')).toBeNull()
    expect(parseCoordinates('-121.77')).toBeNull()
  })
})
