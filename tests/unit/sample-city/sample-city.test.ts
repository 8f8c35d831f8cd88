import { readFileSync } from 'node:fs'
import path from 'node:path'
import { check } from '@placemarkio/check-geojson'
import { area } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { GEO_DIR, loadSampleCity } from './load-sample-city'
import {
  cityAreaProblems, idProblems, ringProblems, rosterProblems, tilingProblems, tJunctionProblems,
} from './sample-city-checks'

const sample = loadSampleCity()
const { city, areas, hoods, roster } = sample
const raw = (file: string) => JSON.parse(readFileSync(path.join(GEO_DIR, file), 'utf8'))

describe('bundled sample city (approximate Livermore)', () => {
  it('is labelled as approximate sample data', () => {
    expect(raw('city-limit.geojson').type).toBe('Feature')
    expect(raw('city-limit.geojson').properties).toEqual({ name: 'City of Livermore (approximate sample data)', sample: true })
  })

  it('is valid GeoJSON for any GIS tool', () => {
    for (const file of ['city-limit.geojson', 'areas.geojson', 'neighborhoods.geojson'])
      expect(() => check(readFileSync(path.join(GEO_DIR, file), 'utf8')), file).not.toThrow()
  })

  it('measures about 68.5 km², like the real city', () => {
    expect(cityAreaProblems(sample)).toEqual([])
  })

  it('lies where Livermore is', () => {
    const ring = city.polygon.coordinates[0]
    const lons = ring.map((p) => p[0])
    const lats = ring.map((p) => p[1])
    expect(Math.min(...lons), 'west edge').toBeGreaterThan(-121.86)
    expect(Math.max(...lons), 'east edge').toBeLessThan(-121.69)
    expect(Math.min(...lats), 'south edge').toBeGreaterThan(37.62)
    expect(Math.max(...lats), 'north edge').toBeLessThan(37.74)
  })

  it('has the three Area Commands with distinct colours and the documented feature properties', () => {
    expect(areas.map((a) => [a.id, a.name])).toEqual([['NE', 'Northeast'], ['NW', 'Northwest'], ['S', 'South']])
    for (const f of raw('areas.geojson').features) expect(Object.keys(f.properties).sort()).toEqual(['color', 'commanderId', 'id', 'name'])
    for (const a of areas) expect(a.color, `${a.label} colour`).toMatch(/^#[0-9A-Fa-f]{6}$/)
    expect(new Set(areas.map((a) => a.color.toLowerCase())).size).toBe(3)
    for (const f of raw('neighborhoods.geojson').features) {
      expect(Object.keys(f.properties).sort(), `neighborhood ${f.properties.id}`).toEqual(['areaId', 'color', 'id', 'name'])
      expect(f.properties.color).toBeNull()
    }
  })

  it('has closed, counter-clockwise, simple, quantized rings everywhere', () => {
    expect([city, ...areas, ...hoods].flatMap(ringProblems)).toEqual([])
  })

  it('Area Commands tile the city with no gap or overlap', () => {
    expect(tilingProblems(city, areas)).toEqual([])
  })

  it('neighborhoods tile their Area Command with no gap or overlap', () => {
    expect(areas.flatMap((a) => tilingProblems(a, hoods.filter((h) => h.areaId === a.id)))).toEqual([])
  })

  it('shared boundaries list the same vertices on both sides (no T-junctions)', () => {
    expect(tJunctionProblems([city, ...areas, ...hoods])).toEqual([])
  })

  it('has neighborhoods of varied, believable size (1–8 km²)', () => {
    const km2 = hoods.map((h) => area(h.polygon) / 1e6)
    for (const [i, h] of hoods.entries()) {
      expect(km2[i], `${h.label} size in km²`).toBeGreaterThanOrEqual(1)
      expect(km2[i], `${h.label} size in km²`).toBeLessThanOrEqual(8)
    }
    expect(Math.max(...km2) / Math.min(...km2), 'largest / smallest').toBeGreaterThan(2)
  })

  it('uses unique ids', () => {
    expect(idProblems(sample)).toEqual([])
  })

  it('has a consistent fictional roster: commanders, adoptions inside the own area, an active officer per neighborhood', () => {
    expect(roster.note).toMatch(/^Fictional roster for the sample city/)
    expect(rosterProblems(sample)).toEqual([])
  })

  it('balances staffing across areas without identical headcounts', () => {
    const perArea = areas.map((a) => roster.officers.filter((o) => o.areaId === a.id).length)
    expect(roster.officers.length).toBeGreaterThanOrEqual(55)
    expect(Math.max(...perArea) - Math.min(...perArea), `headcounts ${perArea}`).toBeLessThanOrEqual(4)
    expect(new Set(perArea).size, `headcounts ${perArea}`).toBeGreaterThan(1)
  })
})
