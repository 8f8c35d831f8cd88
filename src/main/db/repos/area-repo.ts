import type { Db } from '../connection'
import type { AreaCommand } from '../../../shared/domain'
import { bboxOf } from './bbox'

interface Row { id: string; name: string; color: string; commander_id: string | null; geometry: string }

function toArea(r: Row): AreaCommand {
  return { id: r.id, name: r.name, color: r.color, commanderId: r.commander_id, geometry: JSON.parse(r.geometry) }
}

export class AreaRepo {
  private readonly listStmt
  private readonly refsStmt
  private readonly getStmt
  private readonly putStmt
  private readonly delStmt
  constructor(db: Db) {
    this.listStmt = db.prepare<[], Row>('SELECT id, name, color, commander_id, geometry FROM areas ORDER BY id')
    this.refsStmt = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM areas ORDER BY id')
    this.getStmt = db.prepare<[string], Row>('SELECT id, name, color, commander_id, geometry FROM areas WHERE id = ?')
    this.putStmt = db.prepare(`INSERT INTO areas (id, name, color, commander_id, geometry, minx, miny, maxx, maxy)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, color = excluded.color, commander_id = excluded.commander_id,
        geometry = excluded.geometry, minx = excluded.minx, miny = excluded.miny, maxx = excluded.maxx, maxy = excluded.maxy`)
    this.delStmt = db.prepare('DELETE FROM areas WHERE id = ?')
  }
  list(): AreaCommand[] {
    return this.listStmt.all().map(toArea)
  }
  listRefs(): Pick<AreaCommand, 'id' | 'name'>[] {
    return this.refsStmt.all()
  }

  get(id: string): AreaCommand | null {
    const r = this.getStmt.get(id)
    return r ? toArea(r) : null
  }
  put(a: AreaCommand): void {
    const [minx, miny, maxx, maxy] = bboxOf(a.geometry)
    // Positional values: no object per row (an import writes hundreds of thousands).
    this.putStmt.run(a.id, a.name, a.color, a.commanderId, JSON.stringify(a.geometry), minx, miny, maxx, maxy)
  }
  remove(id: string): void {
    this.delStmt.run(id)
  }
}
