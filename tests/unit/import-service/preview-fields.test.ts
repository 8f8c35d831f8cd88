import { afterEach, describe, expect, it } from 'vitest'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { layerFile, square } from './layer'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

describe('the import dialog’s first look at a file', () => {
  it('a preview with no field mapped lists the fields with sample values and draws the raw features, and stores nothing', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db)
    const file = layerFile('beats.geojson', [
      { props: { BEAT: '0101', DIST: 'NE', LABEL: 'North' }, rings: [square(-121.75, 37.68, 0.001)] },
      { props: { BEAT: '0102', DIST: 'NE', LABEL: null }, rings: [square(-121.749, 37.68, 0.001)] },
      { props: { BEAT: 103, DIST: 'NW', LABEL: 'x'.repeat(60) }, rings: [square(-121.748, 37.68, 0.001)] },
      { props: { BEAT: '0104', DIST: 'S', LABEL: 'South' }, rings: [square(-121.747, 37.68, 0.001)] },
    ])
    const p = await s.imports.preview(file, { layer: 'neighborhoods' })
    expect(p.fields).toEqual(['BEAT', 'DIST', 'LABEL'])
    expect(p.samples).toEqual({ BEAT: ['0101', '0102', '103'], DIST: ['NE', 'NW', 'S'], LABEL: ['North', `${'x'.repeat(39)}…`, 'South'] })
    expect(p.featureCount).toBe(4)
    expect(p.units).toEqual([])
    expect(p.geojson.features).toHaveLength(4)
    expect(p.problems.replace[0]).toMatch(/id and the one that holds its Area Command/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('a mapped preview carries the same sample values', async () => {
    s = makeServices({ seed: true })
    const file = layerFile('areas.geojson', [{ props: { CODE: 'NE', NAME: 'Northeast' }, rings: [square(-121.75, 37.68, 0.01)] }])
    const p = await s.imports.preview(file, { layer: 'areas', idField: 'CODE', nameField: 'NAME' })
    expect(p.samples).toEqual({ CODE: ['NE'], NAME: ['Northeast'] })
    expect(p.units.map((u) => u.id)).toEqual(['NE'])
  })

  it('neighborhoods mapped with an id but no Area Command field are still refused', async () => {
    s = makeServices({ seed: true })
    const file = layerFile('beats.geojson', [{ props: { BEAT: '1' }, rings: [square(-121.75, 37.68, 0.001)] }])
    await expect(s.imports.preview(file, { layer: 'neighborhoods', idField: 'BEAT' })).rejects.toMatchObject({ code: 'invalid-mapping' })
  })
})
