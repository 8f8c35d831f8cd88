import type { Db } from '../connection'
import type { Neighborhood } from '../../../shared/domain'
import { bboxOf } from './bbox'

interface Row { id: string; area_id: string; name: string; color: string | null; geometry: string }

function toNeighborhood(r: Row): Neighborhood {
  return { id: r.id, areaId: r.area_id, name: r.name, color: r.color, geometry: JSON.parse(r.geometry) }
}

export class NeighborhoodRepo {
  private readonly listStmt
  private readonly refsStmt
  private readonly getStmt
  private readonly putStmt
  private readonly delStmt
  constructor(db: Db) {
    this.listStmt = db.prepare<[], Row>('SELECT id, area_id, name, color, geometry FROM neighborhoods ORDER BY id')
    this.refsStmt = db.prepare<[], { id: string; area_id: string; name: string }>('SELECT id, area_id, name FROM neighborhoods ORDER BY id')
    this.getStmt = db.prepare<[string], Row>('SELECT id, area_id, name, color, geometry FROM neighborhoods WHERE id = ?')
    this.putStmt = db.prepare(`INSERT INTO neighborhoods (id, area_id, name, color, geometry, minx, miny, maxx, maxy)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET area_id = excluded.area_id, name = excluded.name, color = excluded.color,
        geometry = excluded.geometry, minx = excluded.minx, miny = excluded.miny, maxx = excluded.maxx, maxy = excluded.maxy`)
    this.delStmt = db.prepare('DELETE FROM neighborhoods WHERE id = ?')
  }
  list(): Neighborhood[] {
    return this.listStmt.all().map(toNeighborhood)
  }
  /** Ids, areas and names without geometry: what permission checks need, cheap on a city of thousands. */
  listRefs(): Pick<Neighborhood, 'id' | 'areaId' | 'name'>[] {
    return this.refsStmt.all().map((r) => ({ id: r.id, areaId: r.area_id, name: r.name }))
  }

  get(id: string): Neighborhood | null {
    const r = this.getStmt.get(id)
    return r ? toNeighborhood(r) : null
  }
  put(n: Neighborhood): void {
    const [minx, miny, maxx, maxy] = bboxOf(n.geometry)
    // Positional values: no object per row (an import writes hundreds of thousands).
    this.putStmt.run(n.id, n.areaId, n.name, n.color, JSON.stringify(n.geometry), minx, miny, maxx, maxy)
  }
  remove(id: string): void {
    this.delStmt.run(id)
  }
}
