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
 * two doubles (grid integers and constructed crossing points alike), no strings made.
 */
export class PointTable {
  xs: number[] = []
  ys: number[] = []
  private slots: Int32Array
  private mask: number

  constructor(expected = 1024) {
    let cap = 1024
    while (cap < expected * 2) cap *= 2
    this.slots = new Int32Array(cap).fill(-1)
    this.mask = cap - 1
  }

  get size(): number {
    return this.xs.length
  }

  id(x: number, y: number): number {
    // -0 and 0 are one point but differ in their bits.
    x += 0
    y += 0
    let i = mix(x, y) & this.mask
    for (;;) {
      const v = this.slots[i]
      if (v < 0) break
      if (this.xs[v] === x && this.ys[v] === y) return v
      i = (i + 1) & this.mask
    }
    const v = this.xs.length
    this.slots[i] = v
    this.xs.push(x)
    this.ys.push(y)
    if (this.xs.length * 2 > this.slots.length) this.grow()
    return v
  }

  private grow(): void {
    const cap = this.slots.length * 2
    this.slots = new Int32Array(cap).fill(-1)
    this.mask = cap - 1
    for (let v = 0; v < this.xs.length; v++) {
      let i = mix(this.xs[v], this.ys[v]) & this.mask
      while (this.slots[i] >= 0) i = (i + 1) & this.mask
      this.slots[i] = v
    }
  }
}

/** Map from pairs of point ids (non-negative int32) to small integers, without boxed keys. */
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
    let i = (Math.imul(p, 0x9e3779b1) ^ Math.imul(q + 0x7f4a7c15, 0x85ebca77)) & this.mask
    while (this.keys[2 * i] >= 0 && (this.keys[2 * i] !== p || this.keys[2 * i + 1] !== q)) i = (i + 1) & this.mask
    return i
  }

  get(p: number, q: number): number | undefined {
    const i = this.slot(p, q)
    return this.keys[2 * i] < 0 ? undefined : this.vals[i]
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
