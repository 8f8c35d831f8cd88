import { deflateRawSync, inflateRawSync, constants } from 'node:zlib'
import { invertChangeSet, type AreaCommand, type ChangeOp, type ChangeSet, type Neighborhood } from '../../../shared/domain'

/**
 * How a change set is kept in an audit_log column. Up to COMPRESS_OVER characters of JSON it is
 * the JSON text, as it always was. A larger one (a roster import of a million officers is ~318 MB
 * of JSON, over what SQLite takes in one value and, for updates, over V8's ~512 MB string limit)
 * is a BLOB of frames, each a 4-byte big-endian length then raw deflate: the first frame is the
 * change set without its ops (`{"label":...}`), each further frame a JSON array of a slice of ops.
 * No string ever holds the whole change set, and the column's dynamic typing tells the forms apart.
 * A large inverse that is exactly the change set reversed (every roster import, its undo and redo)
 * is a single frame `{"label":...,"invertsChangeSet":true}`: serialising it again would double the
 * time and space of the step for nothing.
 */
export const COMPRESS_OVER = 4_000_000
/** A frame holds about this many characters of JSON; the first holds FIRST_OPS ops, later ones as many as fit by the average so far. */
const FRAME_CHARS = 8_000_000
const FIRST_OPS = 1000
/** Level 1: a roster's JSON shrinks over twentyfold already, and the import is waiting on it. */
const LEVEL = constants.Z_BEST_SPEED

/**
 * A step that stored its rows (ChangeService) and has at least REFER_OVER area or neighborhood rows
 * after it (an import of a layer) does not copy them into its audit row: they are in the plan.
 * Its change set is kept with `storedRows: true`, and each such op by reference: a run of
 * consecutive adds of one entity as `{ entity, added: [ids] }`, a replaced row as
 * `{ entity, id, before, afterStored: true }`. Every `before` is kept whole, since the plan no longer
 * holds it (what undo restores). Reading it back (AuditRepo) takes each row's `after` from the
 * first later step that touched the row (its `before`, checked against the stored row when that
 * step was stored), or from the plan when no later step touched it: every write to the plan is one
 * audit row, so this is exactly the row the step stored. 200,000 added features keep their ids
 * only (~2 MB of JSON, deflated when over COMPRESS_OVER) instead of the ~50 MB layer.
 */
export const REFER_OVER = 500

export type ReferredOp =
  | { entity: 'area' | 'neighborhood'; added: string[] }
  | { entity: 'area' | 'neighborhood'; id: string; before: AreaCommand | Neighborhood; afterStored: true }

/** A change set as an audit column holds it: whole, or with the stored rows referred to by id. */
export interface StoredChangeSet {
  label: string
  ops: (ChangeOp | ReferredOp)[]
  storedRows?: true
}

const referable = (op: ChangeOp): op is Extract<ChangeOp, { entity: 'area' | 'neighborhood' }> =>
  (op.entity === 'area' || op.entity === 'neighborhood') && op.after !== null

/** The change set with its stored rows referred to by id, or null when it has fewer than REFER_OVER of them (kept whole, as it always was). */
export function referToStoredRows(cs: ChangeSet): StoredChangeSet | null {
  let n = 0
  for (const op of cs.ops) if (referable(op)) n++
  if (n < REFER_OVER) return null
  const ops: StoredChangeSet['ops'] = []
  let run: { entity: 'area' | 'neighborhood'; added: string[] } | null = null
  for (const op of cs.ops) {
    if (!referable(op)) {
      ops.push(op)
      run = null
    } else if (op.before !== null) {
      ops.push({ entity: op.entity, id: op.id, before: op.before, afterStored: true })
      run = null
    } else if (run && run.entity === op.entity) run.added.push(op.id)
    else ops.push((run = { entity: op.entity, added: [op.id] }))
  }
  return { label: cs.label, storedRows: true, ops }
}

export function encodeChangeSet(cs: ChangeSet | StoredChangeSet): string | Buffer {
  const { ops, ...head } = cs
  // A change set of one slice (every edit) serialised once, whole: most are the small JSON text, and a drag's is written on every move.
  if (ops.length <= FIRST_OPS) {
    const whole = JSON.stringify(cs)
    if (whole.length <= COMPRESS_OVER) return whole
  }
  // Each slice is serialised once, straight into the frame it becomes (no joining of smaller pieces).
  const slices: string[] = []
  let chars = 0
  let i = 0
  while (i < ops.length && chars <= COMPRESS_OVER) {
    const count = i === 0 ? FIRST_OPS : Math.max(1, Math.floor((FRAME_CHARS * i) / chars))
    const s = JSON.stringify(ops.slice(i, i + count))
    slices.push(s)
    chars += s.length
    i += count
  }
  // Small: the JSON text readers have always found (serialised again whole: at most a few MB).
  if (chars <= COMPRESS_OVER) return JSON.stringify(cs)
  const frames: Buffer[] = [frame(JSON.stringify(head)), ...slices.map(frame)]
  slices.length = 0
  while (i < ops.length) {
    const count = Math.max(1, Math.floor((FRAME_CHARS * i) / chars))
    const s = JSON.stringify(ops.slice(i, i + count))
    chars += s.length
    i += count
    frames.push(frame(s))
  }
  return Buffer.concat(frames)
}

/** True when `inverse` is exactly what invertChangeSet(cs) gives: the same ops in reverse order with before and after swapped. */
function invertsExactly(inverse: ChangeSet, cs: ChangeSet): boolean {
  if (inverse.label !== cs.label || inverse.ops.length !== cs.ops.length || Object.keys(inverse).length !== 2) return false
  const n = cs.ops.length
  for (let i = 0; i < n; i++) {
    const a = inverse.ops[i]
    const b = cs.ops[n - 1 - i]
    // The entities are the very same objects (invertChangeSet swaps references), so this is exact and cheap.
    if (a.entity !== b.entity || a.id !== b.id || a.before !== b.after || a.after !== b.before || Object.keys(a).length !== Object.keys(b).length) return false
  }
  return true
}

/**
 * The inverse column: like encodeChangeSet, but a large exact inverse, or that of a change set
 * referring to its stored rows (`referred`), is a marker read back through the change set.
 */
export function encodeInverse(inverse: ChangeSet, cs: ChangeSet, encodedCs: string | Buffer, referred = false): string | Buffer {
  if (referred && invertsExactly(inverse, cs)) return JSON.stringify({ label: inverse.label, invertsChangeSet: true })
  if (typeof encodedCs !== 'string' && invertsExactly(inverse, cs)) return frame(JSON.stringify({ label: inverse.label, invertsChangeSet: true }))
  return encodeChangeSet(inverse)
}

export function decodeInverse(value: string | Buffer, cs: ChangeSet): ChangeSet {
  const inverse = decodeChangeSet(value) as ChangeSet & { invertsChangeSet?: true }
  if (!inverse.invertsChangeSet) return inverse
  return invertChangeSet(cs)
}

function frame(json: string): Buffer {
  const body = deflateRawSync(json, { level: LEVEL })
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  return Buffer.concat([len, body])
}

/** The change set as the column holds it: with `storedRows`, some ops refer to stored rows (AuditRepo resolves them). */
export function decodeStoredChangeSet(value: string | Buffer): StoredChangeSet {
  return decodeChangeSet(value) as StoredChangeSet
}

export function decodeChangeSet(value: string | Buffer): ChangeSet {
  if (typeof value === 'string') return JSON.parse(value) as ChangeSet
  let at = 0
  let head: Omit<ChangeSet, 'ops'> | null = null
  const ops: ChangeSet['ops'] = []
  while (at < value.length) {
    if (at + 4 > value.length) throw new Error('audit change set is cut short (a frame length is missing)')
    const len = value.readUInt32BE(at)
    const end = at + 4 + len
    if (end > value.length) throw new Error('audit change set is cut short (a frame is incomplete)')
    const json = inflateRawSync(value.subarray(at + 4, end)).toString('utf8')
    if (head === null) head = JSON.parse(json) as Omit<ChangeSet, 'ops'>
    // push(...slice) would overflow the call stack on a large frame; a loop does not.
    else for (const op of JSON.parse(json) as ChangeSet['ops']) ops.push(op)
    at = end
  }
  if (head === null) throw new Error('audit change set is empty')
  return { ...head, ops }
}
