import { describe, expect, it } from 'vitest'
import { cellOf, plainDecimal, readCsvTable, scanCsvTable } from '../../../src/shared/staffing/csv-rows'
import { DEFAULT_SHIFTS, parseWallTime, parseWallTimeAt } from '../../../src/shared/staffing/shifts'
import { aggregateByShift } from '../../../src/shared/staffing/shift-workload'
import { csvHeaders, parseCfsCsv, readCfsColumns } from '../../../src/main/workload/cfs-csv'
import { readAddressColumns } from '../../../src/main/services/address-csv'
import { area, neighborhood, plan, rect } from './fixtures'

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

// The command line reads a million calls into columns; the window's import reads the same rows as objects.
describe('calls and addresses read into columns', () => {
  const city = plan(
    [area('A', 'North', { type: 'Polygon', coordinates: [rect(0, 0, 10, 10)] }), area('B', 'South', { type: 'Polygon', coordinates: [rect(10, 0, 20, 10)] })],
    [
      neighborhood('A1', 'A', 'West', { type: 'Polygon', coordinates: [rect(0, 0, 5, 10)] }),
      neighborhood('A2', 'A', 'East', { type: 'Polygon', coordinates: [rect(5, 0, 10, 10)] }),
      neighborhood('B1', 'B', 'Harbor', { type: 'Polygon', coordinates: [rect(10, 0, 20, 10)] }),
    ],
  )
  // Row i: neighborhood A1, A2, B1 in turn (lon 1, 7, 13), on Monday 2024-03-04 at hour i mod 24; each hour 125 times.
  const rows = Array.from({ length: 3000 }, (_, i) => `${1 + (i % 3) * 6},5,30,2024-03-04 ${String(i % 24).padStart(2, '0')}:00`)
  const mapping = { lon: 'lon', lat: 'lat', minutes: 'minutes', time: 'time' }

  it('buckets the same calls per shift as worked out by hand, from columns or objects, with LF or bare-CR lines', () => {
    for (const eol of ['\n', '\r']) {
      const text = ['lon,lat,minutes,time', ...rows].join(eol)
      const { calls, errors } = readCfsColumns(text, mapping)
      expect(errors).toEqual([])
      expect(calls.length).toBe(3000)
      const fromColumns = aggregateByShift(calls, city, DEFAULT_SHIFTS)
      // A1 takes hours 0, 3, ... 21: Days 6, 9, 12; Swing 15, 18, 21; Nights 0, 3.
      expect(fromColumns.byNeighborhood.A1.calls).toEqual([375, 375, 250])
      expect(fromColumns.byNeighborhood.A2.calls).toEqual([375, 250, 375])
      expect(fromColumns.byNeighborhood.B1.calls).toEqual([250, 375, 375])
      expect(fromColumns.byArea.A.workload).toEqual([375, 312.5, 312.5])
      expect(aggregateByShift(parseCfsCsv(text, mapping).points, city, DEFAULT_SHIFTS)).toEqual(fromColumns)
    }
    // Without a time column no call is in a shift.
    const untimed = readCfsColumns(['lon,lat', '1,5', '7,5'].join('\n'), { lon: 'lon', lat: 'lat' }).calls
    expect(untimed.at).toBeNull()
    expect(aggregateByShift(untimed, city, DEFAULT_SHIFTS)).toMatchObject({ timed: 0, untimed: 2 })
    // Addresses whose lines end in a bare CR are read whole as well.
    const addr = readAddressColumns(['address,lon,lat', ...rows.map((r, i) => `${i} Main St,${r.split(',')[0]},5`)].join('\r'), 'a.csv')
    expect(addr.skipped).toEqual([])
    expect([addr.points.address.length, addr.points.address.at(2999), addr.points.lon[2999], addr.points.lat[2999]]).toEqual([3000, '2999 Main St', 13, 5])
  })

  it('csvHeaders gives the header row readCsvTable gives, without reading the whole file', () => {
    const body = Array.from({ length: 20 }, (_, i) => `${i},${i}`)
    const files = [
      ['lon,lat', ...body].join('\n'),
      ['Longitude;Latitude;Time Received', '1;2;2024-03-04 10:00'].join('\r\n'),
      ['lon,lat', ...body, '"3,5",4'].join('\n'),
      ['"Call\nType",lon', 'Alarm,1'].join('\n'),
      '\uFEFFlon\tlat\n1\t2',
    ]
    for (const f of files) expect(csvHeaders(f), JSON.stringify(f.slice(0, 40))).toEqual(readCsvTable(f, 'File').headers)
  })
})
