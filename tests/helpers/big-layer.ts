import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Writes a big GeoJSON layer of Area Commands for the import tests: `count` squares of a grid
 * (`cols` wide, `cell` degrees a side, from `origin`), each side cut into `perSide` edges, ids
 * `<prefix><n>` in the ID field, and `notesChars` characters of text in NOTES (a layer's attributes). Written in pieces, so the test's memory stays small. Returns its size in bytes.
 */
export function writeGridLayer(file: string, o: { count: number; perSide: number; cols?: number; cell?: number; origin?: [number, number]; prefix?: string; notesChars?: number }): number {
  const cols = o.cols ?? Math.ceil(Math.sqrt(o.count))
  const cell = o.cell ?? 0.002
  const [x0, y0] = o.origin ?? [-121.9, 37.5]
  const notes = o.notesChars ? `,"NOTES":"${'Parcel history and zoning remarks. '.repeat(Math.ceil(o.notesChars / 35)).slice(0, o.notesChars)}"` : ''
  const fd = openSync(file, 'w')
  let size = 0
  const put = (s: string) => (size += writeSync(fd, s))
  try {
    put('{"type":"FeatureCollection","features":[\n')
    for (let i = 0; i < o.count; i++) {
      const x = x0 + (i % cols) * cell
      const y = y0 + Math.floor(i / cols) * cell
      const pts: string[] = []
      const at = (k: number) => (k * cell) / o.perSide
      for (let k = 0; k < o.perSide; k++) pts.push(`[${(x + at(k)).toFixed(7)},${y.toFixed(7)}]`)
      for (let k = 0; k < o.perSide; k++) pts.push(`[${(x + cell).toFixed(7)},${(y + at(k)).toFixed(7)}]`)
      for (let k = 0; k < o.perSide; k++) pts.push(`[${(x + cell - at(k)).toFixed(7)},${(y + cell).toFixed(7)}]`)
      for (let k = 0; k < o.perSide; k++) pts.push(`[${x.toFixed(7)},${(y + cell - at(k)).toFixed(7)}]`)
      pts.push(pts[0])
      put(`${i ? ',\n' : ''}{"type":"Feature","properties":{"ID":"${o.prefix ?? 'G'}${i}","NAME":"Grid ${i}"${notes}},"geometry":{"type":"Polygon","coordinates":[[${pts.join(',')}]]}}`)
    }
    put('\n]}\n')
  } finally {
    closeSync(fd)
  }
  return size
}
