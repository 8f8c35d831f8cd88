import { describe, expect, it } from 'vitest'
import { buildPublicSite, jsonForScriptTag, PUBLIC_PAGE_CSP } from '../../../src/main/public-site/build-site'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { fixturePlan, HOSTILE_NAME, MARKER, META } from './fixture-plan'

const dataset = buildPublicDataset(fixturePlan(), META)
const site = buildPublicSite(dataset, META)
const html = site['index.html']

function embedded(id: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)
  if (!m) throw new Error(`no embedded ${id}`)
  return JSON.parse(m[1])
}

describe('public site', () => {
  it('writes index.html with the two GeoJSON files beside it, unchanged', () => {
    expect(Object.keys(site).sort()).toEqual(['areas.geojson', 'index.html', 'neighborhoods.geojson'])
    expect(site['neighborhoods.geojson']).toBe(dataset.neighborhoods)
    expect(site['areas.geojson']).toBe(dataset.areas)
  })

  it('carries the data inside the page so it works from file:// and requests nothing', () => {
    expect(embedded('neighborhoods-data')).toEqual(JSON.parse(dataset.neighborhoods))
    expect(embedded('areas-data')).toEqual(JSON.parse(dataset.areas))
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PUBLIC_PAGE_CSP}">`)
    expect(PUBLIC_PAGE_CSP).toMatch(/^default-src 'none';/)
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i)
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i)
    expect(html).not.toMatch(/@import|url\(|fetch\(|XMLHttpRequest|innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/)
  })

  it('contains no private officer field', () => {
    expect(html).not.toContain(MARKER)
  })

  it('cannot be broken out of by a name containing </script> or markup', () => {
    expect(html).not.toContain(HOSTILE_NAME)
    expect(html.match(/<\/script>/g)).toHaveLength(4)
    expect(html.match(/<script\b/g)).toHaveLength(4)
    const nb = embedded('neighborhoods-data') as { features: { properties: { officers: { name: string }[]; name: string } }[] }
    expect(nb.features.flatMap((f) => f.properties.officers.map((o) => o.name))).toContain(HOSTILE_NAME)
    expect(nb.features.map((f) => f.properties.name)).toContain('Sunset <South>')
    expect(jsonForScriptTag('{"a":"</script><!--&\u2028"}')).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}')
  })

  it('is accessible without a mouse: a labelled form and a live result area', () => {
    expect(html).toMatch(/<label for="coords">/)
    expect(html).toMatch(/<section id="result" aria-live="polite"/)
    expect(html).toMatch(/<canvas id="map" tabindex="0"/)
    expect(html).toMatch(/<html lang="en">/)
  })

  it('escapes the department name where it appears as page text', () => {
    const meta = { ...META, department: { ...META.department, name: 'P&D <Police>' } }
    const page = buildPublicSite(dataset, meta)['index.html']
    expect(page).toContain('<title>P&#38;D &#60;Police&#62; — find your neighborhood officer</title>')
    expect(page).not.toContain('<Police>')
  })

  it('rejects a dataset that is not a FeatureCollection', () => {
    expect(() => buildPublicSite({ neighborhoods: '{', areas: dataset.areas }, META)).toThrow(/neighborhoods dataset is not valid JSON/)
    expect(() => buildPublicSite({ neighborhoods: dataset.neighborhoods, areas: '{"type":"Feature"}' }, META)).toThrow(/areas dataset is not a GeoJSON FeatureCollection/)
  })
})
