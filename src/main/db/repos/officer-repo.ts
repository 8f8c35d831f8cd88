import type { Db } from '../connection'
import type { Officer, OfficerStatus } from '../../../shared/domain'

interface Row {
  id: string; display_name: string; rank: string; email: string; desk_phone: string; shift: string; status: string; area_id: string | null
  neighborhood_id: string | null
  employee_id: string | null; badge: string | null; personal_phone: string | null; personal_email: string | null; home_address: string | null; notes: string | null
}

const SELECT = `SELECT o.id, o.display_name, o.rank, o.email, o.desk_phone, o.shift, o.status, o.area_id, a.neighborhood_id,
  p.employee_id, p.badge, p.personal_phone, p.personal_email, p.home_address, p.notes
  FROM officers o LEFT JOIN adoptions a ON a.officer_id = o.id LEFT JOIN officer_private p ON p.officer_id = o.id`

function toOfficer(r: Row): Officer {
  return {
    id: r.id, displayName: r.display_name, rank: r.rank, email: r.email, deskPhone: r.desk_phone, shift: r.shift,
    status: r.status as OfficerStatus, areaId: r.area_id, neighborhoodId: r.neighborhood_id,
    private: {
      employeeId: r.employee_id ?? '', badge: r.badge ?? '', personalPhone: r.personal_phone ?? '',
      personalEmail: r.personal_email ?? '', homeAddress: r.home_address ?? '', notes: r.notes ?? '',
    },
  }
}

/** Officers span three tables (public, private, adoption); this repo keeps them in step. */
export class OfficerRepo {
  private readonly listStmt
  private readonly getStmt
  private readonly existsStmt
  private readonly putPublic
  private readonly putPrivate
  private readonly putAdoption
  private readonly delAdoption
  private readonly delStmt
  constructor(db: Db) {
    this.listStmt = db.prepare<[], Row>(`${SELECT} ORDER BY o.id`)
    this.getStmt = db.prepare<[string], Row>(`${SELECT} WHERE o.id = ?`)
    this.existsStmt = db.prepare<[string], { id: string }>('SELECT id FROM officers WHERE id = ?')
    // Positional parameters: a roster import binds these a million times, and named ones cost an object per call.
    this.putPublic = db.prepare(`INSERT INTO officers (id, display_name, rank, email, desk_phone, shift, status, area_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, rank = excluded.rank, email = excluded.email,
        desk_phone = excluded.desk_phone, shift = excluded.shift, status = excluded.status, area_id = excluded.area_id`)
    this.putPrivate = db.prepare(`INSERT INTO officer_private (officer_id, employee_id, badge, personal_phone, personal_email, home_address, notes)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(officer_id) DO UPDATE SET employee_id = excluded.employee_id, badge = excluded.badge, personal_phone = excluded.personal_phone,
        personal_email = excluded.personal_email, home_address = excluded.home_address, notes = excluded.notes`)
    this.putAdoption = db.prepare(`INSERT INTO adoptions (officer_id, neighborhood_id) VALUES (?, ?)
      ON CONFLICT(officer_id) DO UPDATE SET neighborhood_id = excluded.neighborhood_id`)
    this.delAdoption = db.prepare('DELETE FROM adoptions WHERE officer_id = ?')
    this.delStmt = db.prepare('DELETE FROM officers WHERE id = ?')
  }
  list(): Officer[] {
    return this.listStmt.all().map(toOfficer)
  }
  get(id: string): Officer | null {
    const r = this.getStmt.get(id)
    return r ? toOfficer(r) : null
  }
  exists(id: string): boolean {
    return this.existsStmt.get(id) !== undefined
  }
  /**
   * Call inside a transaction: writes three tables. `isNew` says the caller knows no officer with
   * this id is stored (so no adoption can be), which spares a delete per officer of a large import.
   */
  put(o: Officer, isNew = false): void {
    const p = o.private
    this.putPublic.run(o.id, o.displayName, o.rank, o.email, o.deskPhone, o.shift, o.status, o.areaId)
    this.putPrivate.run(o.id, p.employeeId, p.badge, p.personalPhone, p.personalEmail, p.homeAddress, p.notes)
    if (o.neighborhoodId) this.putAdoption.run(o.id, o.neighborhoodId)
    else if (!isNew) this.delAdoption.run(o.id)
  }
  remove(id: string): void {
    this.delStmt.run(id)
  }
}
