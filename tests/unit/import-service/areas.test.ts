import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OKABE_ITO } from '../../../src/main/services/import-colors'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'
import { ADMIN, layerFile, square } from './layer'

let s: ReturnType<typeof makeServices>
afterEach(() => s?.cleanup())

const threeAreas = layerFile('areas.geojson', [
  { props: { CODE: 10, LABEL: 'Ten' }, rings: [square(-121.9, 37.5)] },
  { props: { CODE: 2, LABEL: 'Two' }, rings: [square(-121.88, 37.5)] },
  { props: { CODE: 'B1', LABEL: 'Bee' }, rings: [square(-121.86, 37.5)] },
])

describe('importing Area Commands', () => {
  it('adds new areas with Okabe–Ito colours given in id order, the same on every run', async () => {
    s = makeServices({ seed: false })
    const r = await s.imports.apply(threeAreas, { layer: 'areas', idField: 'CODE', nameField: 'LABEL', mode: 'add' }, ADMIN)
    expect(r.added).toEqual(['10', '2', 'B1'])
    const areas = s.plans.load().areas
    const color = (id: string) => areas.find((a) => a.id === id)!.color
    // Id order is '2' < '10' < 'B1' (numbers by value): the palette is dealt in that order.
    expect([color('2'), color('10'), color('B1')]).toEqual(OKABE_ITO.slice(0, 3))
    expect(areas.find((a) => a.id === '10')).toMatchObject({ name: 'Ten', commanderId: null })

    const again = makeServices({ seed: false })
    await again.imports.apply(threeAreas, { layer: 'areas', idField: 'CODE', nameField: 'LABEL', mode: 'add' }, ADMIN)
    expect(again.plans.load().areas.map((a) => a.color)).toEqual(areas.map((a) => a.color))
    again.cleanup()
  })

  it('is one undoable step, with a backup of the plan taken before it', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db, { exclude: ['audit_log'] })
    const r = await s.imports.apply(threeAreas, { layer: 'areas', idField: 'CODE', mode: 'add' }, ADMIN)
    expect(r.backupFile).not.toBeNull()
    expect(existsSync(r.backupFile!)).toBe(true)
    expect(s.plans.load().areas).toHaveLength(6)
    expect(s.repos.audit.recent(1)[0]).toMatchObject({ action: 'import', label: 'Import 3 Area Commands from areas.geojson (add)' })
    s.changes.undo(ADMIN)
    expect(dumpTables(s.repos.db, { exclude: ['audit_log'] })).toEqual(before)
  })

  it('refuses to add ids that already exist, naming them, and stores nothing', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db)
    const file = layerFile('more.geojson', [
      { props: { id: 'NE' }, rings: [square(-121.9, 37.5)] },
      { props: { id: 'X' }, rings: [square(-121.88, 37.5)] },
    ])
    await expect(s.imports.apply(file, { layer: 'areas', idField: 'id', mode: 'add' }, ADMIN)).rejects.toMatchObject({
      code: 'import-refused',
      message: expect.stringMatching(/more\.geojson was not imported: 1 Area Command id in the file already exists in the plan \(NE\)/),
    })
    expect(dumpTables(s.repos.db)).toEqual(before)
    expect(existsSync(join(s.dir, 'backups')) ? readdirSync(join(s.dir, 'backups')) : []).toEqual([])
  })

  it('refuses to replace areas while neighborhoods and officers still use an area that would disappear, and says which', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db)
    const onlyNE = layerFile('ne.geojson', [{ props: { id: 'NE' }, rings: [square(-121.9, 37.5)] }])
    const err = await s.imports.apply(onlyNE, { layer: 'areas', idField: 'id', mode: 'replace' }, ADMIN).catch((e) => e)
    expect(err.code).toBe('import-refused')
    expect(err.message).toMatch(/would remove 2 areas still in use: NW \(6 neighborhoods, \d+ officers\); S \(6 neighborhoods, \d+ officers\)/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('replacing keeps the colour, commander and (without a name field) the name of an area that stays', async () => {
    s = makeServices({ seed: true })
    const old = s.plans.load().areas.find((a) => a.id === 'NE')!
    const all = s.plans.load().areas.map((a) => ({ props: { id: a.id }, rings: a.id === 'NE' ? [square(-121.9, 37.5)] : (a.geometry.coordinates as [number, number][][]) }))
    const r = await s.imports.apply(layerFile('areas.geojson', all), { layer: 'areas', idField: 'id', mode: 'replace' }, ADMIN)
    expect(r).toMatchObject({ replaced: ['NE'], unchanged: ['NW', 'S'], removed: [] })
    const ne = s.plans.load().areas.find((a) => a.id === 'NE')!
    expect(ne).toMatchObject({ name: old.name, color: old.color, commanderId: old.commanderId })
    expect(ne.geometry.coordinates).toEqual([square(-121.9, 37.5)])
  })

  it('turns parser refusals into errors with the same code and message, and only Administration may import', async () => {
    s = makeServices({ seed: true })
    const before = dumpTables(s.repos.db)
    await expect(s.imports.apply(threeAreas, { layer: 'areas', idField: 'NOPE', mode: 'add' }, ADMIN)).rejects.toMatchObject({
      name: 'AppError',
      code: 'unknown-field',
      message: "areas.geojson has no field 'NOPE'; fields are: CODE, LABEL",
    })
    const commander = { osUser: 'tester', profile: { role: 'commander' as const, areaId: 'NE' } }
    await expect(s.imports.apply(threeAreas, { layer: 'areas', idField: 'CODE', mode: 'add' }, commander)).rejects.toMatchObject({ code: 'forbidden' })
    expect(dumpTables(s.repos.db)).toEqual(before)
  })

  it('stores a self-intersecting (bow-tie) area as it is, for the validator to report', async () => {
    s = makeServices({ seed: false })
    const bowtie: [number, number][] = [[-121.9, 37.5], [-121.89, 37.51], [-121.89, 37.5], [-121.9, 37.51], [-121.9, 37.5]]
    await s.imports.apply(layerFile('bad.geojson', [{ props: { id: 'A' }, rings: [bowtie] }]), { layer: 'areas', idField: 'id', mode: 'add' }, ADMIN)
    expect(s.plans.load().areas[0].geometry.coordinates).toEqual([bowtie])
  })
})
