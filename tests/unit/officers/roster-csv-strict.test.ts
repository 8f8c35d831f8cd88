import { afterEach, describe, expect, it } from 'vitest'
import { parseAddressCsv } from '../../../src/main/services/address-csv'
import { parseCfsCsv } from '../../../src/main/workload/cfs-csv'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

/** Issue 17 items 8, 9 and 12 (CSV): rows never shift, line endings never merge rows, messages stay bounded. */
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

const HEADER = 'Name,Employee ID,Desk phone,Personal phone,Shift'

describe('17.8 a row whose cell count differs from the header', () => {
  it('is an error naming the line, and its personal phone never reaches the public desk phone', () => {
    const x = sample()
    const text = [
      HEADER,
      'Ann Lee,S-1,925 555 0100,925 555 0199,Days',
      // "Ortiz, Ben" unquoted: every later value shifts one column right.
      'Ortiz, Ben,S-2,925 555 0101,510 555 0142,Nights',
      'Cy Young,S-3,925 555 0102',
    ].join('\n')
    const p = x.officers.preview(text)
    expect(p).toMatchObject({ totalRows: 3, validRows: 1, rowsWithErrors: 2 })
    expect(p.errors.map((e) => e.line)).toEqual([3, 4])
    expect(p.errors[0].message).toMatch(/6 cells but the header has 5/)
    expect(p.errors[1].message).toMatch(/3 cells but the header has 5/)

    const before = dumpTables(x.repos.db)
    expect(() => x.officers.import(text, p.mapping, false, x.session.actor())).toThrow(/Nothing was imported: 2 rows have errors \(first: line 3/)
    expect(dumpTables(x.repos.db)).toEqual(before)

    // Accepting the preview that lists those rows stores only the good one.
    expect(x.officers.import(text, p.mapping, true, x.session.actor())).toMatchObject({ added: 1, skippedRows: 2 })
    expect(x.repos.officers.get('off-S-2')).toBeNull()
    expect(x.repos.officers.list().some((o) => o.deskPhone.includes('510 555 0142'))).toBe(false)
  })

  it('is refused the same way by the calls-for-service and address-point readers', () => {
    const cfs = parseCfsCsv('lon,lat,type\n1,1,Alarm\n2,2,Theft, auto\n3,3\n', { lon: 'lon', lat: 'lat', type: 'type' })
    expect(cfs.points.map((q) => q.lon)).toEqual([1])
    expect(cfs.errors.map((e) => e.line)).toEqual([3, 4])

    const addr = parseAddressCsv('address,lon,lat\n1 A St,-121.7,37.6\n2 B St, Unit 4,-121.7,37.6\n', 'a.csv')
    expect(addr.rows.map((r) => r.address)).toEqual(['1 A St'])
    expect(addr.skipped).toEqual([{ line: 3, message: expect.stringMatching(/^a\.csv: line 3: The row has 4 cells but the header has 3/) }])
  })
})

describe('17.9 mixed line endings', () => {
  it('4 rows in, 4 officers out, each with its own shift', () => {
    const x = sample()
    const text = `${HEADER}\r\nAnn Lee,M-1,,,Days\nBert Ono,M-2,,,Nights\r\nCy Young,M-3,,,Swing\rDee Park,M-4,,,Days\r\n`
    const p = x.officers.preview(text)
    expect(p).toMatchObject({ totalRows: 4, validRows: 4, errorCount: 0 })
    expect(p.sample.map((r) => [r.line, r.displayName, r.shift])).toEqual([
      [2, 'Ann Lee', 'Days'],
      [3, 'Bert Ono', 'Nights'],
      [4, 'Cy Young', 'Swing'],
      [5, 'Dee Park', 'Days'],
    ])
    x.officers.import(text, p.mapping, false, x.session.actor())
    expect(['M-1', 'M-2', 'M-3', 'M-4'].map((id) => x.repos.officers.get(`off-${id}`)?.shift)).toEqual(['Days', 'Nights', 'Swing', 'Days'])
  })

  it('a line break in a shift, id or phone cell is an error of that cell; notes may span lines', () => {
    const x = sample()
    const text = `Name,Employee ID,Shift,Desk phone,Notes\nAnn Lee,L-1,"Days\nBert",,\n"Cy\r\nYoung","L-2\n",Days,"925\n555",\nDee Park,L-3,Days,,"first\r\nsecond"\n`
    const p = x.officers.preview(text)
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Shift'],
      [4, 'Name'],
      [4, 'Desk phone'],
    ])
    expect(p.errors[0].message).toMatch(/Shift holds a line break/)
    expect(p.sample.map((r) => [r.line, r.displayName])).toEqual([[8, 'Dee Park']])
  })
})

describe('17.12 bounded messages for CSV files', () => {
  it('a 10 MB cell is quoted by its head and its length', () => {
    const x = sample()
    const long = 'x'.repeat(10_000_000)
    const p = x.officers.preview(`Name,Email,Area\nAnn Lee,${long},${long}\n`)
    expect(p.errors.map((e) => e.column)).toEqual(['Email', 'Area'])
    for (const e of p.errors) {
      expect(e.message.length).toBeLessThan(400)
      expect(e.message).toContain('(10,000,000 characters)')
    }
    const cfs = parseCfsCsv(`lon,lat\n${long},1\n`, { lon: 'lon', lat: 'lat' })
    expect(cfs.errors[0].message.length).toBeLessThan(400)
  })

  it('20,000 rows sharing one employee id: each message lists 20 lines and the count of the rest', () => {
    const x = sample()
    const rows = ['Name,Employee ID']
    for (let i = 0; i < 20_000; i++) rows.push(`Officer ${i},SAME-1`)
    const p = x.officers.preview(rows.join('\n'))
    expect(p).toMatchObject({ validRows: 0, rowsWithErrors: 20_000, errorCount: 20_000 })
    expect(p.errors[0].message).toBe(
      'Employee ID "SAME-1" appears on 20,000 rows (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, … and 19,980 more)',
    )
    expect(() => x.officers.import(rows.join('\n'), p.mapping, false, x.session.actor())).toThrow(/^Nothing was imported: 20,000 rows have errors \(first: line 2, column "Employee ID": .{0,400}\)\. Fix/)
  })
})
