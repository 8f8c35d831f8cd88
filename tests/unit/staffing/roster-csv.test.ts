import { describe, expect, it } from 'vitest'
import { guessRosterMapping, previewRosterCsv, rosterToCsv, ROSTER_FIELDS } from '../../../src/main/roster/roster-csv'
import { officer } from './fixtures'

const areas = [
  { id: 'north', name: 'North Area' },
  { id: 'south', name: 'South Area' },
]
const neighborhoods = [
  { id: 'nb-1', name: 'Springtown', areaId: 'north' },
  { id: 'nb-2', name: 'Downtown', areaId: 'north' },
  { id: 'nb-3', name: 'Vasco', areaId: 'south' },
  { id: 'nb-4', name: 'Downtown', areaId: 'south' },
]
const existing = [officer('off-legacy', 'south', 'nb-3', { displayName: 'Ann Old', private: { employeeId: 'E101', badge: '9', personalPhone: '', personalEmail: '', homeAddress: '', notes: 'kept' } })]
const ctx = { areas, neighborhoods, existing }
const HEADER = 'Name,Rank,Emp ID,Badge #,Email,Area,Neighborhood,Status,Favourite colour'

describe('roster CSV import', () => {
  it('guesses the usual department headers', () => {
    const m = guessRosterMapping(HEADER.split(','))
    expect(m).toMatchObject({
      displayName: 'Name',
      rank: 'Rank',
      employeeId: 'Emp ID',
      badge: 'Badge #',
      email: 'Email',
      area: 'Area',
      neighborhood: 'Neighborhood',
      status: 'Status',
    })
    expect(guessRosterMapping(['display name', 'EMPLOYEE_ID', 'Desk Phone']).displayName).toBe('display name')
  })

  it('reads a clean file, resolves areas and neighborhoods by name or id, and updates a known employee id', () => {
    const text = [
      HEADER,
      'Maria Nguyen,Officer,E100,512,m.nguyen@pd.example.gov,North Area,Springtown,active,blue',
      'Ann Old,Sergeant,e101,9,ann.old@pd.example.gov,south,Downtown,Leave,red',
      'Sam Reyes,Officer,E102,777,,,Vasco,,green',
    ].join('\r\n')
    const p = previewRosterCsv(text, ctx)
    expect(p.errors).toEqual([])
    expect(p.totalRows).toBe(3)
    expect(p.unknownHeaders).toEqual(['Favourite colour'])
    expect(p.officers.map((o) => o.line)).toEqual([2, 3, 4])
    const [maria, ann, sam] = p.officers.map((o) => o.officer)
    expect(maria).toMatchObject({ id: 'off-E100', areaId: 'north', neighborhoodId: 'nb-1', status: 'active', rank: 'Officer' })
    expect(maria.private).toMatchObject({ employeeId: 'E100', badge: '512' })
    // Same employee id as an existing officer: that officer is updated, keeps its id and its unmapped notes.
    expect(ann).toMatchObject({ id: 'off-legacy', rank: 'Sergeant', status: 'leave', areaId: 'south', neighborhoodId: 'nb-4' })
    expect(ann.private.notes).toBe('kept')
    // No area given: the neighborhood's area is used.
    expect(sam).toMatchObject({ id: 'off-E102', areaId: 'south', neighborhoodId: 'nb-3', status: 'active' })
  })

  it('names line and column for a duplicate id, an unknown area and a bad email, and drops those rows', () => {
    const text = [
      HEADER,
      'Good Row,Officer,E1,1,good@pd.example.gov,North Area,,active,',
      'Dup One,Officer,E2,2,d1@pd.example.gov,North Area,,active,',
      'Dup Two,Officer,E2,3,d2@pd.example.gov,North Area,,active,',
      'Lost Area,Officer,E3,4,l@pd.example.gov,East Area,,active,',
      'Bad Mail,Officer,E4,5,not-an-email,South Area,,active,',
      'Wrong Place,Officer,E5,6,w@pd.example.gov,South Area,Springtown,active,',
      'Odd Status,Officer,E6,7,o@pd.example.gov,South Area,,retired,',
      ',Officer,E7,8,n@pd.example.gov,South Area,,active,',
    ].join('\n')
    const p = previewRosterCsv(text, ctx)
    expect(p.officers.map((o) => [o.line, o.officer.displayName])).toEqual([[2, 'Good Row']])
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Emp ID'],
      [4, 'Emp ID'],
      [5, 'Area'],
      [6, 'Email'],
      [7, 'Neighborhood'],
      [8, 'Status'],
      [9, 'Name'],
    ])
    expect(p.errors[0].message).toMatch(/E2.*lines 3, 4/)
    expect(p.errors[2].message).toMatch(/Unknown area "East Area"/)
    expect(p.errors[4].message).toMatch(/not in area "South Area"/)
  })

  it('keeps line numbers right after a quoted cell that spans lines', () => {
    const text = 'Name,Notes,Email\r\n"Lee, Pat","first line\r\nsecond line\r\nthird",lee@pd.example.gov\r\nKim,,kim@bad\r\n'
    const p = previewRosterCsv(text, ctx)
    expect(p.officers).toHaveLength(1)
    expect(p.officers[0].line).toBe(2)
    // Line endings are normalised before parsing, inside quoted cells too (as spreadsheets store them).
    expect(p.officers[0].officer.private.notes).toBe('first line\nsecond line\nthird')
    expect(p.errors).toEqual([{ line: 5, column: 'Email', message: '"kim@bad" is not an email address' }])
  })

  it('reports a roster without a name column once, at line 1', () => {
    const p = previewRosterCsv('Rank,Email\nOfficer,a@b.co\n', ctx)
    expect(p.officers).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toMatchObject({ line: 1, column: 'Name' })
  })

  it('honours a mapping chosen by the user and reports a mapped header that is not in the file', () => {
    const p = previewRosterCsv('Who,Where\nPat,North Area\n', ctx, { displayName: 'Who', area: 'Where' })
    expect(p.officers[0].officer).toMatchObject({ displayName: 'Pat', areaId: 'north' })
    const q = previewRosterCsv('Who,Where\nPat,North Area\n', ctx, { displayName: 'Who', area: 'Zone' })
    expect(q.errors).toEqual([{ line: 1, column: 'Zone', message: expect.stringMatching(/"Zone".*not in the file/) }])
  })

  it('gives officers without an employee id a stable id that does not change between imports', () => {
    const text = 'Name,Email\nPat Doe,pat@pd.example.gov\nPat Doe,pat@pd.example.gov\n'
    const a = previewRosterCsv(text, ctx).officers.map((o) => o.officer.id)
    const b = previewRosterCsv(text, ctx).officers.map((o) => o.officer.id)
    expect(a).toEqual(b)
    expect(a[0]).toMatch(/^off-h[0-9a-f]{8}$/)
    expect(a[1]).toBe(`${a[0]}-2`)
  })

  it('parses a 5,000-row roster with every row in order and none in error', () => {
    const rows = [HEADER]
    for (let i = 0; i < 5000; i++) {
      rows.push(`"Officer ${i}, Jr",Officer,E${i},${i},o${i}@pd.example.gov,${i % 2 ? 'North Area' : 'South Area'},${i % 2 ? 'Springtown' : 'Vasco'},active,`)
    }
    const p = previewRosterCsv(rows.join('\n'), { areas, neighborhoods, existing: [] })
    expect(p.errors).toEqual([])
    expect(p.officers).toHaveLength(5000)
    expect(p.officers[4999].line).toBe(5001)
  })
})

describe('roster CSV export', () => {
  it('escapes formula-looking cells so a spreadsheet shows them as text', () => {
    const o = officer('off-1', 'north', 'nb-1', {
      displayName: '=HYPERLINK("http://evil.example","click")',
      deskPhone: '+1 925 555 0100',
      private: { employeeId: 'E1', badge: '@7', personalPhone: '-5', personalEmail: '', homeAddress: '1 Main St, Apt 2', notes: '\tx' },
    })
    const csv = rosterToCsv([o], { areas, neighborhoods })
    const [header, row] = csv.split('\r\n')
    expect(header).toBe('Name,Rank,Email,Desk phone,Employee ID,Badge,Personal phone,Personal email,Home address,Notes,Shift,Status,Area,Neighborhood')
    expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""click"")",`)).toBe(true)
    expect(row).toContain(",'+1 925 555 0100,")
    expect(row).toContain(",'@7,'-5,,")
    expect(row).toContain(',"1 Main St, Apt 2",')
    expect(row.endsWith(',North Area,Springtown')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('round-trips every field through export and import', () => {
    const list = [
      officer('off-E1', 'north', 'nb-2', {
        displayName: '=1+1',
        deskPhone: '+1 925 555 0100',
        shift: 'Night',
        status: 'leave',
        private: { employeeId: 'E1', badge: '12', personalPhone: '555', personalEmail: 'me@home.example', homeAddress: '"Quoted" St', notes: 'a\nb' },
      }),
      officer('off-x', 'south', 'nb-4', { private: { employeeId: 'E2', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' } }),
    ]
    const csv = rosterToCsv(list, { areas, neighborhoods })
    const p = previewRosterCsv(csv, { areas, neighborhoods, existing: list })
    expect(p.errors).toEqual([])
    expect(p.unknownHeaders).toEqual([])
    expect(Object.keys(p.mapping).sort()).toEqual([...ROSTER_FIELDS].sort())
    expect(p.officers.map((o) => o.officer)).toEqual(list)
  })
})
