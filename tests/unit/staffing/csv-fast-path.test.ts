import { describe, expect, it } from 'vitest'
import { cellOf, plainDecimal, readCsvTable, scanCsvTable } from '../../../src/shared/staffing/csv-rows'
import { parseWallTime, parseWallTimeAt } from '../../../src/shared/staffing/shifts'

// The fast readers must accept and refuse exactly what the general ones do, with the same values and messages.
describe('CSV fast paths agree with the general readers', () => {
  it('times: the in-place reader gives the same minutes or the same message', () => {
    const cells = ['2024-03-05 14:00', ' 2024-03-05T14:00:59 ', '2024-03-05 4:05', '2024-02-29 23:59:00.123', '2023-02-29 10:00', '2024-13-01 10:00',
      '2024-03-05 24:00', '2024-03-05 14:60', '2024-03-05 14:00:60', '2024-03-05 14:00Z', '2024-03-05 14:00 +01:00', '0099-03-05 14:00',
      '03/05/2024 02:00 PM', '2024-03-05 14:00:', '2024-03-05 14:00.', '2024-03-05 14:0', '2024-03-05 140:00', '', '1969-12-31 23:59', '2000-02-29 00:00']
    for (const c of cells) expect(parseWallTimeAt(`x,${c},y`, 2, 2 + c.length), c).toEqual(parseWallTime(c))
  })

  it('numbers: a plain decimal is read as Number reads it, anything else is left to the caller (NaN)', () => {
    for (const c of ['-87.6298123', '41.9', ' 12 ', '+3.', '.5', '0', '-0.000001', '123456789012345', '41.881832', '-87.623177']) expect(plainDecimal(c, 0, c.length), c).toBe(Number(c.trim()))
    // Past 15 digits the value could round differently, so the caller reads it with Number.
    for (const c of ['', '.', '1e3', '0x1f', '1.2.3', '--1', 'Infinity', '1 2', '0.1234567890123456']) expect(plainDecimal(c, 0, c.length), c).toBeNaN()
  })

  it('tables: the same headers, rows, lines, cells and errors as readCsvTable', () => {
    const files = ['\uFEFFa,b,c\r\n1,2,3\n\n , , \n4,5\n6,7,8,9\n10,11,12\n', 'a;b\n1;2\r3;4', '\n\nh1\th2\n x \t y \n', '', ' , \n', 'a,b\n"1,5",2\n3,4\n']
    for (const f of files) {
      const slow = readCsvTable(f, 'File')
      const rows: { line: number; cells: string[] }[] = []
      const fast = scanCsvTable(f, 'File', (h) => (r) => rows.push({ line: r.line, cells: h.map((_, k) => cellOf(r, k)) }))
      expect({ headers: fast.headers, rowCount: fast.rowCount, errors: fast.errors, rows }, JSON.stringify(f)).toEqual({ headers: slow.headers, rowCount: slow.rowCount, errors: slow.errors, rows: slow.rows })
    }
  })
})
