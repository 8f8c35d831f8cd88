import * as turf from '@turf/turf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dumpTables } from '../../helpers/table-dump'
import { makeServices } from '../../helpers/services'
import { ADMIN, PRIVATE_FIELDS, seedPrivateMarkers, type TestServices } from './helpers'

let s: TestServices
beforeEach(() => (s = makeServices()))
afterEach(() => s.cleanup())

describe('who is my officer, in the app', () => {
  it('answers a point inside a neighborhood with its public people, and nothing private', () => {
    const markers = seedPrivateMarkers(s)
    const plan = s.plans.load()
    const nb = plan.neighborhoods.find((n) => plan.officers.some((o) => o.neighborhoodId === n.id && o.status === 'active'))!
    const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
    const a = s.lookup.lookup(lon, lat)!
    expect(a.neighborhood).toEqual({ id: nb.id, name: nb.name })
    expect(a.area?.id).toBe(nb.areaId)
    const expected = plan.officers.filter((o) => o.neighborhoodId === nb.id && o.status !== 'vacant').map((o) => o.displayName).sort()
    expect(a.officers.map((o) => o.name).sort()).toEqual(expected)
    const lt = plan.officers.find((o) => o.id === plan.areas.find((x) => x.id === nb.areaId)!.commanderId)!
    expect(a.commander).toEqual({ name: lt.displayName, rank: lt.rank, email: lt.email, phone: lt.deskPhone })
    expect(a.department.nonEmergencyPhone).toBe('925-371-4900')
    const text = JSON.stringify(a)
    for (const m of markers) expect(text).not.toContain(m)
    for (const k of PRIVATE_FIELDS) expect(text).not.toContain(k)
  })

  it('says nothing is there outside the city, and follows edits', () => {
    expect(s.lookup.lookup(-100, 40)).toBeNull()
    const plan = s.plans.load()
    const nb = plan.neighborhoods[0]
    const [lon, lat] = turf.pointOnFeature(nb.geometry).geometry.coordinates
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: nb.id, before: nb, after: { ...nb, name: 'New Name' } }] }, ADMIN)
    expect(s.lookup.lookup(lon, lat)!.neighborhood!.name).toBe('New Name')
    expect(() => s.lookup.lookup(200, 0)).toThrow(/between -180 and 180/)
  })
})

describe('address points', () => {
  it('guesses the columns, stores good rows, and names bad rows by line', () => {
    const csv = [
      'Full Address,Longitude,Latitude,Zip',
      '1052 S Livermore Ave,-121.7680,37.6805,94550',
      '',
      '"2 Main St, Unit 5",-121.7700,37.6820,94550',
      'Nowhere Rd,abc,37.68,94550',
      ',-121.76,37.68,94550',
      '3 Main St,-121.7710,95,94550',
    ].join('\n')
    const r = s.addresses.importCsv(csv, 'addresses.csv')
    expect(r.columns).toEqual({ address: 'Full Address', lon: 'Longitude', lat: 'Latitude' })
    expect(r.imported).toBe(2)
    expect(r.skipped.map((x) => x.line)).toEqual([5, 6, 7])
    expect(r.skipped[0].message).toBe('addresses.csv: line 5: Longitude "abc" is not a longitude between -180 and 180')
    expect(s.addresses.count()).toBe(2)
    expect(s.addresses.search('2 main', 5)).toEqual([{ address: '2 Main St, Unit 5', lon: -121.77, lat: 37.682 }])
    expect(s.addresses.search('LIVERMORE', 5).map((x) => x.address)).toEqual(['1052 S Livermore Ave'])
    expect(s.addresses.search('m', 5)).toEqual([])
  })

  it('refuses a file without the needed columns, or without a single good row, and keeps what was stored', () => {
    s.addresses.importCsv('address,lon,lat\n1 A St,-121.7,37.6\n', 'ok.csv')
    const before = dumpTables(s.repos.db)
    expect(() => s.addresses.importCsv('street,x_coord,y_coord\n1 A St,-121,37\n', 'bad.csv')).toThrow(
      'bad.csv: line 1: no address, longitude (lon), latitude (lat) column found among the headers "street", "x_coord", "y_coord"',
    )
    expect(() => s.addresses.importCsv('address,lon,lat\n1 A St,,37\n', 'empty.csv')).toThrow(/empty.csv: no usable address rows \(first problem: empty.csv: line 2/)
    expect(() => s.addresses.importCsv('', 'blank.csv')).toThrow(/blank.csv: line 1: no address/)
    expect(dumpTables(s.repos.db)).toEqual(before)
  })
})
