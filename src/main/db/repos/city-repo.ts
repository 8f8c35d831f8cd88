import type { Db } from '../connection'
import type { CityLimit } from '../../../shared/domain'

interface Row { name: string; sample: number; geometry: string }

export class CityRepo {
  private readonly getStmt
  private readonly putStmt
  private readonly delStmt
  constructor(db: Db) {
    this.getStmt = db.prepare<[], Row>('SELECT name, sample, geometry FROM city WHERE id = 1')
    this.putStmt = db.prepare(
      'INSERT INTO city (id, name, sample, geometry) VALUES (1, @name, @sample, @geometry) ON CONFLICT(id) DO UPDATE SET name = excluded.name, sample = excluded.sample, geometry = excluded.geometry',
    )
    this.delStmt = db.prepare('DELETE FROM city WHERE id = 1')
  }
  get(): CityLimit | null {
    const r = this.getStmt.get()
    return r ? { name: r.name, sample: r.sample === 1, geometry: JSON.parse(r.geometry) } : null
  }
  put(c: CityLimit): void {
    this.putStmt.run({ name: c.name, sample: c.sample ? 1 : 0, geometry: JSON.stringify(c.geometry) })
  }
  remove(): void {
    this.delStmt.run()
  }
}
