import { afterEach, describe, expect, it } from 'vitest'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { ADMIN, layerFile, square, type Ring } from './layer'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

const ringsOf = (g: { type: string; coordinates: unknown }): Ring[] => (g.type === 'Polygon' ? (g.coordinates as Ring[]) : (g.coordinates as Ring[][])[0])

describe('importing neighborhoods', () => {
  it('replacing the layer removes neighborhoods missing from the file and leaves their officers unassigned, in one undoable step', async () => {
    s = makeServices({ seed: true })
    const plan = s.plans.load()
    const adopter = plan.officers.find((o) => o.neighborhoodId === 'NE-springtown')!
    expect(adopter).toBeDefined()
    const kept = plan.neighborhoods.filter((n) => n.id !== 'NE-springtown')
    const file = layerFile('hoods.geojson', kept.map((n) => ({ props: { id: n.id, area: n.areaId }, rings: ringsOf(n.geometry) })))
    const r = await s.imports.apply(file, { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'replace' }, ADMIN)
    expect(r.removed).toEqual(['NE-springtown'])
    expect(r.unassigned).toContain(adopter.id)
    const after = s.plans.load()
    expect(after.neighborhoods.map((n) => n.id)).not.toContain('NE-springtown')
    expect(after.officers.find((o) => o.id === adopter.id)).toMatchObject({ neighborhoodId: null, areaId: adopter.areaId })
    // Names were not in the file: the neighborhoods that stay keep theirs.
    expect(after.neighborhoods.find((n) => n.id === 'NE-vasco')!.name).toBe(plan.neighborhoods.find((n) => n.id === 'NE-vasco')!.name)
    s.changes.undo(ADMIN)
    // Undo re-inserts the adoption rows (new rowids), so compare the plan itself.
    expect(s.plans.load()).toEqual(plan)
  })

  it('preview matches parent area codes exactly, then ignoring case and leading zeros, and marks the ones that match nothing', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db)
    const file = layerFile('beats.geojson', [
      { props: { BEAT: '0101', DIST: 'NE' }, rings: [square(-121.75, 37.68, 0.001)] },
      { props: { BEAT: '0102', DIST: ' ne ' }, rings: [square(-121.749, 37.68, 0.001)] },
      { props: { BEAT: '0103', DIST: 'ZZ' }, rings: [square(-121.748, 37.68, 0.001)] },
    ])
    const p = await s.imports.preview(file, { layer: 'neighborhoods', idField: 'BEAT', areaField: 'DIST' })
    expect(p.fields).toEqual(['BEAT', 'DIST'])
    expect(p.featureCount).toBe(3)
    expect(p.units.map((u) => [u.id, u.parentValue, u.parentId, u.parentMatch])).toEqual([
      ['0101', 'NE', 'NE', 'exact'],
      ['0102', 'ne', 'NE', 'normalized'],
      ['0103', 'ZZ', null, 'none'],
    ])
    expect(p.geojson.features.map((f) => f.properties.parentMatch)).toEqual(['exact', 'normalized', 'none'])
    expect(p.geojson.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [square(-121.75, 37.68, 0.001)] })
    expect(p.replaceRemoves).toHaveLength(19)
    expect(p.problems.add[0]).toMatch(/1 neighborhood names no existing Area Command \(0103\)/)
    expect(dumpTables(s.repos.db)).toEqual(before)

    await expect(s.imports.apply(file, { layer: 'neighborhoods', idField: 'BEAT', areaField: 'DIST', mode: 'add' }, ADMIN)).rejects.toMatchObject({
      code: 'unknown-parent',
      message: "beats.geojson: feature 2 (id 0103): parent area 'ZZ' matches no Area Command",
    })
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('adding refuses neighborhood ids the plan already has, naming them', async () => {
    s = makeServices({ seed: true })
    const file = layerFile('hoods.geojson', [{ props: { id: 'NE-vasco', area: 'NE' }, rings: [square(-121.75, 37.68, 0.001)] }])
    await expect(s.imports.apply(file, { layer: 'neighborhoods', idField: 'id', areaField: 'area', mode: 'add' }, ADMIN)).rejects.toThrow(
      /already exists in the plan \(NE-vasco\)/,
    )
  })

  it('needs the id and area fields to be mapped', async () => {
    s = makeServices({ seed: true })
    const file = layerFile('hoods.geojson', [{ props: { id: 'x', area: 'NE' }, rings: [square(-121.75, 37.68, 0.001)] }])
    await expect(s.imports.preview(file, { layer: 'neighborhoods', idField: 'id' })).rejects.toMatchObject({ code: 'invalid-mapping' })
  })
})

describe('importing the city limit', () => {
  it('dissolves the features into one boundary named after the file, and replacing it is one step', async () => {
    s = makeServices({ seed: true })
    const file = layerFile('Springfield limits.geojson', [
      { props: { n: 1 }, rings: [square(-121.9, 37.5)] },
      { props: { n: 2 }, rings: [square(-121.89, 37.5)] },
    ])
    await expect(s.imports.apply(file, { layer: 'city', mode: 'add' }, ADMIN)).rejects.toThrow(/already has a city limit/)
    const r = await s.imports.apply(file, { layer: 'city', mode: 'replace' }, ADMIN)
    expect(r.replaced).toEqual(['city'])
    const city = s.plans.load().city!
    expect(city).toMatchObject({ name: 'Springfield limits', sample: false })
    const rings = ringsOf(city.geometry)
    expect(city.geometry.type).toBe('Polygon')
    const xs = rings[0].map((p) => p[0])
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([-121.9, -121.88])
  })
})
