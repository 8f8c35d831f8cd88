import type { Finding } from './finding'
import { jsonEqual } from './json-equal'

/**
 * The findings after a write, told as a change to the list the window already holds: runs of
 * that list kept as they are (`[from, count]`) and findings that are new or changed, in the
 * order of the new list. A drag changes a handful of the thousands of findings a city may
 * have; the rest cross IPC as a few numbers. Order and repeated ids are kept exactly, so the
 * window's list stays equal to a fresh plan check.
 */
export type FindingsDelta = (Finding | [from: number, count: number])[]

/** `next` as a delta of `prev`. Unchanged findings are usually the same objects; equal copies count as unchanged too. */
export function findingsDelta(prev: readonly Finding[], next: readonly Finding[]): FindingsDelta {
  const at = new Map<string, number[]>()
  for (let i = prev.length - 1; i >= 0; i--) {
    const list = at.get(prev[i].id)
    if (list) list.push(i)
    else at.set(prev[i].id, [i])
  }
  const out: FindingsDelta = []
  let run: [number, number] | null = null
  for (const f of next) {
    const list = at.get(f.id)
    // Indices are stacked lowest last, so the first unused occurrence of an id is matched first.
    const i = list?.length ? list[list.length - 1] : -1
    const same = i >= 0 && (prev[i] === f || jsonEqual(prev[i], f))
    if (!same) {
      run = null
      out.push(f)
      continue
    }
    list!.pop()
    if (run && run[0] + run[1] === i) run[1]++
    else {
      run = [i, 1]
      out.push(run)
    }
  }
  return out
}

/** The list a delta describes, given the list it was made against. */
export function applyFindingsDelta(prev: readonly Finding[], delta: FindingsDelta): Finding[] {
  const out: Finding[] = []
  for (const part of delta) {
    if (!Array.isArray(part)) {
      out.push(part)
      continue
    }
    const [from, count] = part
    if (from < 0 || from + count > prev.length) throw new Error(`The findings update refers to findings ${from}..${from + count - 1} of ${prev.length}: the window's list is out of step`)
    for (let i = from; i < from + count; i++) out.push(prev[i])
  }
  return out
}

/** What a write did to the findings list: new ones, ones gone, and ones still there but changed (a gap that grew). */
export interface FindingsChange {
  added: Finding[]
  removed: Finding[]
  changed: Finding[]
}

/**
 * The findings a delta adds, removes and changes, against the list it was made for: findings of
 * `prev` outside every kept run are gone unless a finding with their id comes back changed.
 */
export function findingsChange(prev: readonly Finding[], delta: FindingsDelta): FindingsChange {
  const kept = new Uint8Array(prev.length)
  const fresh: Finding[] = []
  for (const part of delta) {
    if (!Array.isArray(part)) fresh.push(part)
    else for (let i = part[0]; i < part[0] + part[1] && i < prev.length; i++) kept[i] = 1
  }
  const dropped = prev.filter((_, i) => !kept[i])
  const droppedIds = new Set(dropped.map((f) => f.id))
  const freshIds = new Set(fresh.map((f) => f.id))
  return {
    added: fresh.filter((f) => !droppedIds.has(f.id)),
    removed: dropped.filter((f) => !freshIds.has(f.id)),
    changed: fresh.filter((f) => droppedIds.has(f.id)),
  }
}
