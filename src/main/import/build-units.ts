import type { AreaGeometry, Position } from '../../shared/domain/geometry'
import { showList, showValue } from '../../shared/text/bounded'
import { describeUnsafeChar, firstUnsafeChar } from '../../shared/text/safe-text'
import { ImportError } from './import-error'
import type { ParsedLayer } from './types'

export interface UnitMapping {
  idField: string
  nameField?: string
  parentField?: string
}

export interface ImportedUnit {
  id: string
  name: string
  parentId: string | null
  geometry: AreaGeometry
  featureIndexes: number[]
}

/** Ids and parent values may be text or numbers in a layer; numbers become their decimal string. */
function keyOf(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
  return null
}

/** How a person compares codes: trimmed, case-insensitive, `04` the same as `4`. */
export function normalizeCode(s: string): string {
  const t = s.trim().toLowerCase()
  return /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t
}

function checkField(layer: ParsedLayer, field: string): void {
  if (!layer.fields.includes(field)) {
    const list = layer.fields.length ? showList(layer.fields) : 'none'
    throw new ImportError('unknown-field', `${layer.file} has no field ${quote(field)}; fields are: ${list}`, {
      file: layer.file,
      field,
    })
  }
}

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
/** Values from the file in messages: bounded and escaped, since a parent "id" may be megabytes of anything. */
const quote = (s: string): string => `'${showValue(s)}'`
const shown = (id: string): string => showValue(id)

/**
 * Ids are keys the plan, the CLI and every message print: a control character (an ESC sequence,
 * a bare CR) or a bidirectional override in one could forge a line of output, and a lone
 * surrogate is stored as invalid UTF-8 that never matches the file again. Refused, naming where.
 */
function checkPrintable(file: string, feature: number, field: string, value: string, what: string): void {
  const c = firstUnsafeChar(value)
  if (!c) return
  const surrogate = c.codePoint >= 0xd800 && c.codePoint <= 0xdfff
  throw new ImportError(
    surrogate ? 'ill-formed-id' : 'unprintable-id',
    surrogate
      ? `${file}: feature ${feature} has ${what} in field ${quote(field)} that is not well-formed Unicode: ${describeUnsafeChar(c)}; fix the file's text encoding`
      : `${file}: feature ${feature} has ${what} in field ${quote(field)} holding ${describeUnsafeChar(c)}; ids may not hold control characters or bidirectional overrides`,
    { file, feature, field },
  )
}

interface Group {
  id: string
  name: string | null
  parent: string | null
  parentFeature: number
  features: { index: number; geometry: AreaGeometry }[]
}

function group(layer: ParsedLayer, mapping: UnitMapping): Group[] {
  const file = layer.file
  const groups = new Map<string, Group>()
  for (const f of layer.features) {
    const raw = f.properties[mapping.idField]
    const id = keyOf(raw)
    if (id === null) {
      const what = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') ? 'no value' : `the value ${showValue(raw)}, which is not an id`
      throw new ImportError('missing-id', `${file}: feature ${f.index} has ${what} in the id field ${quote(mapping.idField)}`, {
        file,
        feature: f.index,
        field: mapping.idField,
      })
    }
    checkPrintable(file, f.index, mapping.idField, id, 'an id')
    const name = mapping.nameField ? keyOf(f.properties[mapping.nameField]) : null
    let parent: string | null = null
    if (mapping.parentField) {
      parent = keyOf(f.properties[mapping.parentField])
      if (parent === null) {
        throw new ImportError(
          'missing-parent',
          `${file}: feature ${f.index} (id ${shown(id)}) has no value in the parent field ${quote(mapping.parentField)}`,
          { file, feature: f.index, field: mapping.parentField },
        )
      }
      checkPrintable(file, f.index, mapping.parentField, parent, 'a parent area id')
    }
    const g = groups.get(id)
    if (!g) {
      groups.set(id, { id, name, parent, parentFeature: f.index, features: [{ index: f.index, geometry: f.geometry }] })
      continue
    }
    if (parent !== null && g.parent !== null && normalizeCode(parent) !== normalizeCode(g.parent)) {
      throw new ImportError(
        'conflicting-parent',
        `${file}: features ${g.parentFeature} and ${f.index} share id ${shown(id)} but name different parent areas (${quote(g.parent)}, ${quote(parent)}) in field ${quote(mapping.parentField!)}`,
        { file, feature: f.index, field: mapping.parentField },
      )
    }
    g.name ??= name
    g.features.push({ index: f.index, geometry: f.geometry })
  }
  return [...groups.values()]
}

/** Resolves each unit's parent against the known parent ids: exactly first, then by normalized code. */
function matchParents(file: string, groups: Group[], parentIds: string[], parentField: string, notices: string[]): Map<string, string> {
  const exact = new Set(parentIds)
  const byNorm = new Map<string, string[]>()
  for (const p of parentIds) byNorm.set(normalizeCode(p), [...(byNorm.get(normalizeCode(p)) ?? []), p])
  const resolved = new Map<string, string>()
  const normalized = new Map<string, string>()
  let normalizedUnits = 0
  const unmatched: Group[] = []
  for (const g of groups) {
    const value = g.parent!
    if (exact.has(value)) {
      resolved.set(g.id, value)
      continue
    }
    const candidates = byNorm.get(normalizeCode(value)) ?? []
    if (candidates.length === 1) {
      resolved.set(g.id, candidates[0])
      normalized.set(value, candidates[0])
      normalizedUnits++
    } else unmatched.push(g)
  }
  if (unmatched.length > 0) {
    const g = unmatched[0]
    const others = unmatched.length > 1 ? ` (and ${unmatched.length - 1} more unit${unmatched.length === 2 ? '' : 's'})` : ''
    const ambiguous = (byNorm.get(normalizeCode(g.parent!)) ?? []).length > 1 ? ' unambiguously' : ''
    throw new ImportError(
      'unknown-parent',
      `${file}: feature ${g.parentFeature} (id ${shown(g.id)}): parent area ${quote(g.parent!)} matches no Area Command${ambiguous}${others}`,
      { file, feature: g.parentFeature, field: parentField },
    )
  }
  if (normalizedUnits > 0) {
    const examples = [...normalized].slice(0, 3).map(([from, to]) => `${quote(from)} → ${quote(to)}`).join(', ')
    notices.push(
      `${file}: ${normalizedUnits} unit${normalizedUnits === 1 ? '' : 's'} matched ${normalizedUnits === 1 ? 'its' : 'their'} Area Command only after ignoring case, spaces and leading zeros (${normalized.size} distinct value${normalized.size === 1 ? '' : 's'}, e.g. ${examples})`,
    )
  }
  return resolved
}

/**
 * Turns a parsed layer into areas or neighborhoods: one unit per distinct id, features sharing an
 * id merged into one multi-part unit (parts kept as they are, not dissolved), parents resolved.
 */
export function buildUnits(layer: ParsedLayer, mapping: UnitMapping, parentIds?: string[]): { units: ImportedUnit[]; notices: string[] } {
  checkField(layer, mapping.idField)
  if (mapping.nameField) checkField(layer, mapping.nameField)
  if (mapping.parentField) checkField(layer, mapping.parentField)
  const notices: string[] = []
  const groups = group(layer, mapping)
  const parents = mapping.parentField && parentIds ? matchParents(layer.file, groups, parentIds, mapping.parentField, notices) : null

  const merged = groups.filter((g) => g.features.length > 1)
  for (const g of merged.slice(0, 10)) {
    notices.push(`${layer.file}: ${g.features.length} features share id ${shown(g.id)}; merged into one multi-part unit`)
  }
  if (merged.length > 10) notices.push(`${layer.file}: ${merged.length - 10} more ids are shared by several features; each was merged into one multi-part unit`)
  const unnamed = mapping.nameField ? groups.filter((g) => g.name === null).length : 0
  if (unnamed > 0) notices.push(`${layer.file}: ${unnamed} unit${unnamed === 1 ? ' has' : 's have'} no name in field ${quote(mapping.nameField!)}; the id is used as the name`)

  const units = groups.map((g): ImportedUnit => {
    const geometry: AreaGeometry =
      g.features.length === 1 ? g.features[0].geometry : { type: 'MultiPolygon', coordinates: g.features.flatMap((f) => polygonsOf(f.geometry)) }
    return {
      id: g.id,
      name: g.name ?? g.id,
      parentId: parents ? parents.get(g.id)! : g.parent,
      geometry,
      featureIndexes: g.features.map((f) => f.index),
    }
  })
  return { units, notices }
}
