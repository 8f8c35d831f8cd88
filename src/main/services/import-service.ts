import type { PlanState } from '../../shared/domain'
import { cutText } from '../../shared/text/bounded'
import { cleanName } from '../../shared/text/safe-text'
import type { ImportMapping, ImportMode, ImportPreview, ImportResult, ParentMatch, PreviewUnit } from '../../shared/ipc/features/import-outputs'
import { buildUnits, normalizeCode, type ImportedUnit } from '../import/build-units'
import type { ParsedLayer } from '../import/parse-layer'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { ChangeService } from './change-service'
import { cityFromLayer } from './import-city'
import { planAreaImport, planCityImport, planNeighborhoodImport, type ImportPlan, type UnitIn } from './import-plan'
import { LayerReader, toAppError, type ImportSource } from './import-source'
import type { PlanService } from './plan-service'
import { projectedCrsOf } from './projected-crs'
import type { ProjectedCrs } from '../../shared/map/projected-crs'
import type { ValidationService } from './validation-service'

export type { ImportSource } from './import-source'
export type ImportRequest = ImportMapping & { mode: ImportMode }
/** Takes a backup of the plan before an import; returns its file, or null when there is no file to back up. */
export type BackupBeforeImport = () => Promise<string | null>

const MAX_ID = 100
const SAMPLES = 3
/**
 * Over this many units, an import asked to (the command line) stores the layer without checking
 * the whole plan afterwards: the check grows faster than the layer (minutes for 200,000 units)
 * and would be most of the import; `validate` runs it when wanted.
 */
export const CHECK_AFTER_IMPORT_MAX_UNITS = 10_000

/** A few distinct values of each field, so the user can tell which field holds what. */
function sampleValues(layer: ParsedLayer): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const field of layer.fields) {
    const seen = new Set<string>()
    for (const f of layer.features) {
      const v = f.properties[field]
      if (v === null || v === undefined || (typeof v === 'object')) continue
      const s = String(v).trim()
      if (s !== '') seen.add(s.length > 40 ? `${cutText(s, 39)}…` : s)
      if (seen.size >= SAMPLES) break
    }
    out[field] = [...seen]
  }
  return out
}
const MAX_NAME = 120
const LAYER_WORD = { areas: ['Area Command', 'Area Commands'], neighborhoods: ['neighborhood', 'neighborhoods'], city: ['city limit', 'city limits'] } as const

function checkMapping(m: ImportMapping): void {
  const need = (field: string | undefined, what: string) => {
    if (!field) throw new AppError('invalid-mapping', `Importing ${LAYER_WORD[m.layer][1]} needs ${what}`)
  }
  if (m.layer === 'areas' || m.layer === 'neighborhoods') need(m.idField, 'the field that holds each unit’s id')
  if (m.layer === 'neighborhoods') need(m.areaField, 'the field that holds each neighborhood’s Area Command id')
}

function matchParent(value: string, exact: Set<string>, byNorm: Map<string, string[]>): { parentId: string | null; parentMatch: ParentMatch } {
  if (exact.has(value)) return { parentId: value, parentMatch: 'exact' }
  const c = byNorm.get(normalizeCode(value)) ?? []
  if (c.length === 1) return { parentId: c[0], parentMatch: 'normalized' }
  return { parentId: null, parentMatch: c.length > 1 ? 'ambiguous' : 'none' }
}

/** Units as the plan will hold them; names and ids the app could not edit later are caught here. */
function toUnitsIn(file: string, units: ImportedUnit[], named: boolean, notices: string[]): { units: UnitIn[]; problems: string[] } {
  const longIds = units.filter((u) => u.id.length > MAX_ID)
  const problems = longIds.length
    ? [`${file}: feature ${longIds[0].featureIndexes[0]} has an id longer than ${MAX_ID} characters${longIds.length > 1 ? ` (and ${longIds.length - 1} more)` : ''}; pick the field that holds a short code`]
    : []
  let cleaned = 0
  const names = units.map((u) => {
    const c = cleanName(u.name)
    if (c.changed) cleaned++
    return c.text === '' ? u.id : c.text
  })
  if (cleaned > 0) {
    notices.push(
      `${file}: ${cleaned} name${cleaned === 1 ? ' held' : 's held'} control characters or bidirectional overrides; line breaks and tabs became spaces and the others were removed`,
    )
  }
  const long = names.filter((n) => n.length > MAX_NAME).length
  if (long > 0) notices.push(`${file}: ${long} name${long === 1 ? ' was' : 's were'} longer than ${MAX_NAME} characters and ${long === 1 ? 'was' : 'were'} shortened`)
  return {
    units: units.map((u, i) => ({ id: u.id, name: cutText(names[i], MAX_NAME), named, parentId: u.parentId, geometry: u.geometry })),
    problems,
  }
}

interface Prepared {
  layer: ParsedLayer
  notices: string[]
  units: UnitIn[]
  previewUnits: PreviewUnit[]
  unitProblems: string[]
  plan: (mode: ImportMode) => ImportPlan
}

/**
 * Imports Area Commands, neighborhoods or the city limit from a GeoJSON, zipped Shapefile or
 * KML layer. `preview` stores nothing; `apply` stores the whole layer as ONE change set (one
 * transaction, one audit row, one undo step), after a backup of the plan.
 */
export class ImportService {
  constructor(
    private readonly plans: PlanService,
    private readonly changes: ChangeService,
    private readonly validation: ValidationService,
    private readonly backup: BackupBeforeImport | null = null,
    /** Keeps the projected system areas or neighborhoods came in, for the map's x/y readout. */
    private readonly recordCrs: ((crs: ProjectedCrs) => void) | null = null,
    /** Reads the layer files (big ones in a process of their own, with progress). */
    private readonly reader: LayerReader = new LayerReader(null),
  ) {}

  /** Imports under way (parsing, or waiting for the backup), each stoppable until its rows are being written. */
  private readonly running = new Set<AbortController>()

  /**
   * Stops every preview and import still reading its file or taking its backup: each answers
   * 'cancelled' and stores nothing. An import already writing its rows (one transaction) finishes.
   */
  cancel(): { cancelled: number } {
    const n = this.running.size
    for (const a of this.running) a.abort()
    this.running.clear()
    this.reader.cancel()
    return { cancelled: n }
  }

  private async stoppable<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abort = new AbortController()
    this.running.add(abort)
    try {
      return await run(abort.signal)
    } finally {
      this.running.delete(abort)
    }
  }

  preview(source: ImportSource, mapping: ImportMapping): Promise<ImportPreview> {
    return this.stoppable((signal) => this.previewUnder(source, mapping, signal))
  }

  private async previewUnder(source: ImportSource, mapping: ImportMapping, signal: AbortSignal): Promise<ImportPreview> {
    // The dialog cannot offer the fields before it has read the file: a preview with no field mapped only lists them.
    if (mapping.layer !== 'city' && !mapping.idField && !mapping.nameField && !mapping.areaField) return this.fieldsOnly(source, mapping, signal)
    const p = await this.prepare(source, mapping, false, signal)
    const replace = p.plan('replace')
    const add = p.plan('add')
    return {
      file: p.layer.file,
      format: p.layer.format,
      crs: p.layer.crs,
      fields: p.layer.fields,
      samples: sampleValues(p.layer),
      featureCount: p.layer.features.length,
      notices: p.notices,
      units: p.previewUnits,
      geojson: {
        type: 'FeatureCollection',
        features: p.units.map((u, i) => ({
          type: 'Feature',
          properties: { id: u.id, name: u.name, parentId: u.parentId, parentMatch: p.previewUnits[i].parentMatch ?? null },
          geometry: u.geometry,
        })),
      },
      replaceRemoves: replace.removed,
      replaceUnassigns: replace.unassigned,
      problems: { replace: [...p.unitProblems, ...replace.problems], add: [...p.unitProblems, ...add.problems] },
    }
  }

  /**
   * `check: 'small'` (the command line) leaves the whole-plan check after a layer of more than
   * CHECK_AFTER_IMPORT_MAX_UNITS units to `validate`; the result's summary is then null.
   */
  async apply(source: ImportSource, request: ImportRequest, actor: Actor, opts: { check?: 'always' | 'small' } = {}): Promise<ImportResult> {
    if (actor.profile.role !== 'admin') {
      throw new AppError('forbidden', 'Only Administration can import layers; switch to the Administration profile to import.')
    }
    return this.stoppable((signal) => this.applyUnder(source, request, actor, signal, opts.check ?? 'always'))
  }

  private async applyUnder(source: ImportSource, request: ImportRequest, actor: Actor, signal: AbortSignal, check: 'always' | 'small'): Promise<ImportResult> {
    const p = await this.prepare(source, request, true, signal)
    const planned = p.plan(request.mode)
    const problems = [...p.unitProblems, ...planned.problems]
    if (problems.length > 0) throw new AppError('import-refused', `${p.layer.file} was not imported: ${problems[0]}`, { problems })
    const backupFile = this.backup ? await this.backup() : null
    // The last moment to stop: from here the rows are written in one transaction, all or nothing.
    if (signal.aborted) throw new AppError('cancelled', `Importing ${p.layer.file} was cancelled; nothing was stored`, { file: p.layer.file })
    const [one, many] = LAYER_WORD[request.layer]
    const n = request.layer === 'city' ? 1 : p.units.length
    const label = `Import ${n} ${n === 1 ? one : many} from ${p.layer.file} (${request.mode})`
    // The live validator knows nothing of a whole new layer; drop it so the result's summary is built from the stored plan.
    this.validation.reset()
    const cs = { label, ops: planned.ops }
    const unchecked = check === 'small' && n > CHECK_AFTER_IMPORT_MAX_UNITS
    const applied = unchecked ? { ...this.changes.storeUnchecked(cs, actor, 'import'), summary: null } : this.changes.apply(cs, actor, 'import', { recheck: false })
    const projected = request.layer === 'city' ? null : projectedCrsOf(p.layer.crs)
    if (projected) this.recordCrs?.(projected)
    return {
      layer: request.layer, mode: request.mode, file: p.layer.file, seq: applied.seq,
      added: planned.added, replaced: planned.replaced, unchanged: planned.unchanged, removed: planned.removed, unassigned: planned.unassigned,
      notices: p.notices, backupFile, summary: applied.summary,
    }
  }

  private async fieldsOnly(source: ImportSource, mapping: ImportMapping, signal: AbortSignal): Promise<ImportPreview> {
    const layer = await this.reader.read(source, mapping, signal)
    const need = [`Choose the field that holds each unit’s id${mapping.layer === 'neighborhoods' ? ' and the one that holds its Area Command' : ''}`]
    return {
      file: layer.file, format: layer.format, crs: layer.crs, fields: layer.fields, samples: sampleValues(layer),
      featureCount: layer.features.length, notices: [...layer.notices], units: [],
      geojson: {
        type: 'FeatureCollection',
        features: layer.features.map((f) => ({ type: 'Feature', properties: { id: `#${f.index}`, name: '', parentId: null, parentMatch: null }, geometry: f.geometry })),
      },
      replaceRemoves: [], replaceUnassigns: [], problems: { replace: need, add: need },
    }
  }

  /** Parses and maps the layer; `strict` makes unknown parent areas an error (apply) instead of a per-unit mark (preview). */
  private async prepare(source: ImportSource, mapping: ImportMapping, strict: boolean, signal: AbortSignal): Promise<Prepared> {
    checkMapping(mapping)
    const layer = await this.reader.read(source, mapping, signal)
    const current: PlanState = this.plans.load()
    const notices = [...layer.notices]
    try {
      if (mapping.layer === 'city') {
        const city = cityFromLayer(layer, mapping.nameField, notices)
        const unit: UnitIn = { id: 'city', name: city.name, named: true, parentId: null, geometry: city.geometry }
        const previewUnits = [{ id: 'city', name: city.name, featureIndexes: layer.features.map((f) => f.index), exists: current.city !== null }]
        return { layer, notices, units: [unit], previewUnits, unitProblems: [], plan: (mode) => planCityImport(current, city, mode) }
      }
      const mapped = { idField: mapping.idField!, nameField: mapping.nameField, parentField: mapping.layer === 'neighborhoods' ? mapping.areaField : undefined }
      const areaIds = current.areas.map((a) => a.id)
      const raw = buildUnits(layer, mapped)
      let built = raw
      if (mapping.layer === 'neighborhoods') {
        try {
          built = buildUnits(layer, mapped, areaIds)
        } catch (e) {
          if (strict) throw e
        }
      }
      notices.push(...built.notices)
      const { units, problems } = toUnitsIn(layer.file, built.units, !!mapping.nameField, notices)
      const exists = new Set(mapping.layer === 'areas' ? areaIds : current.neighborhoods.map((n) => n.id))
      const exact = new Set(areaIds)
      const byNorm = new Map<string, string[]>()
      for (const id of areaIds) byNorm.set(normalizeCode(id), [...(byNorm.get(normalizeCode(id)) ?? []), id])
      const previewUnits = raw.units.map((r, i): PreviewUnit => {
        const base = { id: r.id, name: units[i].name, featureIndexes: r.featureIndexes, exists: exists.has(r.id) }
        if (mapping.layer !== 'neighborhoods' || r.parentId === null) return base
        const m = matchParent(r.parentId, exact, byNorm)
        units[i].parentId = m.parentId
        return { ...base, parentValue: r.parentId, ...m }
      })
      const planFor = mapping.layer === 'areas' ? planAreaImport : planNeighborhoodImport
      return { layer, notices, units, previewUnits, unitProblems: problems, plan: (mode) => planFor(current, units, mode) }
    } catch (e) {
      throw toAppError(e, layer.file)
    }
  }
}
