import { quantize, type AreaGeometry, type ChangeOp, type ChangeSet } from '../../shared/domain'

function quantizeGeometry(g: AreaGeometry): AreaGeometry {
  const q = (ring: number[][]) => ring.map((p) => [quantize(p[0]), quantize(p[1])])
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(q) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(q)) }
}

/** What is stored is always on the 1e-9 degree grid, whatever the caller sent (Z values are dropped too). */
export function normalizeChangeSet(cs: ChangeSet): ChangeSet {
  return {
    label: cs.label.trim(),
    ops: cs.ops.map((op): ChangeOp => {
      if (op.entity === 'officer' || !op.after) return op
      return { ...op, after: { ...op.after, geometry: quantizeGeometry(op.after.geometry) } } as ChangeOp
    }),
  }
}
