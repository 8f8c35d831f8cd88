import { quantize, type AreaGeometry, type ChangeOp, type ChangeSet } from '../../shared/domain'

/** True when every position is [lon, lat] already on the grid: checked without allocating, so an import's layer (quantized as it was read) is not copied again. */
function onGrid(g: AreaGeometry): boolean {
  if (Object.keys(g).length !== 2) return false // a `bbox` or other member is dropped by the copy
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const ring of poly)
      for (const p of ring) if (p.length !== 2 || quantize(p[0]) !== p[0] || quantize(p[1]) !== p[1]) return false
  return true
}

function quantizeGeometry(g: AreaGeometry): AreaGeometry {
  if (onGrid(g)) return g
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
      const geometry = quantizeGeometry(op.after.geometry)
      return geometry === op.after.geometry ? op : ({ ...op, after: { ...op.after, geometry } } as ChangeOp)
    }),
  }
}
