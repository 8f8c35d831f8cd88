import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inProcess } from '../../cli/spawn-cli'
import { openServices } from '../../helpers/services-per-test'

const text = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

describe('print:rollCall, the app side of the roll-call map', () => {
  it('returns the same page the command line prints, with a file name for saving', async () => {
    const { s, dispatch } = openServices()
    // Units chosen in the plan, so the command line does not fall back on this machine's locale.
    s.repos.settings.set('units', 'metric')
    const r = (await dispatch('print:rollCall', { areaId: 'NE', paper: 'a4' })) as { ok: true; value: { bytes: Uint8Array; fileName: string } }
    expect(r.ok).toBe(true)
    expect(r.value.fileName).toMatch(/^roll-call-NE-\d{4}-\d{2}-\d{2}\.pdf$/)
    const fromApp = join(s.dir, 'app.pdf')
    writeFileSync(fromApp, r.value.bytes)
    expect(execFileSync('pdfinfo', [fromApp], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+841\.89 x 595\.28 pts/)
    // The command line on the same plan file: the same words in the same places.
    s.repos.db.pragma('wal_checkpoint(TRUNCATE)')
    const fromCli = join(s.dir, 'cli.pdf')
    const cli = await inProcess('print', '--db', s.config.dbPath, '--area', 'NE', '--out', fromCli, '--paper', 'a4')
    expect(cli.code, cli.err).toBe(0)
    expect(text(fromApp)).toBe(text(fromCli))
    expect(text(fromApp)).toContain('Northeast Area Command')
  })

  it('refuses an unknown area by name, and a paper it does not know', async () => {
    const { dispatch } = openServices()
    expect(await dispatch('print:rollCall', { areaId: 'ZZ', paper: 'letter' })).toMatchObject({ ok: false, error: { code: 'unknown-area', message: expect.stringContaining("no Area Command with id 'ZZ'; the plan's areas are: NE, NW, S") } })
    expect(await dispatch('print:rollCall', { areaId: 'NE', paper: 'legal' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
