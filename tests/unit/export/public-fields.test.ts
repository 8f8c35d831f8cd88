import { describe, expect, it } from 'vitest'
import { flatPublicLayers } from '../../../src/main/export/public-fields'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { fixturePlan, MARKER, META } from '../publish/fixture-plan'

const [areas, nbs] = flatPublicLayers(buildPublicDataset(fixturePlan(), META))
const row = (layer: typeof areas, id: string) => {
  const f = layer.features.find((x) => x.id === id)!
  return Object.fromEntries(layer.fields.map((fd, i) => [fd.name, f.values[i]]))
}

describe('public fields, flat', () => {
  it('names the two layers and gives every feature one value per field', () => {
    expect([areas.name, nbs.name]).toEqual(['areas', 'neighborhoods'])
    for (const l of [areas, nbs]) for (const f of l.features) expect(f.values).toHaveLength(l.fields.length)
    expect(nbs.features.map((f) => f.id)).toEqual(['n1', 'n2', 's1'])
  })

  it('flattens the commander, the officers, the version and the department into columns', () => {
    expect(row(nbs, 'n1')).toEqual({
      id: 'n1',
      name: 'Springtown',
      area_id: 'north',
      area_name: 'Northeast',
      commander_name: 'R. Alvarez',
      commander_rank: 'Lt.',
      commander_email: 'lt-n@police.example.gov',
      commander_phone: '925-555-0104',
      // Z. Adams is on leave: not a public contact.
      officer_count: 1,
      officers: 'Officer A. Nguyen, o-ann@police.example.gov, 925-555-0105',
      cover_role: null,
      cover_name: null,
      cover_rank: null,
      cover_email: null,
      cover_phone: null,
      version: 3,
      effective_date: '2025-07-01',
      department_name: 'Livermore Police Department',
      department_phone: '925-371-4900',
      department_emergency: '9-1-1',
    })
    // No commander: null columns, so a reader tells "vacant" from an empty name.
    expect(row(areas, 'south')).toMatchObject({ id: 'south', commander_name: null, commander_email: null, version: 3 })
    // A vacant post is not a published officer.
    expect(row(nbs, 'n2')).toMatchObject({ officer_count: 0, officers: '' })
    // ...so the Area Commander covers the vacancy, in the cover columns.
    expect(row(nbs, 'n2')).toMatchObject({ cover_role: 'commander', cover_name: 'R. Alvarez', cover_rank: 'Lt.', cover_email: 'lt-n@police.example.gov', cover_phone: '925-555-0104' })
  })

  it('carries nothing private', () => {
    expect(JSON.stringify([areas, nbs])).not.toContain(MARKER)
  })
})
