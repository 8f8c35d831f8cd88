import { pointOnFeature } from '@turf/turf'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openPlan } from '../../src/main/cli/open-plan'
import { releaseChangeSet } from '../../src/shared/domain'
import { inProcess, tempDir } from './spawn-cli'

const tmp = tempDir('acp-cli-compare-')
afterAll(() => tmp.cleanup())

interface Side { neighborhood: string | null; area: string | null; officers: string[] }
interface Out {
  continuity: { neighborhoods: number; workload: number | null; residents: number | null; byArea: Record<string, { name: string; neighborhoods: number; residents: number | null }> }
  affected: { address: string; lon: number; lat: number; from: Side; to: Side }[]
}

/**
 * The sample city published as version 1, then Q. Chen released from Vasco in the draft;
 * one address point inside each neighborhood.
 */
async function published(): Promise<{ db: string; csv: string; withOfficer: number; vasco: string[] }> {
  const db = join(tmp.dir, 'sample.sqlite')
  expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
  expect((await inProcess('export', '--db', db, '--out', join(tmp.dir, 'v1.geojson'), '--date', '2026-01-01')).code).toBe(0)
  const p = await openPlan(db)
  try {
    const plan = p.services.plans.load()
    const people = plan.officers.filter((o) => o.neighborhoodId && o.status !== 'vacant')
    const withOfficer = new Set(people.map((o) => o.neighborhoodId)).size
    const vasco = people.filter((o) => o.neighborhoodId === 'NE-vasco').map((o) => `${o.rank} ${o.displayName}`).sort()
    const chen = plan.officers.find((o) => o.displayName === 'Q. Chen')!
    p.services.changes.apply(releaseChangeSet(chen, 'Vasco'), p.actor)
    const rows = plan.neighborhoods.map((n) => {
      const [lon, lat] = pointOnFeature(n.geometry).geometry.coordinates
      return `"${n.id} street, Livermore",${lon},${lat}`
    })
    const csv = join(tmp.dir, 'addresses.csv')
    writeFileSync(csv, ['address,lon,lat', ...rows].join('\n'))
    return { db, csv, withOfficer, vasco }
  } finally {
    p.close()
  }
}

describe('cli compare', () => {
  it('the draft against the last published version: the one neighborhood that lost an officer, and its one address', async () => {
    const { db, csv, withOfficer, vasco } = await published()
    const r = await inProcess('compare', '--db', db, '--from', 'published', '--to', 'draft', '--addresses', csv, '--json')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out) as Out
    expect(Object.keys(out)).toEqual(['continuity', 'affected'])
    // Vasco keeps 2 of its 3 officers; every other neighborhood keeps all of its own.
    expect(out.continuity.neighborhoods).toBeCloseTo((withOfficer - 1 + 2 / 3) / withOfficer, 12)
    expect(out.continuity.byArea.NE.neighborhoods).toBeLessThan(1)
    expect(out.continuity.byArea.NW.neighborhoods).toBe(1)
    expect(out.continuity.workload).toBeNull()
    expect(out.affected).toHaveLength(1)
    expect(out.affected[0]).toMatchObject({ address: 'NE-vasco street, Livermore', from: { neighborhood: 'NE-vasco', area: 'NE', officers: vasco }, to: { neighborhood: 'NE-vasco', area: 'NE' } })
    expect(out.affected[0].to.officers).toEqual(vasco.filter((n) => !n.endsWith('Q. Chen')))

    const text = await inProcess('compare', '--db', db, '--from', '1', '--to', 'draft', '--addresses', csv)
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/Addresses affected: 1 of \d+/)
    expect(text.out).toContain('NE-vasco street, Livermore: NE-vasco / NE /')
  })

  it('refuses a bad address file naming the file, line and column, an unknown version and a bad --from', async () => {
    const db = join(tmp.dir, 'sample.sqlite')
    const bad = join(tmp.dir, 'bad.csv')
    writeFileSync(bad, 'address,lon,lat\n1 Main St,-121.76,37.68\n2 Main St,east,37.68\n')
    const r = await inProcess('compare', '--db', db, '--from', 'published', '--to', 'draft', '--addresses', bad)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`${bad}: line 3: lon "east" is not a longitude`)
    expect(r.out).toBe('')
    const v = await inProcess('compare', '--db', db, '--from', '7', '--to', 'draft')
    expect(v.code).toBe(2)
    expect(v.err).toContain('There is no published version 7')
    const u = await inProcess('compare', '--db', db, '--from', 'yesterday', '--to', 'draft')
    expect(u.code).toBe(2)
    expect(u.err).toMatch(/--from must be a version number, 'published'.*not 'yesterday'/)
  })
})
