import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CHECK_AFTER_IMPORT_MAX_UNITS } from '../../../src/main/services/import-service'
import { writeGridLayer } from '../../helpers/big-layer'
import { makeServices } from '../../helpers/services'
import { ADMIN } from './layer'

let dir: string
let file: string
const COUNT = CHECK_AFTER_IMPORT_MAX_UNITS + 1
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'acp-large-import-'))
  file = join(dir, 'parcels.geojson')
  writeGridLayer(file, { count: COUNT, perSide: 1, cell: 0.0005 })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let s: ReturnType<typeof makeServices> | undefined
afterEach(() => s?.cleanup())

describe('a layer of more units than the plan check after an import covers (the command line)', () => {
  it('is stored as one undoable step without the whole-plan check, and the next check of the stored plan finds what a check right after the import finds', async () => {
    s = makeServices({ seed: false, parseChild: null })
    const r = await s.imports.apply(file, { layer: 'areas', idField: 'ID', mode: 'replace' }, ADMIN, { check: 'small' })
    expect(r.added).toHaveLength(COUNT)
    expect(r.summary).toBeNull()
    const later = s.validation.summary()

    const checked = makeServices({ seed: false, parseChild: null })
    const now = await checked.imports.apply(file, { layer: 'areas', idField: 'ID', mode: 'replace' }, ADMIN)
    expect(now.summary).not.toBeNull()
    expect(later).toEqual(now.summary)
    checked.cleanup()

    s.writes.undo(ADMIN)
    expect(s.plans.load().areas).toHaveLength(0)
  })
})
