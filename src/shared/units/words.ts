/** A count and its noun, singular for exactly one: '1 error', '3 errors', '2 boundaries' (with `many`). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
