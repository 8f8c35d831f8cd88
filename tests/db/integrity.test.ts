import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkFileIntegrity, fileStamp, moveDatabaseFiles, parseFileStamp } from '../../src/main/db/integrity'
import { makePlanDb, tempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('integrity helpers', () => {
  it('a healthy plan passes the full integrity check; a missing or foreign file does not, with a reason', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file, 20).close()
    expect(checkFileIntegrity(file)).toEqual({ ok: true, problems: [] })
    expect(checkFileIntegrity(join(dir, 'nope.sqlite')).problems[0]).toContain('there is no file at')
    writeFileSync(join(dir, 'notes.txt'), 'hello '.repeat(1000))
    const foreign = checkFileIntegrity(join(dir, 'notes.txt'))
    expect(foreign.ok).toBe(false)
    expect(foreign.problems[0]).toMatch(/not a database/)
  })

  it('moving a plan aside takes its -wal and -shm along, with the same suffix', () => {
    const file = join(dir, 'plan.sqlite')
    for (const [side, text] of [['', 'main'], ['-wal', 'wal'], ['-shm', 'shm']]) writeFileSync(file + side, text)
    const moved = moveDatabaseFiles(file, '.damaged-x')
    expect(moved).toBe(`${file}.damaged-x`)
    expect(readdirSync(dir).sort()).toEqual(['plan.sqlite.damaged-x', 'plan.sqlite.damaged-x-shm', 'plan.sqlite.damaged-x-wal'])
    expect(readFileSync(`${moved}-wal`, 'utf8')).toBe('wal')
    expect(existsSync(file)).toBe(false)
  })

  it('file time stamps have no colons (valid on Windows) and read back to the same instant', () => {
    const d = new Date('2025-12-31T23:59:58.007Z')
    expect(fileStamp(d)).toBe('2025-12-31T23-59-58-007Z')
    expect(parseFileStamp(fileStamp(d))?.toISOString()).toBe(d.toISOString())
    expect(parseFileStamp('2025-12-31T23:59:58.007Z')).toBeNull()
  })
})
