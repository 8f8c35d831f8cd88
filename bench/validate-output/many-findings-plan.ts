import { openDatabase } from '../../src/main/db/connection'
import { OfficerRepo } from '../../src/main/db/repos/officer-repo'

/**
 * Adds `count` officers to an existing plan, each in one Area Command while adopting a
 * neighborhood of another: every one is an "officer-outside-area" error with its own id and
 * message. Officers carry no geometry, so validation stays cheap and the run measures how the
 * findings are printed, not how the city is checked.
 */
export function addMisplacedOfficers(dbFile: string, count: number): void {
  const db = openDatabase(dbFile)
  try {
    const pair = db
      .prepare<[], { areaId: string; neighborhoodId: string }>(
        `SELECT a.id AS areaId, n.id AS neighborhoodId FROM areas a JOIN neighborhoods n ON n.area_id <> a.id ORDER BY a.id, n.id LIMIT 1`,
      )
      .get()
    if (!pair) throw new Error(`${dbFile} needs two Area Commands with neighborhoods`)
    const officers = new OfficerRepo(db)
    const width = String(count).length
    db.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const id = `bench-${String(i).padStart(width, '0')}`
        officers.put({
          id,
          displayName: `Officer ${id}`,
          rank: 'Officer',
          email: `${id}@example.org`,
          deskPhone: '555-0100',
          shift: 'Day',
          status: 'active',
          areaId: pair.areaId,
          neighborhoodId: pair.neighborhoodId,
          private: { employeeId: id, badge: id, personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
        })
      }
    })()
  } finally {
    db.close()
  }
}
