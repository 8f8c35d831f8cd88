/** A count and its noun, singular for exactly one: '1 error', '3 errors', '2 boundaries' (with `many`). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${EN_US.format(n)} ${n === 1 ? one : many}`
}

/** toLocaleString('en-US') builds a number format on every call: ~20 µs, paid by every panel line that counts. */
const EN_US = new Intl.NumberFormat('en-US')
