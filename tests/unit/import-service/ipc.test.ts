import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { MAX_IMPORT_BYTES } from '../../../src/shared/ipc/features/import-contract'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { layerFile, square } from './layer'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

const file = layerFile('hoods.geojson', [{ props: { id: 'NEW-1', area: 'NE' }, rings: [square(-121.75, 37.68, 0.001)] }])
const mapping = { layer: 'neighborhoods', idField: 'id', areaField: 'area' }

describe('import channels', () => {
  it('refuse malformed input with {ok:false} and change nothing', async () => {
    s = makeServices({ seed: true })
    const dispatch = createDispatch(createHandlers(s))
    const before = dumpTables(s.repos.db)
    const bad: [string, unknown][] = [
      ['import:apply', undefined],
      ['import:apply', { file, ...mapping }],
      ['import:apply', { file, ...mapping, mode: 'merge' }],
      ['import:apply', { file, ...mapping, mode: 'add', extra: 1 }],
      ['import:apply', { file: { name: 'x.geojson', bytes: [1, 2, 3] }, ...mapping, mode: 'add' }],
      ['import:apply', { file: { name: '', bytes: file.bytes }, ...mapping, mode: 'add' }],
      ['import:apply', { file: { name: 'big.geojson', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }, ...mapping, mode: 'add' }],
      ['import:preview', { file, layer: 'districts', idField: 'id' }],
      ['import:preview', { file, ...mapping, idField: '' }],
    ]
    for (const [i, [channel, input]] of bad.entries()) {
      const r = await dispatch(channel, input)
      expect(r, `case ${i} on ${channel}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    const big = await dispatch('import:apply', { file: { name: 'big.geojson', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }, ...mapping, mode: 'add' })
    expect(big.ok === false && big.error.message).toMatch(/larger than the import limit of 100 MB/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('refuse a file the parser rejects with its code and message, and change nothing', async () => {
    s = makeServices({ seed: true })
    const dispatch = createDispatch(createHandlers(s))
    const before = dumpTables(s.repos.db)
    const truncated = { name: 'cut.geojson', bytes: new TextEncoder().encode('{"type":"FeatureCollection","features":[') }
    const r = await dispatch('import:apply', { file: truncated, ...mapping, mode: 'add' })
    expect(r.ok).toBe(false)
    expect(r.ok === false && r.error.message).toMatch(/^cut\.geojson/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('preview stores nothing; apply adds the neighborhood as one undoable step', async () => {
    s = makeServices({ seed: true })
    const dispatch = createDispatch(createHandlers(s))
    const before = dumpTables(s.repos.db)
    const p = await dispatch('import:preview', { file, ...mapping })
    expect(p).toMatchObject({ ok: true, value: { featureCount: 1, units: [{ id: 'NEW-1', parentId: 'NE', parentMatch: 'exact', exists: false }], problems: { add: [] } } })
    expect(dumpTables(s.repos.db)).toEqual(before)
    const a = await dispatch('import:apply', { file, ...mapping, mode: 'add' })
    expect(a).toMatchObject({ ok: true, value: { added: ['NEW-1'], layer: 'neighborhoods', mode: 'add' } })
    expect(s.plans.load().neighborhoods.find((n) => n.id === 'NEW-1')).toMatchObject({ areaId: 'NE', name: 'NEW-1', color: null })
    expect((await dispatch('history:undo', undefined)).ok).toBe(true)
    expect(s.plans.load().neighborhoods.find((n) => n.id === 'NEW-1')).toBeUndefined()
  })
})
