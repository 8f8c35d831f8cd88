import type { Db } from '../connection'
import type { ReferenceGeometry, ReferenceLayerInfo } from '../../../shared/domain/reference-layer'

interface Row {
  id: number
  name: string
  file: string
  kind: ReferenceLayerInfo['kind']
  features: number
  vertices: number
  visible: number
  imported_at: string
}

const toInfo = (r: Row): ReferenceLayerInfo => ({
  id: r.id,
  name: r.name,
  file: r.file,
  kind: r.kind,
  features: r.features,
  vertices: r.vertices,
  visible: r.visible === 1,
  importedAt: r.imported_at,
})

/** Street centerline and parcel layers drawn under the plan; never part of a change set. */
export class ReferenceLayerRepo {
  private readonly listStmt
  private readonly oneStmt
  private readonly shapesStmt
  private readonly insertStmt
  private readonly visibleStmt
  private readonly removeStmt
  constructor(db: Db) {
    this.listStmt = db.prepare<[], Row>('SELECT id, name, file, kind, features, vertices, visible, imported_at FROM reference_layers ORDER BY id')
    this.oneStmt = db.prepare<[number], Row>('SELECT id, name, file, kind, features, vertices, visible, imported_at FROM reference_layers WHERE id = ?')
    this.shapesStmt = db.prepare<[number], { geometries: string }>('SELECT geometries FROM reference_layers WHERE id = ?')
    this.insertStmt = db.prepare(`INSERT INTO reference_layers (name, file, kind, features, vertices, visible, imported_at, geometries)
      VALUES (@name, @file, @kind, @features, @vertices, 1, @importedAt, @geometries)`)
    this.visibleStmt = db.prepare('UPDATE reference_layers SET visible = ? WHERE id = ?')
    this.removeStmt = db.prepare('DELETE FROM reference_layers WHERE id = ?')
  }

  list(): ReferenceLayerInfo[] {
    return this.listStmt.all().map(toInfo)
  }

  get(id: number): ReferenceLayerInfo | null {
    const r = this.oneStmt.get(id)
    return r ? toInfo(r) : null
  }

  geometries(id: number): ReferenceGeometry[] | null {
    const r = this.shapesStmt.get(id)
    return r ? (JSON.parse(r.geometries) as ReferenceGeometry[]) : null
  }

  insert(layer: Omit<ReferenceLayerInfo, 'id' | 'visible' | 'features'>, geometries: ReferenceGeometry[]): number {
    const r = this.insertStmt.run({ ...layer, features: geometries.length, geometries: JSON.stringify(geometries) })
    return Number(r.lastInsertRowid)
  }

  /** False when there is no such layer. */
  setVisible(id: number, visible: boolean): boolean {
    return this.visibleStmt.run(visible ? 1 : 0, id).changes === 1
  }

  remove(id: number): boolean {
    return this.removeStmt.run(id).changes === 1
  }
}
