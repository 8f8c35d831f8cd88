import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import type { PlanState, Position } from '../../../src/shared/domain'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { formatFor } from '../../../src/main/export/formats'
import { KML } from '../../../src/main/export/kml'
import { flatPublicLayers } from '../../../src/main/export/public-fields'
import { readKml } from '../../../src/main/import/read-kml'
import { fixturePlanWithMultiPart, HOSTILE_NAME, MARKER, META } from '../publish/fixture-plan'

function plan(): PlanState {
  const p = fixturePlanWithMultiPart()
  // A control character XML cannot carry even escaped, and the characters it gives a meaning.
  p.neighborhoods.find((n) => n.id === 'n2')!.name = 'Vasco & "Las Positas" <North>\u0001'
  return p
}

const layers = buildPublicDataset(plan(), META)
const text = KML.render(layers, META)[0] as string
const published = (t: string) => (JSON.parse(t) as { features: { properties: { id: string; name: string }; geometry: { type: string; coordinates: unknown } }[] }).features

describe('KML export', () => {
  it('is chosen by the .kml ending and writes one file', () => {
    expect(formatFor('/x/plan.KML')).toBe(KML)
    expect(KML.paths('/x/plan.kml')).toEqual(['/x/plan.kml'])
  })

  it('is one KML 2.2 Document with a Folder per layer, areas then neighborhoods', () => {
    const doc = new DOMParser().parseFromString(text, 'text/xml')
    expect(doc.documentElement!.namespaceURI).toBe('http://www.opengis.net/kml/2.2')
    const folders = Array.from(doc.getElementsByTagName('Folder'))
    expect(folders.map((f) => f.getElementsByTagName('name')[0].textContent)).toEqual(['areas', 'neighborhoods'])
    expect(folders.map((f) => f.getElementsByTagName('Placemark').length)).toEqual([2, 4])
    expect(doc.getElementsByTagName('Document')[0].getElementsByTagName('name')[0].textContent).toBe(
      'Livermore Police Department: Area Commands and neighborhoods, plan version 3 (effective 2025-07-01)',
    )
    expect(text).not.toContain('<Style')
  })

  it('reads back through the importer: every public field, the names as written and the published rings', () => {
    const layer = readKml('plan.kml', new TextEncoder().encode(text))
    const want = [...published(layers.areas), ...published(layers.neighborhoods)]
    expect(layer.features.map((f) => f.properties.id)).toEqual(want.map((f) => f.properties.id))
    const [areas, nbs] = flatPublicLayers(layers)
    for (const f of layer.features.slice(2)) expect(Object.keys(f.properties)).toEqual(expect.arrayContaining(nbs.fields.map((x) => x.name)))
    for (const f of layer.features.slice(0, 2)) expect(Object.keys(f.properties)).toEqual(expect.arrayContaining(areas.fields.map((x) => x.name)))
    const byId = new Map(layer.features.map((f) => [f.properties.id, f]))
    expect(byId.get('m1')!.properties.name).toBe('Peña Heights')
    expect(byId.get('n2')!.properties.name).toBe('Vasco & "Las Positas" <North>')
    expect(byId.get('s1')!.properties.officers).toContain(HOSTILE_NAME)
    // A MultiPolygon of one part comes back as the Polygon it is.
    const onePart = (g: { type: string; coordinates: unknown }) => (g.type === 'MultiPolygon' && (g.coordinates as unknown[]).length === 1 ? { type: 'Polygon', coordinates: (g.coordinates as unknown[])[0] } : g)
    layer.features.forEach((f, i) => expect(f.geometry).toEqual(onePart(want[i].geometry)))
    expect((byId.get('m1')!.geometry!.coordinates as Position[][][]).map((p) => p.length)).toEqual([1, 2])
    expect((byId.get('s1')!.geometry!.coordinates as Position[][]).length).toBe(2)
  })

  it('escapes every text, so a hostile name stays text and the file stays well-formed', () => {
    expect(text).not.toContain('<img')
    expect(text).not.toContain('<script')
    expect(text).not.toContain('\u0001')
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('describes each neighborhood in words: area, commander or the department to call, officers, version', () => {
    const f = readKml('plan.kml', new TextEncoder().encode(text)).features
    const desc = (id: string) => String(f.find((x) => x.properties.id === id)!.properties.description)
    expect(desc('n1')).toBe(
      'Area Command: Northeast<br>Area Commander: Lt. R. Alvarez, lt-n@police.example.gov, 925-555-0104<br>Neighborhood officers: Officer A. Nguyen, o-ann@police.example.gov, 925-555-0105<br>Emergency: 9-1-1<br>Plan version 3, effective 2025-07-01',
    )
    expect(desc('s1')).toContain('No Area Commander; contact Livermore Police Department at 925-371-4900')
    // Vasco's only post is vacant: the Area Commander covers it, and the balloon says so.
    expect(desc('n2')).toContain('No neighborhood officer assigned at present; contact the Area Commander: Lt. R. Alvarez, lt-n@police.example.gov, 925-555-0104')
    // The description is HTML: a name in it is escaped once more, so a balloon shows it as text.
    expect(desc('s1')).toContain('Officer &lt;img src=x')
  })

  it('is byte-identical for the same version and carries nothing private', () => {
    expect(KML.render(layers, META)[0]).toBe(text)
    expect(text).not.toContain(MARKER)
  })
})
