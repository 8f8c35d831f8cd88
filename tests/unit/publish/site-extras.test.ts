import { afterEach, describe, expect, it } from 'vitest'
import { buildPublicSite } from '../../../src/main/public-site/build-site'
import { siteExtras } from '../../../src/main/public-site/site-extras'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { makeServices } from '../../helpers/services'
import { fixturePlan, META } from './fixture-plan'

let services: ReturnType<typeof makeServices> | null = null
afterEach(() => services?.cleanup())

const csp = (html: string): string => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]

describe('what the public page carries besides the plan', () => {
  it('bundles the address points, at most the cap, and the page says how many were left out', () => {
    services = makeServices({ seed: false })
    const rows = Array.from({ length: 30 }, (_, i) => `${100 + i} Main St,${-121.75 + i * 1e-4},${37.68 + i * 1e-4}`)
    services.addresses.importCsv(['address,lon,lat', ...rows].join('\n'), 'a.csv')
    const x = siteExtras(services.repos, 10)
    expect(x.addresses!.rows).toHaveLength(10)
    expect(x.addresses!.total).toBe(30)
    // Coordinates come back to within a millionth of a degree.
    const [, dx, dy] = x.addresses!.rows[3]
    expect(x.addresses!.origin[0] + dx / x.addresses!.scale).toBeCloseTo(-121.75 + 3e-4, 6)
    expect(x.addresses!.origin[1] + dy / x.addresses!.scale).toBeCloseTo(37.68 + 3e-4, 6)
    const html = buildPublicSite(buildPublicDataset(fixturePlan(), META), META, x)['index.html']
    expect(html).toContain('id="address"')
    expect(html).toContain('103 Main St')
    expect(html).not.toContain('125 Main St')
  })

  it('without address points there is no address box, and without a tile URL the page loads no images from anywhere', () => {
    services = makeServices({ seed: false })
    const x = siteExtras(services.repos)
    expect(x).toEqual({ addresses: null, tiles: null })
    const html = buildPublicSite(buildPublicDataset(fixturePlan(), META), META, x)['index.html']
    expect(html).not.toContain('id="address"')
    expect(csp(html)).toContain('img-src data:;')
  })

  it('an https tile server is allowed by the page policy, and nothing else; a localhost one stays off the public page', () => {
    services = makeServices({ seed: false })
    services.settings.set({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© Example' })
    const x = siteExtras(services.repos)
    expect(x.tiles).toEqual({ url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' })
    const html = buildPublicSite(buildPublicDataset(fixturePlan(), META), META, x)['index.html']
    expect(csp(html)).toContain('img-src data: https://tiles.example.org;')
    expect(csp(html)).toContain("connect-src 'self'")
    services.settings.set({ tileUrl: 'http://localhost:8080/{z}/{x}/{y}.png' })
    expect(siteExtras(services.repos).tiles).toBeNull()
  })
})
