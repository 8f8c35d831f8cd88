import { readDbf } from './read-dbf'
import { readShp } from './read-shp'
import { checkDeclaredSizes, extractEntries, listZip, type ZipEntry } from './read-zip'
import { ImportError, formatMegabytes } from './import-error'
import { MAX_SHP_BYTES, type RawLayer } from './types'
import { showList, showValue } from '../../shared/text/bounded'

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
/** macOS zips carry resource forks (__MACOSX/._x.shp) that are not layers. */
const isJunk = (p: string): boolean => p.startsWith('__MACOSX/') || baseName(p).startsWith('._') || p.endsWith('/')

/** A zipped Shapefile: one .shp with its .dbf, and optionally .prj (coordinate system) and .cpg (encoding). */
export function readShapefileZip(file: string, bytes: Uint8Array, maxUncompressedBytes: number, maxShpBytes = MAX_SHP_BYTES, lines = false): RawLayer {
  const entries = listZip(file, bytes).filter((e) => !isJunk(e.name))
  checkDeclaredSizes(file, entries, maxUncompressedBytes)
  const shps = entries.filter((e) => /\.shp$/i.test(e.name))
  if (shps.length === 0) {
    const names = showList(entries.map((e) => baseName(e.name)), 8)
    throw new ImportError('no-shp', `${file} holds no .shp file (it contains: ${names || 'nothing'}); zip the layer's .shp, .dbf and .prj together`, {
      file,
    })
  }
  if (shps.length > 1) {
    throw new ImportError(
      'several-shp',
      `${file} holds ${shps.length} Shapefiles (${showList(shps.map((e) => baseName(e.name)), 8)}); zip one layer per file`,
      { file },
    )
  }
  const shp = shps[0]
  if (shp.size > maxShpBytes) {
    throw new ImportError(
      'layer-too-large',
      `${file}: ${showValue(baseName(shp.name))} is ${formatMegabytes(shp.size)} of geometry; the import limit is ${formatMegabytes(maxShpBytes)} (about ${Math.round(maxShpBytes / 16 / 1e6)} million vertices), so the zip is refused without unpacking it. Split the layer or simplify it`,
      { file },
    )
  }
  const stem = shp.name.slice(0, -4).toLowerCase()
  const sibling = (ext: string): ZipEntry | undefined => entries.find((e) => e.name.toLowerCase() === `${stem}.${ext}`)
  const dbf = sibling('dbf')
  if (!dbf) {
    throw new ImportError('no-dbf', `${file}: ${showValue(baseName(shp.name))} has no .dbf beside it, so its features have no attributes; zip the .dbf too`, { file })
  }
  const prj = sibling('prj')
  const cpg = sibling('cpg')
  const wanted = [shp, dbf, prj, cpg].filter((e): e is ZipEntry => e !== undefined)
  const data = extractEntries(file, bytes, wanted, maxUncompressedBytes)
  const text = (e: ZipEntry | undefined): string | null => (e ? new TextDecoder('utf-8').decode(data.get(e.name)).replace(/^\uFEFF/, '') : null)

  const shpName = baseName(shp.name)
  const dbfName = baseName(dbf.name)
  const geometries = readShp(file, shpName, data.get(shp.name)!, lines)
  const table = readDbf(file, dbfName, data.get(dbf.name)!, text(cpg))
  if (geometries.length !== table.records.length) {
    throw new ImportError(
      'record-count-mismatch',
      `${file}: ${showValue(shpName)} holds ${geometries.length} shapes but ${showValue(dbfName)} holds ${table.records.length} records; the two files do not belong together`,
      { file },
    )
  }
  const prjText = text(prj)?.trim() || null
  return {
    format: 'shapefile',
    fields: table.fields,
    features: geometries.map((geometry, index) => ({ index, properties: table.records[index], geometry })),
    crs: prjText,
    notices: [],
  }
}
