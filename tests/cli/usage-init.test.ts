import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dumpPlan, inProcess, spawnCli, tempDir } from './spawn-cli'

const tmp = tempDir('acp-cli-init-')
afterAll(() => tmp.cleanup())

describe('the command line, as a process', () => {
  it('--help lists the usage of every command and exits 0', () => {
    const r = spawnCli('--help')
    expect(r.code).toBe(0)
    for (const line of [
      'npm run cli -- init --db <file> [--sample]',
      'npm run cli -- import --db <file> --layer areas --file <f> --id-field <F> [--name-field <F>]',
      'npm run cli -- import --db <file> --layer neighborhoods --file <f> --id-field <F> --area-field <F> [--name-field <F>]',
      'npm run cli -- import --db <file> --layer city --file <f> [--name-field <F>]',
      'npm run cli -- validate --db <file> [--json]',
    ]) expect(r.out).toContain(line)
    expect(r.err).toBe('')
  })

  it('an unknown command or flag exits 2 with one line on stderr pointing to --help', () => {
    const cmd = spawnCli('frobnicate')
    expect(cmd.code).toBe(2)
    // Commands are added over time (roster, print, ...): the list starts with the original ones.
    expect(cmd.err).toMatch(/^unknown command 'frobnicate'; commands are: init, import, validate, export, lookup(, [a-z]+)*\. Run: npm run cli -- --help\n$/)
    const flag = spawnCli('validate', '--db', 'x.sqlite', '--jsn')
    expect(flag.code).toBe(2)
    expect(flag.err).toBe('validate: unknown flag --jsn. Run: npm run cli -- validate --help\n')
    expect(flag.out).toBe('')
  })

  it('init creates a migrated empty plan, and refuses to overwrite a plan that holds anything (exit 2, file untouched)', () => {
    const db = join(tmp.dir, 'empty.sqlite')
    const r = spawnCli('init', '--db', db)
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toContain(`Created the empty plan database ${db}.`)
    const tables = dumpPlan(db)
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['areas', 'neighborhoods', 'officers', 'city', 'audit_log']))
    expect(tables.areas).toEqual([])

    const sample = join(tmp.dir, 'sample.sqlite')
    const s = spawnCli('init', '--db', sample, '--sample')
    expect(s.code).toBe(0)
    expect(s.out).toMatch(/sample city .*: 3 Area Commands, 19 neighborhoods, 63 officers/)
    const before = readFileSync(sample)
    const again = spawnCli('init', '--db', sample, '--sample')
    expect(again.code).toBe(2)
    expect(again.err).toBe(`${sample} already holds a plan (3 Area Commands, 19 neighborhoods, 63 officers); init never overwrites a plan: choose a new file\n`)
    expect(readFileSync(sample).equals(before)).toBe(true)
  })
})

describe('the command line, in process', () => {
  it('commands other than init refuse a database that does not exist, without creating it', async () => {
    const db = join(tmp.dir, 'missing.sqlite')
    const r = await inProcess('validate', '--db', db)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`There is no plan database at ${db}; create one with: npm run cli -- init --db ${db}`)
    expect(existsSync(db)).toBe(false)
  })

  it('a --db that is not a database (say, the GeoJSON itself) is refused and left where it is', async () => {
    const notDb = join(tmp.dir, 'areas.geojson')
    writeFileSync(notDb, '{"type":"FeatureCollection","features":[]}')
    const r = await inProcess('validate', '--db', notDb)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/is not a plan database \(it is not an SQLite file\); nothing was changed$/)
    expect(readFileSync(notDb, 'utf8')).toBe('{"type":"FeatureCollection","features":[]}')
  })

  it('missing required flags and wrong values are usage errors naming the flag', async () => {
    expect(await inProcess('init')).toMatchObject({ code: 2, err: 'init: --db <file> is required. Run: npm run cli -- init --help' })
    expect(await inProcess('import', '--db', 'p', '--layer', 'beats', '--file', 'f')).toMatchObject({
      code: 2,
      err: "import: --layer must be one of areas, neighborhoods, city, not 'beats'. Run: npm run cli -- import --help",
    })
    expect((await inProcess('import', '--db', 'p', '--layer', 'neighborhoods', '--file', 'f', '--id-field', 'BEAT')).err).toMatch(
      /^import: --layer neighborhoods needs --area-field <F>/,
    )
    expect((await inProcess('validate', '--db')).err).toMatch(/^validate: --db needs a value <file>/)
  })

  it('validate on the sample city finds nothing blocking: exit 0, and --json prints exactly {summary, findings}', async () => {
    const db = join(tmp.dir, 'sample-v.sqlite')
    expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
    const human = await inProcess('validate', '--db', db)
    expect(human.code).toBe(0)
    expect(human.out).toMatch(/^Plan: city limit .*3 Area Commands, 19 neighborhoods, 63 officers/)
    expect(human.out.trim().split('\n').at(-1)).toMatch(/^Summary: .*nothing blocks publishing\.$/)
    const json = await inProcess('validate', '--db', db, '--json')
    const parsed = JSON.parse(json.out)
    expect(Object.keys(parsed)).toEqual(['summary', 'findings'])
    expect(parsed.summary.blocking).toBe(false)
  })
})
