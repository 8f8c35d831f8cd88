import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { workerThreadChild, type ParseChild, type SpawnParseChild } from '../../../src/main/import/parse-off-thread'
import { OFF_THREAD_FROM_BYTES } from '../../../src/main/services/import-source'
import type { PushSink } from '../../../src/shared/ipc/events'
import type { ImportProgressEvent } from '../../../src/shared/ipc/features/import-progress'
import { writeGridLayer } from '../../helpers/big-layer'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { ADMIN } from './layer'

/** A layer over the size that is parsed in a process of its own: 400 Area Commands of 441 vertices (~4.6 MB). */
let dir: string
let big: string
let bigSize: number
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'acp-off-thread-'))
  big = join(dir, 'big-areas.geojson')
  bigSize = writeGridLayer(big, { count: 400, perSide: 110 })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let s: ReturnType<typeof makeServices> | undefined
afterEach(() => s?.cleanup())

function counted(spawn: SpawnParseChild): { spawn: SpawnParseChild; spawned: () => number } {
  let n = 0
  return { spawn: () => (n++, spawn()), spawned: () => n }
}

describe('a big layer is read away from the main process', () => {
  it('in a worker, with its real progress pushed to the window, and stored as one undoable step', async () => {
    expect(bigSize).toBeGreaterThan(OFF_THREAD_FROM_BYTES)
    const events: ImportProgressEvent[] = []
    const push: PushSink = (event, p) => event === 'import:progress' && events.push(p as ImportProgressEvent)
    const child = counted(workerThreadChild)
    s = makeServices({ seed: false, push, parseChild: child.spawn })
    const r = await s.imports.apply(big, { layer: 'areas', idField: 'ID', nameField: 'NAME', mode: 'replace' }, ADMIN)
    expect(child.spawned()).toBe(1)
    expect(r.added).toHaveLength(400)
    expect(s.plans.load().areas.find((a) => a.id === 'G399')).toMatchObject({ name: 'Grid 399' })

    const reading = events.filter((e) => e.phase === 'reading')
    expect(reading.length).toBeGreaterThanOrEqual(2)
    expect(reading.every((e) => e.file === 'big-areas.geojson' && e.totalBytes === bigSize)).toBe(true)
    // Bytes and features only go forward, and the read ends at the file's end with every feature.
    for (let i = 1; i < reading.length; i++) expect(reading[i].bytes).toBeGreaterThanOrEqual(reading[i - 1].bytes)
    expect(reading.at(-1)).toMatchObject({ bytes: bigSize, features: 400 })
    expect(events.at(-1)).toMatchObject({ phase: 'checking', features: 400, totalFeatures: 400 })

    s.writes.undo(ADMIN)
    expect(s.plans.load().areas).toHaveLength(0)
  })

  it('Cancel while the file is read stops the worker and stores nothing', async () => {
    let service: ReturnType<typeof makeServices> | null = null
    const push: PushSink = () => void service?.imports.cancel()
    s = service = makeServices({ seed: true, push })
    const before = dumpTables(s.repos.db)
    const err = await s.imports.apply(big, { layer: 'areas', idField: 'ID', mode: 'add' }, ADMIN).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'cancelled', message: 'Importing big-areas.geojson was cancelled; nothing was stored' })
    expect(dumpTables(s.repos.db)).toEqual(before)
    // Nothing left running: the next import reads and stores as usual.
    const quiet = makeServices({ seed: false })
    const r = await quiet.imports.apply(big, { layer: 'areas', idField: 'ID', mode: 'add' }, ADMIN)
    expect(r.added).toHaveLength(400)
    quiet.cleanup()
  })

  it('a reading process that dies (out of memory) is a refusal naming the file, not a crash of the app', async () => {
    const dying: SpawnParseChild = (): ParseChild => {
      const exits: ((code: number | null) => void)[] = []
      return { post: () => setTimeout(() => exits.forEach((l) => l(134)), 5), onMessage: () => {}, onExit: (l) => exits.push(l), kill: () => {} }
    }
    s = makeServices({ seed: true, parseChild: dying })
    const before = dumpTables(s.repos.db)
    const err = await s.imports.preview(big, { layer: 'areas', idField: 'ID' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'import-failed' })
    expect((err as Error).message).toMatch(/^big-areas\.geojson could not be read: the process reading it stopped \(exit code 134\)/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })
})
