import fc from 'fast-check'
import { orient2d } from 'robust-predicates'
import { describe, expect, it } from 'vitest'
import type { Position } from '../../../src/shared/domain'
import { GRID, orient, orientLonLat, flatLocate, pointInRing, ringLocate, segmentContact } from '../../../src/shared/geo/kernel'

/**
 * The kernel against Shewchuk's adaptive predicates (robust-predicates), on the grid the app
 * stores (integers, COORD_GRID per degree) and on half steps (midpoints the editor probes
 * with). orient2d is exact for any doubles and positive for a clockwise triple; the kernel's
 * orient is positive for a counter-clockwise one.
 */

const RUNS = 10_000
type P = [number, number]

const sign = (v: number): -1 | 0 | 1 => (v > 0 ? 1 : v < 0 ? -1 : 0)
const ref = (a: P, b: P, c: P): -1 | 0 | 1 => sign(-orient2d(a[0], a[1], b[0], b[1], c[0], c[1]))
const deg = (p: P): Position => [p[0] / GRID, p[1] / GRID]

const X = 180 * GRID
const Y = 90 * GRID
const gridPoint = fc.tuple(fc.integer({ min: -X, max: X }), fc.integer({ min: -Y, max: Y })) as fc.Arbitrary<P>
/** Near ±180 / ±90, where products of differences are largest. */
const edgeOfWorld = fc.tuple(
  fc.constantFrom(-X, X), fc.constantFrom(-Y, Y), fc.integer({ min: 0, max: 2e9 }), fc.integer({ min: 0, max: 2e9 }),
).map(([x, y, dx, dy]): P => [x - Math.sign(x) * dx, y - Math.sign(y) * dy])
/** A point near the middle of the world's grid, leaving room for edges of up to 2°. */
const anchor = fc.tuple(fc.integer({ min: -X + 3 * GRID, max: X - 3 * GRID }), fc.integer({ min: -Y + 3 * GRID, max: Y - 3 * GRID })) as fc.Arbitrary<P>
/** An edge vector of 0.01° to 2° in any direction. */
const longEdge = fc
  .tuple(fc.integer({ min: 0.01 * GRID, max: 2 * GRID }), fc.integer({ min: 0, max: 2 * GRID }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([a, b, sx, sy, swap]): P => {
    const v: P = swap ? [b, a] : [a, b]
    return [sx ? -v[0] : v[0], sy ? -v[1] : v[1]]
  })

function egcd(a: number, b: number): [number, number, number] {
  if (b === 0) return [a, 1, 0]
  const [g, x, y] = egcd(b, a % b)
  return [g, y, x - Math.floor(a / b) * y]
}

/**
 * The grid points closest to the line through a and b: a + t·(b - a)/g + s·w, where w is the
 * Bézout vector with (b - a)/g × w = 1, so the cross product is exactly s·g. With g = 1 the
 * point is one unit of area off a line up to 2° long: products near 2^61, far past 2^53.
 */
function besideLine(a: P, e: P, t: number, s: number): P {
  const [g, x, y] = egcd(Math.abs(e[0]), Math.abs(e[1]))
  const ux = e[0] / g, uy = e[1] / g
  const wx = -y * Math.sign(e[1] || 1), wy = x * Math.sign(e[0] || 1)
  return [a[0] + Math.round(t * g) * ux + s * wx, a[1] + Math.round(t * g) * uy + s * wy]
}

/** Near-degenerate triples: points beside, on, and one grid step off long edges; shared endpoints; the world's corners. */
const triple: fc.Arbitrary<[P, P, P]> = fc.oneof(
  fc.tuple(gridPoint, gridPoint, gridPoint),
  fc.tuple(anchor, longEdge, fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.integer({ min: -2, max: 2 })).map(([a, e, t, s]): [P, P, P] => [
    a, [a[0] + e[0], a[1] + e[1]], besideLine(a, e, t, s),
  ]),
  fc.tuple(anchor, longEdge, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })).map(
    ([a, e, t, dx, dy]): [P, P, P] => [a, [a[0] + e[0], a[1] + e[1]], [Math.round(a[0] + t * e[0]) + dx, Math.round(a[1] + t * e[1]) + dy]],
  ),
  fc.tuple(edgeOfWorld, edgeOfWorld, edgeOfWorld),
  fc.tuple(gridPoint, gridPoint, fc.boolean()).map(([a, b, first]): [P, P, P] => [a, b, first ? a : b]),
  // Midpoints of grid edges, the editor's probes, on half steps.
  fc.tuple(anchor, longEdge, fc.integer({ min: -1, max: 1 })).map(([a, e, s]): [P, P, P] => {
    const b: P = [a[0] + e[0], a[1] + e[1]]
    return [a, b, [(a[0] + b[0]) / 2 + s * 0.5, (a[1] + b[1]) / 2]]
  }),
)

describe('kernel orientation agrees with robust-predicates', () => {
  it('on a point one unit of area off a 1.5° edge, where multiplying grid integers in doubles says collinear', () => {
    const a: P = [0, 0], b: P = [391_516_893, 1_497_450_697], c: P = [71_623_940, 273_943_017]
    expect(b[0] * c[1] - b[1] * c[0]).toBe(0) // the unfiltered product the editor used to trust
    expect(ref(a, b, c)).toBe(1)
    expect(orient(a[0], a[1], b[0], b[1], c[0], c[1])).toBe(1)
    expect(orientLonLat(deg(a), deg(b), deg(c))).toBe(1)
  })

  it(`on ${RUNS} random and near-degenerate triples, on the grid and in degrees`, () => {
    fc.assert(
      fc.property(triple, ([a, b, c]) => {
        const want = ref(a, b, c)
        expect(orient(a[0], a[1], b[0], b[1], c[0], c[1])).toBe(want)
        expect(orientLonLat(deg(a), deg(b), deg(c))).toBe(want)
      }),
      { numRuns: RUNS, seed: 15 },
    )
  })
})

/** Closed segments ab and cd, by orient2d alone: 0 apart, 1 meeting only at an endpoint of both, 2 otherwise. */
function refContact(a: P, b: P, c: P, d: P): 0 | 1 | 2 {
  const inBox = (p: P, q: P, r: P) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1])
  const o1 = ref(a, b, c), o2 = ref(a, b, d), o3 = ref(c, d, a), o4 = ref(c, d, b)
  const meet =
    (o1 * o2 < 0 && o3 * o4 < 0) || (o1 === 0 && inBox(a, b, c)) || (o2 === 0 && inBox(a, b, d)) ||
    (o3 === 0 && inBox(c, d, a)) || (o4 === 0 && inBox(c, d, b))
  if (!meet) return 0
  const same = (p: P, q: P) => p[0] === q[0] && p[1] === q[1]
  const sharedEnd = (same(a, c) || same(a, d) || same(b, c) || same(b, d))
  if (same(a, b) || same(c, d)) return sharedEnd ? 1 : 2
  if (o1 === 0 && o2 === 0) {
    // Collinear: the common part's length along the axis the segments run on.
    const k = a[0] !== b[0] ? 0 : 1
    const lo = Math.max(Math.min(a[k], b[k]), Math.min(c[k], d[k])), hi = Math.min(Math.max(a[k], b[k]), Math.max(c[k], d[k]))
    return hi > lo ? 2 : 1
  }
  return sharedEnd ? 1 : 2
}

const segmentPair: fc.Arbitrary<[P, P, P, P]> = fc.oneof(
  fc.tuple(gridPoint, gridPoint, gridPoint, gridPoint),
  // Around one long edge: ends beside it, on it, one step off it.
  fc.tuple(triple, triple).map(([[a, b, c], [, , d]]): [P, P, P, P] => [a, b, c, d]),
  fc.tuple(anchor, longEdge, fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })).map(
    ([a, e, t, u, s, r]): [P, P, P, P] => [a, [a[0] + e[0], a[1] + e[1]], besideLine(a, e, t, s), besideLine(a, e, u, r)],
  ),
  // Shared endpoints, either way round, and T-junctions.
  fc.tuple(triple, gridPoint, fc.integer({ min: 0, max: 3 })).map(([[a, b, c], p, k]): [P, P, P, P] =>
    k === 0 ? [a, b, a, c] : k === 1 ? [a, b, c, b] : k === 2 ? [a, b, c, c] : [a, b, c, p],
  ),
  fc.tuple(edgeOfWorld, edgeOfWorld, edgeOfWorld, edgeOfWorld),
)

describe('kernel segment contact agrees with a reference on orient2d', () => {
  it(`on ${RUNS} random and near-degenerate segment pairs`, () => {
    fc.assert(
      fc.property(segmentPair, ([a, b, c, d]) => {
        const want = refContact(a, b, c, d)
        expect(segmentContact(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])).toBe(want)
        expect(segmentContact(c[0], c[1], d[0], d[1], a[0], a[1], b[0], b[1])).toBe(want)
      }),
      { numRuns: RUNS, seed: 15 },
    )
  })
})

/** Winding number by orient2d (Sunday's form: an algorithm unlike the kernel's crossing parity), 0 on the ring. */
function refLocate(p: P, ring: P[]): -1 | 0 | 1 {
  let wn = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i], b = ring[i + 1]
    const o = ref(a, b, p)
    const within = Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1])
    if (o === 0 && within) return 0
    if (a[1] <= p[1]) {
      if (b[1] > p[1] && o > 0) wn++
    } else if (b[1] <= p[1] && o < 0) wn--
  }
  return wn !== 0 ? 1 : -1
}

/**
 * Simple rings: star-shaped around a centre, one vertex in each of n distinct sectors of a
 * 64-sector circle, radii from 1e6 grid steps (1 mm... 1 m) to 2°, so edges run long.
 */
const ring: fc.Arbitrary<P[]> = fc
  .tuple(anchor, fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 3, maxLength: 14 }), fc.array(fc.integer({ min: 1e6, max: 2 * GRID }), { minLength: 14, maxLength: 14 }))
  .map(([c, sectors, radii]) => {
    const pts = [...sectors].sort((x, y) => x - y).map((s, i): P => {
      const t = ((s + 0.5) * 2 * Math.PI) / 64
      return [c[0] + Math.round(radii[i] * Math.cos(t)), c[1] + Math.round(radii[i] * Math.sin(t))]
    })
    return [...pts, pts[0]]
  })

/** Query points: anywhere near, on vertices, on edges (grid and half steps), one step off an edge. */
const ringAndPoint: fc.Arbitrary<[P[], P]> = ring.chain((r) =>
  fc.tuple(
    fc.constant(r),
    fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: r.length - 2 }), fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.integer({ min: -1, max: 1 })).map(([i, t, s]): P => {
        const a = r[i], b = r[i + 1]
        return besideLine(a, [b[0] - a[0], b[1] - a[1]], t, s)
      }),
      fc.integer({ min: 0, max: r.length - 2 }).map((i): P => r[i]),
      fc.integer({ min: 0, max: r.length - 2 }).map((i): P => [(r[i][0] + r[i + 1][0]) / 2, (r[i][1] + r[i + 1][1]) / 2]),
      fc.tuple(fc.integer({ min: 0, max: r.length - 2 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })).map(
        ([i, t, dx, dy]): P => [Math.round(r[i][0] + t * (r[i + 1][0] - r[i][0])) + dx, Math.round(r[i][1] + t * (r[i + 1][1] - r[i][1])) + dy],
      ),
      fc.tuple(fc.integer({ min: -2 * GRID, max: 2 * GRID }), fc.integer({ min: -2 * GRID, max: 2 * GRID })).map(([dx, dy]): P => [r[0][0] + dx, r[0][1] + dy]),
    ),
  ),
)

describe('kernel point-in-ring agrees with a winding number on orient2d', () => {
  it(`on ${RUNS} rings and points on, beside and one grid step off their edges`, () => {
    fc.assert(
      fc.property(ringAndPoint, fc.boolean(), ([r, p], unclosed) => {
        const want = refLocate(p, r)
        const xs = r.map((q) => q[0]), ys = r.map((q) => q[1])
        expect(ringLocate(xs, ys, 0, r.length, p[0], p[1])).toBe(want)
        // The same ring flat, [x0, y0, x1, y1, …] (the plan check's traced pieces).
        const flat = Float64Array.from(r.flat())
        expect(flatLocate(flat, 0, flat.length, p[0], p[1])).toBe(want)
        // …and placed among other numbers, as the check's rings lie one after another.
        const among = Float64Array.from([7, 7, ...flat, 9])
        expect(flatLocate(among, 2, 2 + flat.length, p[0], p[1])).toBe(want)
        // Position form, in degrees; it closes an unclosed ring itself.
        const lonLat = (unclosed ? r.slice(0, -1) : r).map(deg)
        expect(pointInRing(deg(p), lonLat)).toBe(want)
      }),
      { numRuns: RUNS, seed: 15 },
    )
  })
})
