/**
 * The points where each of n segments is to be split, as one linked list per segment in typed
 * arrays. An array per split segment (thousands on full Chicago, each grown as points arrived)
 * lived until the edges were made, and the garbage collector copied them on every pass.
 */
export class SplitPoints {
  /** Per segment, its last point added (-1: none); then `next` until -1. */
  readonly head: Int32Array
  /** Per segment, how many points it has (repeats included). */
  readonly count: Int32Array
  next: Int32Array
  x: Float64Array
  y: Float64Array
  size = 0

  constructor(n: number) {
    this.head = new Int32Array(n).fill(-1)
    this.count = new Int32Array(n)
    const cap = Math.max(16, n >> 3)
    this.next = new Int32Array(cap)
    this.x = new Float64Array(cap)
    this.y = new Float64Array(cap)
  }

  add(i: number, x: number, y: number): void {
    if (this.size === this.next.length) this.grow()
    const k = this.size++
    this.x[k] = x
    this.y[k] = y
    this.next[k] = this.head[i]
    this.head[i] = k
    this.count[i]++
  }

  private grow(): void {
    const cap = this.next.length * 2
    const next = new Int32Array(cap), x = new Float64Array(cap), y = new Float64Array(cap)
    next.set(this.next)
    x.set(this.x)
    y.set(this.y)
    this.next = next
    this.x = x
    this.y = y
  }
}
