import { largeAreaUnit, type Units } from './format'

/**
 * A change of a neighborhood-sized area in the unit of such columns (km² or sq mi), signed and
 * to three decimals as the editor's readout shows them: '+0.412 km²', '−0.412 km²', and '±0 km²'
 * for a change below the last digit.
 */
export function formatAreaChange(m2: number, units: Units): string {
  const u = largeAreaUnit(units)
  const v = m2 * u.perM2
  if (Math.abs(v) < 0.0005) return `±0 ${u.label}`
  const digits = Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 })
  return `${v > 0 ? '+' : '−'}${digits} ${u.label}`
}
