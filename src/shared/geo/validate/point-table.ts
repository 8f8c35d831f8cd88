const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer)

function mix(x: number, y: number): number {
  f64[0] = x
  let h = Math.imul(u32[0] ^ 0x9e3779b9, 0x85ebca6b) ^ u32[1]
  f64[0] = y
  h = Math.imul(h ^ u32[0], 0xc2b2ae35) ^ Math.imul(u32[1], 0x27d4eb2f)
  return (h ^ (h >>> 15)) >>> 0
}

/**
 * Distinct points, numbered in order of arrival: an open-addressing hash on the bits of the
 * two doubles (grid integers and constructed crossing points alike), no strings made. The
 * coordinates live in typed arrays (`xs[v]`, `ys[v]` for v < `size`; longer than `size`).
 */
export class PointTable {
  xs: Float64Array
  ys: Float64Array
  size = 0
  private slots: Int32Array
  private mask: number

  constructor(expected = 1024) {
    // As small as asked (validity keeps one for all rings and clears it ring after ring).
    let cap = 16
    while (cap < expected * 2) cap *= 2
    this.slots = new Int32Array(cap).fill(-1)
    this.mask = cap - 1
    this.xs = new Float64Array(cap >> 1)
    this.ys = new Float64Array(cap >> 1)
  }

  id(x: number, y: number): number {
    // -0 and 0 are one point but differ in their bits.
    x += 0
    y += 0
    const slots = this.slots, xs = this.xs, ys = this.ys, mask = this.mask
    let i = mix(x, y) & mask
    for (;;) {
      const v = slots[i]
      if (v < 0) break
      if (xs[v] === x && ys[v] === y) return v
      i = (i + 1) & mask
    }
    const v = this.size++
    slots[i] = v
    xs[v] = x
    ys[v] = y
    // Kept at most half full; the coordinate arrays are half the slots.
    if (this.size * 2 >= slots.length) this.grow()
    return v
  }

  /** Empties the table for use again, in time proportional to what it holds (not to its room). */
  clear(): void {
    // Last in, first out: the probe path of every entry then runs over entries that came before it, all still there.
    const slots = this.slots, xs = this.xs, ys = this.ys, mask = this.mask
    for (let v = this.size - 1; v >= 0; v--) {
      let i = mix(xs[v], ys[v]) & mask
      while (slots[i] !== v) i = (i + 1) & mask
      slots[i] = -1
    }
    this.size = 0
  }

  private grow(): void {
    const cap = this.slots.length * 2
    const slots = new Int32Array(cap).fill(-1)
    const mask = cap - 1
    const xs = new Float64Array(cap >> 1), ys = new Float64Array(cap >> 1)
    xs.set(this.xs)
    ys.set(this.ys)
    for (let v = 0; v < this.size; v++) {
      let i = mix(xs[v], ys[v]) & mask
      while (slots[i] >= 0) i = (i + 1) & mask
      slots[i] = v
    }
    this.slots = slots
    this.mask = mask
    this.xs = xs
    this.ys = ys
  }
}

/** Map from pairs of point ids (non-negative int32) to non-negative int32s (-1: absent), without boxed keys. */
export class PairTable {
  private keys: Int32Array
  private vals: Int32Array
  private mask: number
  private count = 0

  constructor(expected = 1024) {
    let cap = 1024
    while (cap < expected * 2) cap *= 2
    this.keys = new Int32Array(2 * cap).fill(-1)
    this.vals = new Int32Array(cap)
    this.mask = cap - 1
  }

  private slot(p: number, q: number): number {
    // Ids arrive in runs (q = p + 1 along a ring): mixed so the low bits spread.
    let h = Math.imul(p, 0x9e3779b1) + q
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h ^= h >>> 13
    const keys = this.keys, mask = this.mask
    let i = h & mask
    while (keys[2 * i] >= 0 && (keys[2 * i] !== p || keys[2 * i + 1] !== q)) i = (i + 1) & mask
    return i
  }

  get(p: number, q: number): number {
    const i = this.slot(p, q)
    return this.keys[2 * i] < 0 ? -1 : this.vals[i]
  }

  set(p: number, q: number, v: number): void {
    const i = this.slot(p, q)
    if (this.keys[2 * i] < 0) {
      this.keys[2 * i] = p
      this.keys[2 * i + 1] = q
      this.count++
    }
    this.vals[i] = v
    if (this.count * 2 > this.vals.length) this.grow()
  }

  private grow(): void {
    const oldK = this.keys, oldV = this.vals
    const cap = oldV.length * 2
    this.keys = new Int32Array(2 * cap).fill(-1)
    this.vals = new Int32Array(cap)
    this.mask = cap - 1
    for (let i = 0; i < oldV.length; i++) {
      if (oldK[2 * i] < 0) continue
      const j = this.slot(oldK[2 * i], oldK[2 * i + 1])
      this.keys[2 * j] = oldK[2 * i]
      this.keys[2 * j + 1] = oldK[2 * i + 1]
      this.vals[j] = oldV[i]
    }
  }
}
