import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inProcess, REPO, spawnCli, tempDir } from './spawn-cli'

/** Poppler's tools read the PDF as any viewer would: an independent check of what we wrote. */
const pdfinfo = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' })
const pdftext = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

interface Roster { officers: { id: string; displayName: string; rank: string; areaId: string | null; neighborhoodId: string | null }[] }
const hoods = (JSON.parse(readFileSync(join(REPO, 'resources/geo/neighborhoods.geojson'), 'utf8')) as { features: { properties: { id: string; areaId: string; name: string } }[] }).features.map((f) => f.properties)
const roster = (JSON.parse(readFileSync(join(REPO, 'resources/geo/roster.json'), 'utf8')) as Roster).officers
const NE_HOODS = hoods.filter((h) => h.areaId === 'NE')
const NE_ADOPTERS = roster.filter((o) => NE_HOODS.some((h) => h.id === o.neighborhoodId))
const COMMANDER = roster.find((o) => o.id === 'off-001')!

let tmp: ReturnType<typeof tempDir>
let db = ''
beforeAll(async () => {
  tmp = tempDir('acp-print-')
  db = join(tmp.dir, 'plan.sqlite')
  expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
})
afterAll(() => tmp.cleanup())

describe('cli print: the roll-call map', () => {
  it.each([
    ['letter', '792 x 612 pts'],
    ['a4', /841\.8\d* x 595\.2\d* pts/],
  ] as const)('prints the sample Northeast area on one landscape %s page, names and officers as text', async (paper, size) => {
    const out = join(tmp.dir, `ne-${paper}.pdf`)
    const r = await inProcess('print', '--db', db, '--area', 'NE', '--out', out, '--paper', paper)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const info = pdfinfo(out)
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(typeof size === 'string' ? new RegExp(`Page size:\\s+${size}`) : new RegExp(`Page size:\\s+${size.source}`))
    const text = pdftext(out)
    expect(NE_HOODS.length).toBeGreaterThan(3)
    expect(NE_ADOPTERS.length).toBeGreaterThan(5)
    for (const h of NE_HOODS) expect(text).toContain(h.name)
    for (const o of NE_ADOPTERS) expect(text).toContain(`${o.rank} ${o.displayName}`)
    expect(text).toContain(`Area Commander: ${COMMANDER.rank} ${COMMANDER.displayName}`)
    expect(text).toContain('Northeast Area Command')
    expect(text).toMatch(/Draft of \d{4}-\d{2}-\d{2} \(not yet published\)/)
    // No neighborhood or officer of another area is on the Northeast sheet.
    for (const h of hoods.filter((x) => x.areaId !== 'NE')) expect(text).not.toContain(h.name)
  })

  it('letter is the default paper, and a published plan is stamped with its version', async () => {
    const published = join(tmp.dir, 'published.sqlite')
    expect((await inProcess('init', '--db', published, '--sample')).code).toBe(0)
    const exp = await inProcess('export', '--db', published, '--out', join(tmp.dir, 'pub', 'n.geojson'), '--date', '2026-03-01', '--force')
    expect(exp.code, exp.err).toBe(0)
    const out = join(tmp.dir, 'published.pdf')
    expect((await inProcess('print', '--db', published, '--area', 'NE', '--out', out)).code).toBe(0)
    expect(pdfinfo(out)).toMatch(/Page size:\s+792 x 612 pts/)
    expect(pdftext(out)).toContain('Plan version 1, effective 2026-03-01')
  })

  it('the scale bar speaks the plan\'s units: miles or feet in US units, kilometres or metres in metric', async () => {
    const plan = join(tmp.dir, 'units.sqlite')
    expect((await inProcess('init', '--db', plan, '--sample')).code).toBe(0)
    const bar = async (units: string): Promise<string> => {
      expect((await inProcess('settings', '--db', plan, '--units', units)).code).toBe(0)
      const out = join(tmp.dir, `units-${units}.pdf`)
      expect((await inProcess('print', '--db', plan, '--area', 'NE', '--out', out)).code).toBe(0)
      return /^\s*0\s+(\S+ (?:km|m|mi|ft))\s*$/m.exec(pdftext(out))?.[1] ?? 'no scale bar'
    }
    expect(await bar('us')).toMatch(/^[\d.,]+ (mi|ft)$/)
    expect(await bar('metric')).toMatch(/^[\d.,]+ (km|m)$/)
  })

  it('refuses an unknown area naming the areas there are, writing nothing', () => {
    const out = join(tmp.dir, 'nope.pdf')
    const r = spawnCli('print', '--db', db, '--area', 'NORTH', '--out', out)
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toContain("no Area Command with id 'NORTH'")
    expect(r.err).toContain('NE, NW, S')
    expect(existsSync(out)).toBe(false)
  })

  it('refuses to write over the plan, and a paper it does not know', async () => {
    const before = readFileSync(db)
    const onPlan = await inProcess('print', '--db', db, '--area', 'NE', '--out', db.replace(/\.sqlite$/, '.sqlite'))
    expect(onPlan.code).toBe(2)
    // The .pdf rule answers first for the plan's own name; a .pdf link to the plan is caught by the output guard.
    expect(onPlan.err).toMatch(/\.pdf/)
    const link = join(tmp.dir, 'plan-link.pdf')
    execFileSync('ln', ['-s', db, link])
    const viaLink = await inProcess('print', '--db', db, '--area', 'NE', '--out', link)
    expect(viaLink.code).toBe(2)
    expect(viaLink.err).toContain('it is the plan database')
    expect(readFileSync(db).equals(before)).toBe(true)
    const paper = await inProcess('print', '--db', db, '--area', 'NE', '--out', join(tmp.dir, 'x.pdf'), '--paper', 'legal')
    expect(paper.code).toBe(2)
    expect(paper.err).toContain('--paper must be one of letter, a4')
  })

  it('replaces an existing PDF whole', async () => {
    const out = join(tmp.dir, 'again.pdf')
    writeFileSync(out, 'old contents')
    expect((await inProcess('print', '--db', db, '--area', 'S', '--out', out)).code).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdftext(out)).toContain('South Area Command')
  })
})
