import type { FindingSummary } from '../../shared/domain'
import type { ImportLayer, ImportMode, ImportResult } from '../../shared/ipc/features/import-outputs'
import { safeLine } from '../../shared/text/safe-text'
import { AppError } from '../services/app-error'
import { CHECK_AFTER_IMPORT_MAX_UNITS } from '../services/import-service'
import { str } from './args'
import { EXIT, InputError, UsageError, type CliCommand, type CliIo } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

const WORDS: Record<ImportLayer, [string, string]> = { areas: ['Area Command', 'Area Commands'], neighborhoods: ['neighborhood', 'neighborhoods'], city: ['city limit', 'city limits'] }

/** Which flags each layer needs and which it does not take, checked before anything is opened. */
function checkLayerFlags(layer: ImportLayer, idField?: string, areaField?: string): void {
  if (layer !== 'city' && !idField) throw new UsageError(`import: --layer ${layer} needs --id-field <F> (the field holding each unit's id)`)
  if (layer === 'neighborhoods' && !areaField) throw new UsageError('import: --layer neighborhoods needs --area-field <F> (the field holding each neighborhood\'s Area Command id)')
  if (layer !== 'neighborhoods' && areaField) throw new UsageError(`import: --area-field applies to --layer neighborhoods only`)
  if (layer === 'city' && idField) throw new UsageError('import: --id-field does not apply to --layer city (the city limit is one boundary)')
}

export function summaryLine(s: FindingSummary): string {
  const counts = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
  return `${counts}; ${s.blocking ? 'publishing is blocked' : 'nothing blocks publishing'}`
}

/** One fact per line; the file name (and the notices that quote it) may hold a line break, so each goes in with safeLine. */
function report(r: ImportResult, io: CliIo): void {
  const [one, many] = WORDS[r.layer]
  const n = r.added.length + r.replaced.length + r.unchanged.length
  const parts = [`${r.added.length} added`, `${r.replaced.length} replaced`, `${r.unchanged.length} unchanged`]
  if (r.mode === 'replace') parts.push(`${r.removed.length} removed`)
  if (r.unassigned.length) parts.push(`${r.unassigned.length} officer${r.unassigned.length === 1 ? '' : 's'} left without a neighborhood (${safeLine(r.unassigned.slice(0, 8).join(', '))}${r.unassigned.length > 8 ? ', …' : ''})`)
  io.out(`Imported ${n} ${n === 1 ? one : many} from ${safeLine(r.file)} (${r.mode}): ${parts.join(', ')}. Undoable as one step (#${r.seq}).`)
  for (const notice of r.notices) io.out(`notice: ${safeLine(notice)}`)
  if (r.backupFile) io.out(`Backup taken before the import: ${safeLine(r.backupFile)}`)
  io.out(r.summary
    ? `Plan now: ${summaryLine(r.summary)} (run validate for the findings).`
    : `Plan now: not checked (over ${CHECK_AFTER_IMPORT_MAX_UNITS.toLocaleString('en-US')} units are stored without the whole-plan check, which takes minutes); run validate for the findings.`)
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import Area Commands, neighborhoods or the city limit from GeoJSON, a zipped Shapefile, KML or GeoPackage, in one undoable step.',
  flags: {
    db: TARGET_FLAGS.db,
    layer: { type: 'string', required: true, values: ['areas', 'neighborhoods', 'city'], help: 'what the file holds' },
    file: { type: 'string', required: true, arg: '<f>', help: 'the layer: .geojson/.json, .zip (Shapefile with .prj), .kml, .kmz or .gpkg' },
    'id-field': { type: 'string', arg: '<F>', help: 'field holding each unit\'s id (areas, neighborhoods)' },
    'area-field': { type: 'string', arg: '<F>', help: 'field holding each neighborhood\'s Area Command id (neighborhoods)' },
    'name-field': { type: 'string', arg: '<F>', help: 'field holding the name (default: the id; for the city, the file name)' },
    mode: { type: 'string', values: ['replace', 'add'], help: 'replace the whole layer (default) or add new ids only' },
    crs: { type: 'string', arg: '<EPSG>', help: 'coordinate system of a file that names none: any EPSG code, e.g. EPSG:2227 or EPSG:3435' },
    'gpkg-layer': { type: 'string', arg: '<name>', help: 'the layer to read from a GeoPackage that holds several' },
    server: TARGET_FLAGS.server,
  },
  usages: [
    'npm run cli -- import --db <file> --layer areas --file <f> --id-field <F> [--name-field <F>] [--mode replace|add] [--crs <EPSG>] [--gpkg-layer <name>]',
    'npm run cli -- import --db <file> --layer neighborhoods --file <f> --id-field <F> --area-field <F> [--name-field <F>] [--mode replace|add] [--crs <EPSG>] [--gpkg-layer <name>]',
    'npm run cli -- import --db <file> --layer city --file <f> [--name-field <F>] [--mode replace|add] [--crs <EPSG>] [--gpkg-layer <name>]',
  ],
  notes: [
    'Features sharing an id become one multi-part unit; a neighborhood\'s area id is matched exactly, then ignoring case,',
    'spaces and leading zeros (\'04\' = \'4\'). Invalid polygons are stored as they are and reported by validate.',
    'Replacing areas is refused while neighborhoods or officers use an area that would disappear; replacing neighborhoods',
    'leaves officers of removed neighborhoods unassigned. A backup is taken before every import.',
  ],
  async run(flags, io) {
    const layer = str(flags, 'layer') as ImportLayer
    const idField = str(flags, 'id-field')
    const areaField = str(flags, 'area-field')
    checkLayerFlags(layer, idField, areaField)
    const plan = await openTarget('import', flags, { purpose: 'import into it' })
    try {
      const result = await plan.services.imports.apply(
        str(flags, 'file')!,
        { layer, idField, areaField, nameField: str(flags, 'name-field'), crs: str(flags, 'crs'), gpkgLayer: str(flags, 'gpkg-layer'), mode: (str(flags, 'mode') ?? 'replace') as ImportMode },
        plan.actor,
        { check: 'small' },
      )
      await plan.finish()
      // On a server the backup was of the command's throw-away working copy, gone when it ends: the server's log keeps the step.
      report(str(flags, 'server') ? { ...result, backupFile: null } : result, io)
      return EXIT.ok
    } catch (e) {
      // The parser speaks to the app's dialog; on the command line, say which flag picks the CRS.
      if (e instanceof AppError && e.code === 'projected-no-crs') throw new InputError(`${e.message} with --crs <EPSG> (for example --crs EPSG:2227)`)
      if (e instanceof AppError && e.code === 'several-gpkg-layers') throw new InputError(`${e.message} with --gpkg-layer <name>`)
      if (e instanceof AppError) throw new InputError(e.message)
      throw e
    } finally {
      await plan.closeAll()
    }
  },
}
