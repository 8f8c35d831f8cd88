import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unitsForLocale } from '../../src/shared/units/format'
import { dumpPlan, inProcess, spawnCli, tempDir } from './spawn-cli'

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('acp-cli-settings-')))
afterAll(() => t?.cleanup())

async function emptyPlan(name: string): Promise<string> {
  const db = join(t.dir, `${name}.sqlite`)
  expect((await inProcess('init', '--db', db)).code).toBe(0)
  return db
}

/** A refusal: exit 2, one line on stderr, nothing on stdout, every stored row as before. */
async function refused(db: string, ...argv: string[]): Promise<string> {
  const before = dumpPlan(db)
  const r = await inProcess(...argv)
  expect(r.code, r.err).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.split('\n')).toHaveLength(1)
  expect(dumpPlan(db)).toEqual(before)
  return r.err
}

describe('cli settings', () => {
  it('prints a new plan with no department and units from the system locale', async () => {
    const db = await emptyPlan('new')
    const before = dumpPlan(db)
    const r = await inProcess('settings', '--db', db)
    expect(r).toMatchObject({ code: 0, err: '' })
    const units = unitsForLocale(Intl.DateTimeFormat().resolvedOptions().locale)
    expect(r.out.split('\n')).toEqual([
      `units: ${units} (not set: from the system locale; set with --units)`,
      'department name: (not set)',
      'department non-emergency phone: (not set)',
      'department address: (not set)',
      'emergency number: 9-1-1',
      units === 'us' ? 'sliver width tolerance: 16.4 ft (stored as 5 m)' : 'sliver width tolerance: 5 m',
      units === 'us' ? 'sliver area tolerance: 1,076 sq ft (stored as 100 m²)' : 'sliver area tolerance: 100 m²',
      'unassigned neighborhood blocks publishing: no',
      'vacancy cover: the Area Commander',
      'shifts: Days 06:00–14:00, Swing 14:00–22:00, Nights 22:00–06:00',
      'Publishing is refused until --department-name and --department-phone are set.',
    ])
    // Printing only reads.
    expect(dumpPlan(db)).toEqual(before)
  })

  it('sets each flag on its own and keeps the others; the sample city has its own department', async () => {
    const db = await emptyPlan('set')
    let r = await inProcess('settings', '--db', db, '--units', 'us')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Saved the units.')
    expect(r.out).toContain('units: us\n')
    expect(r.out).toContain('sliver width tolerance: 16.4 ft (stored as 5 m)')
    r = await inProcess('settings', '--db', db, '--department-name', '  Springfield Police Department ')
    expect(r.out).toContain('department name: Springfield Police Department\n')
    expect(r.out).toContain('department non-emergency phone: (not set)')
    expect(r.out).toContain('Publishing is refused until --department-phone is set.')
    r = await inProcess('settings', '--db', db, '--department-phone', '555-0100', '--units', 'metric')
    expect(r.out.split('\n')).toEqual([
      'Saved the units, non-emergency phone.',
      'units: metric',
      'department name: Springfield Police Department',
      'department non-emergency phone: 555-0100',
      'department address: (not set)',
      'emergency number: 9-1-1',
      'sliver width tolerance: 5 m',
      'sliver area tolerance: 100 m²',
      'unassigned neighborhood blocks publishing: no',
      'vacancy cover: the Area Commander',
      'shifts: Days 06:00–14:00, Swing 14:00–22:00, Nights 22:00–06:00',
    ])

    const sample = join(t.dir, 'sample.sqlite')
    expect((await inProcess('init', '--db', sample, '--sample')).code).toBe(0)
    r = await inProcess('settings', '--db', sample)
    expect(r.out).toContain('department name: Livermore Police Department\ndepartment non-emergency phone: 925-371-4900\n')
  })

  it('refuses a units value it does not know, an empty name and text that is not one printable line, changing nothing', async () => {
    const db = await emptyPlan('refusals')
    expect(await refused(db, 'settings', '--db', db, '--units', 'imperial')).toBe("settings: --units must be one of us, metric, not 'imperial'. Run: npm run cli -- settings --help")
    expect(await refused(db, 'settings', '--db', db, '--department-name', '   ')).toBe('settings: --department-name must not be empty. Run: npm run cli -- settings --help')
    expect(await refused(db, 'settings', '--db', db, '--department-name', 'Springfield\nPD', '--units', 'us')).toBe(
      'settings: --department-name: the department name holds a control character (U+000A) at character 12; use printable text; nothing was changed',
    )
    expect(await refused(db, 'settings', '--db', db, '--department-phone', '5'.repeat(41))).toBe('settings: --department-phone: the non-emergency phone is longer than 40 characters; nothing was changed')
  })

  it('sets who covers a neighborhood with no active officer, refusing an officer on leave or an area left without a sergeant', async () => {
    const db = join(t.dir, 'vacancy.sqlite')
    expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
    expect(await refused(db, 'settings', '--db', db, '--vacancy-sergeant', 'NE')).toBe('settings: --vacancy-sergeant: "NE" is not AREA=OFFICER (for example NE=off-004); nothing was changed')
    expect(await refused(db, 'settings', '--db', db, '--vacancy-cover', 'sergeant', '--vacancy-sergeant', 'NE=off-004')).toBe(
      'settings: Vacancy cover: choose the sergeant who covers the vacant neighborhoods of Northwest, South (or let the Area Commander cover them). Nothing was saved.',
    )
    // Off-013 (N. Lindqvist) is on leave: not a contact residents can be given.
    expect(await refused(db, 'settings', '--db', db, '--vacancy-cover', 'sergeant', '--vacancy-sergeant', 'NE=off-013,NW=off-027,S=off-046', '--units', 'us')).toBe(
      'settings: Vacancy cover for Area Command Northeast: Officer N. Lindqvist is on leave; choose an active sergeant. Nothing was saved.',
    )
    let r = await inProcess('settings', '--db', db, '--vacancy-cover', 'sergeant', '--vacancy-sergeant', 'NE=off-004, NW=off-027,S=off-046')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Saved the vacancy cover.')
    expect(r.out).toContain("vacancy cover: the area's sergeant (Northeast: Sergeant C. Kowalski; Northwest: Sergeant H. Novak; South: Sergeant K. Ramos)")
    r = await inProcess('settings', '--db', db, '--vacancy-cover', 'commander')
    expect(r.code, r.err).toBe(0)
    expect(r.out.split('\n')).toContain('vacancy cover: the Area Commander')
  })
})

describe('cli export without a department', () => {
  it('exits 2 naming the missing setting after init, --force does not help, and nothing is published', async () => {
    const db = await emptyPlan('nodept')
    const out = join(t.dir, 'public', 'neighborhoods.geojson')
    // As a script runs it: its own process, one line on stderr.
    const before = dumpPlan(db)
    const r = spawnCli('export', '--db', db, '--out', out)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err.trimEnd().split('\n')).toHaveLength(1)
    expect(r.err).toContain("export: not published: the department's name and the department's non-emergency phone are not set")
    expect(r.err).toContain(`npm run cli -- settings --db ${db} --department-name <text> --department-phone <text>`)
    expect(dumpPlan(db)).toEqual(before)

    const forced = await refused(db, 'export', '--db', db, '--out', out, '--force', '--reason', 'deadline')
    expect(forced).toMatch(/not set \(--force does not override this\)/)

    expect((await inProcess('settings', '--db', db, '--department-name', 'Springfield Police Department')).code).toBe(0)
    expect(await refused(db, 'export', '--db', db, '--out', out, '--force')).toBe(
      `export: not published: the department's non-emergency phone is not set (--force does not override this); set it with: npm run cli -- settings --db ${db} --department-phone <text>`,
    )
    expect(existsSync(join(t.dir, 'public'))).toBe(false)
    expect(existsSync(join(t.dir, 'backups')) ? readdirSync(join(t.dir, 'backups')) : []).toEqual([])

    expect((await inProcess('settings', '--db', db, '--department-phone', '555-0100')).code).toBe(0)
    const ok = await inProcess('export', '--db', db, '--out', out)
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('Published version 1')
    const published = JSON.parse(readFileSync(out, 'utf8')) as { features: unknown[] }
    expect(published.features).toEqual([])
  })
})
