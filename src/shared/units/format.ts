/**
 * The one place figures are put into words for people: areas, lengths and the tolerance inputs,
 * in metric or US customary units. Everything is stored in metres and square metres; only what
 * is shown (and what is typed into a tolerance field) changes with the setting.
 */
export const UNITS = ['us', 'metric'] as const
export type Units = (typeof UNITS)[number]

/** International foot and mile (exact); the US survey foot was retired at the end of 2022. */
export const M_PER_FT = 0.3048
export const M_PER_MI = 1609.344
export const M2_PER_SQ_FT = M_PER_FT * M_PER_FT
export const M2_PER_ACRE = 4046.8564224
export const M2_PER_SQ_MI = M_PER_MI * M_PER_MI

/** The United States and the territories whose local governments use its customary units. */
const US_CUSTOMARY_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'])

/**
 * The units a locale such as 'en-US' or 'es-US' expects: US customary where the region is the
 * United States, metric everywhere else (and for a tag without a region or one that cannot be read).
 */
export function unitsForLocale(locale: string | undefined | null): Units {
  if (!locale) return 'metric'
  let region: string | undefined
  try {
    region = new Intl.Locale(locale.replace(/_/g, '-').replace(/\..*$/, '')).region
  } catch {
    return 'metric'
  }
  return region && US_CUSTOMARY_REGIONS.has(region.toUpperCase()) ? 'us' : 'metric'
}

const grouped = (v: number, digits: number): string =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Square metres as finding sentences give them ('3.2 m²', '1,234 m²'), whatever the units setting. */
export function formatSquareMetres(m2: number): string {
  if (m2 < 10) return `${m2.toFixed(1)} m²`
  const r = Math.round(m2)
  return `${r < 1e15 ? withCommas(r) : r.toLocaleString('en-US')} m²`
}

/**
 * A whole number below 1e15 with commas every three digits, as toLocaleString('en-US') gives
 * it, without the locale lookup that costs on every call (a plan check words thousands of areas).
 */
function withCommas(n: number): string {
  let s = String(n), out = ''
  while (s.length > 3) {
    out = ',' + s.slice(-3) + out
    s = s.slice(0, -3)
  }
  return s + out
}

/** Below 1, two significant digits ('0.41', '0.00025'), so a small figure keeps its unit instead of switching to a smaller one. */
const small = (v: number): string => {
  const a = Math.abs(v)
  if (a === 0) return '0'
  return grouped(v, Math.min(9, Math.max(2, 1 - Math.floor(Math.log10(a)))))
}

/**
 * An area on the ground in one unit system per setting, so one view never mixes m² with km²:
 * metric is always km² ('68.50 km²', '0.41 km²', '0.00025 km²'); US is acres below half a square
 * mile (how lots and parks are spoken of) and sq mi above.
 */
export function formatArea(m2: number, units: Units): string {
  const a = Math.abs(m2)
  if (units === 'metric') return `${a >= 1e6 ? grouped(m2 / 1e6, 2) : small(m2 / 1e6)} km²`
  if (a < M2_PER_SQ_MI / 2) {
    const acres = m2 / M2_PER_ACRE
    const abs = Math.abs(acres)
    return `${abs >= 10 ? grouped(acres, 1) : abs >= 1 ? grouped(acres, 2) : small(acres)} acres`
  }
  return `${grouped(m2 / M2_PER_SQ_MI, 2)} sq mi`
}

/** A width or a distance. Metric: m below a kilometre, else km. US: ft below 1,000 ft, else mi. */
export function formatLength(m: number, units: Units): string {
  // Up to one decimal for short lengths ('5 m', '16.4 ft'): a tolerance of 5 m is not '5.0 m'.
  const short = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) < 100 ? 1 : 0 })
  if (units === 'metric') return Math.abs(m) < 1000 ? `${short(m)} m` : `${grouped(m / 1000, 2)} km`
  const ft = m / M_PER_FT
  return Math.abs(ft) < 1000 ? `${short(ft)} ft` : `${grouped(m / M_PER_MI, 2)} mi`
}

/** The unit a table of neighborhood-sized areas is given in (one unit per column keeps deltas comparable). */
export function largeAreaUnit(units: Units): { label: string; perM2: number } {
  return units === 'us' ? { label: 'sq mi', perM2: 1 / M2_PER_SQ_MI } : { label: 'km²', perM2: 1e-6 }
}

/** Unit labels of the tolerance inputs: widths in m or ft, areas in m² or sq ft. */
export function toleranceUnits(units: Units): { length: string; area: string } {
  return units === 'us' ? { length: 'ft', area: 'sq ft' } : { length: 'm', area: 'm²' }
}

/**
 * A stored tolerance as it is shown in its input: metres to feet (2 decimals), square metres to
 * square feet (whole), metric unchanged. Rounded, so a form must not convert a value back that
 * the user did not edit (see toleranceFromInput).
 */
export function toleranceToInput(stored: number, kind: 'length' | 'area', units: Units): number {
  if (units === 'metric') return stored
  return kind === 'length' ? Math.round((stored / M_PER_FT) * 100) / 100 : Math.round(stored / M2_PER_SQ_FT)
}

/**
 * The value to store for what the input holds. When the input still shows exactly what
 * toleranceToInput gave for the stored value, the stored value is kept as it is: showing 5 m as
 * 16.4 ft and saving must not turn it into 4.999 m.
 */
export function toleranceFromInput(input: number, stored: number, kind: 'length' | 'area', units: Units): number {
  if (units === 'metric') return input
  if (input === toleranceToInput(stored, kind, units)) return stored
  return kind === 'length' ? input * M_PER_FT : input * M2_PER_SQ_FT
}
