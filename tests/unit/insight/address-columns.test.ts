import { describe, expect, it } from 'vitest'
import { readCsvTable } from '../../../src/shared/staffing/csv-rows'
import { readAddressColumns } from '../../../src/main/services/address-csv'

/** What the reader gave when it kept each address as a string: the cell trimmed, rows with a bad cell left out. */
function addressesByTable(file: string): string[] {
  const t = readCsvTable(file, 'a.csv')
  const [ai, xi, yi] = ['address', 'lon', 'lat'].map((h) => t.headers.indexOf(h))
  return t.rows
    .filter((r) => r.cells.length === t.headers.length && r.cells[ai].trim() !== '' && r.cells[xi].trim() !== '' && r.cells[yi].trim() !== '')
    .map((r) => r.cells[ai].trim())
}

describe('address columns keep each address as where it lies in the file', () => {
  const body = ['1 Ash St,1,2', '  2 Alder St \t,1,2', '\u00a03 Aspen St\u3000,1,2', 'Café 4,1,2', '5 Élan Ave,1,2', ' ,1,2', '6 Birch St,,2', '7 Cedar St,1,2']
  const files = {
    'without quotes': ['address,lon,lat', ...body].join('\n'),
    'with quotes (each row read on its own)': ['address,lon,lat', ...body, '"8 Dogwood St, Unit 2",1,2', '" 9 Elm St ",1,2'].join('\r\n'),
    'quotes only after the first rows (rows read on their own from the start)': ['address,lon,lat', ...body, '10 Fir St,1,2', '"11 Gum St",1,2'].join('\n'),
  }
  for (const [what, file] of Object.entries(files)) {
    it(`gives the same addresses, trimmed, as the cells read whole: ${what}`, () => {
      const r = readAddressColumns(file, 'a.csv')
      const want = addressesByTable(file)
      expect(Array.from({ length: r.points.address.length }, (_, i) => r.points.address.at(i))).toEqual(want)
      expect(r.points.lon.length).toBe(want.length)
      expect(r.skipped.map((s) => s.message)).toEqual(['a.csv: line 7: the address column is empty', 'a.csv: line 8: lon "" is not a longitude between -180 and 180'])
    })
  }

  it('answers at(i) as an array does, past its ends too', () => {
    const r = readAddressColumns('address,lon,lat\n1 Ash St,1,2\n2 Alder St,1,2\n', 'a.csv')
    const a = ['1 Ash St', '2 Alder St']
    for (const i of [0, 1, 2, -1, -2, -3]) expect(r.points.address.at(i), String(i)).toBe(a.at(i))
  })

  it('lists every bad row of a file with 200,000 of them, each by its line', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i} Ash St,,2`)
    const r = readAddressColumns(['address,lon,lat', ...rows, '1 Good St,1,2'].join('\n'), 'a.csv')
    expect(r.points.address.length).toBe(1)
    expect(r.skipped.length).toBe(200_000)
    expect(r.skipped.at(-1)).toEqual({ line: 200_001, message: 'a.csv: line 200001: lon "" is not a longitude between -180 and 180' })
  })
})
