import * as nodeFs from 'node:fs'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/main/services/app-error'
import { PublishService } from '../../../src/main/services/publish-service'
import { NODE_FS, stagePublication, type PublicationFs } from '../../../src/main/services/publication-files'
import { makeServices } from '../../helpers/services'
import { ADMIN, type TestServices } from './helpers'

let s: TestServices
beforeEach(() => (s = makeServices()))
afterEach(() => s.cleanup())

/** A disk with `free` bytes left: each write takes what fits, the next one fails with ENOSPC, as Linux does. */
function diskWithRoom(free: number): PublicationFs {
  let left = free
  return {
    ...NODE_FS,
    writeSync(fd, buffer, offset, length) {
      if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      const n = Math.min(length, left, 8192)
      left -= n
      return nodeFs.writeSync(fd, buffer, offset, n)
    },
  }
}

/** The same PublishService the app builds, on the test's plan, writing through `fsx`. */
function publisherWith(fsx: PublicationFs): PublishService {
  return new PublishService(s.repos, s.plans, s.validation, null, undefined, () => s.settings.get().department, { dbPath: s.config.dbPath, backupDir: s.backups.backupDir }, fsx)
}

const listing = (dir: string) => readdirSync(dir).sort()

describe('publishing is all-or-nothing', () => {
  it('on a full disk, the previous publication keeps every byte, no version is recorded and no temporary file is left', async () => {
    const out = join(s.dir, 'site', 'neighborhoods.geojson')
    const first = await s.publish.publish({ effectiveDate: '2026-01-01', outFile: out }, ADMIN)
    expect(first.version.number).toBe(1)
    const before = { nb: readFileSync(out), areas: readFileSync(join(s.dir, 'site', 'neighborhoods.areas.geojson')), files: listing(join(s.dir, 'site')) }
    expect(before.nb.length).toBeGreaterThan(16_000)

    // Room for the first 8 KB of the neighborhoods file only: the write stops partway.
    const err = await publisherWith(diskWithRoom(8192)).publish({ effectiveDate: '2026-02-01', outFile: out }, ADMIN).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toMatch(/Could not write .*neighborhoods\.geojson: the disk is full\. Nothing was published/)
    expect(readFileSync(out).equals(before.nb)).toBe(true)
    expect(readFileSync(join(s.dir, 'site', 'neighborhoods.areas.geojson')).equals(before.areas)).toBe(true)
    expect(listing(join(s.dir, 'site'))).toEqual(before.files)
    expect(s.publish.versions().map((v) => v.number)).toEqual([1])
  })

  it('a disk that takes each file in small pieces still gets every byte', async () => {
    const out = join(s.dir, 'pieces.geojson')
    const fsx: PublicationFs = { ...NODE_FS, writeSync: (fd, b, o, l) => nodeFs.writeSync(fd, b, o, Math.min(l, 1000)) }
    const r = await publisherWith(fsx).publish({ effectiveDate: '2026-01-01', outFile: out }, ADMIN)
    expect(readFileSync(out).equals(s.publish.files(r.version.number).neighborhoods)).toBe(true)
    expect(readFileSync(join(s.dir, 'pieces.areas.geojson')).equals(s.publish.files(r.version.number).areas)).toBe(true)
  })

  it('when the areas file cannot be written, the neighborhoods file already there is left as it was', async () => {
    const out = join(s.dir, 'pub', 'neighborhoods.geojson')
    mkdirSync(join(s.dir, 'pub'))
    writeFileSync(out, 'last year’s file')
    // The second file of the version fails after the first was written in full.
    let files = 0
    const fsx: PublicationFs = {
      ...NODE_FS,
      openSync(path, flags) {
        if (flags === 'wx' && ++files === 2) throw Object.assign(new Error('EIO: i/o error, open'), { code: 'EIO' })
        return nodeFs.openSync(path, flags)
      },
    }
    await expect(publisherWith(fsx).publish({ effectiveDate: '2026-01-01', outFile: out }, ADMIN)).rejects.toThrow(/Could not write .*neighborhoods\.areas\.geojson/)
    expect(readFileSync(out, 'utf8')).toBe('last year’s file')
    expect(listing(join(s.dir, 'pub'))).toEqual(['neighborhoods.geojson'])
    expect(s.publish.versions()).toEqual([])
  })

  it('a rename that fails after another file was moved into place puts that file back', async () => {
    const out = join(s.dir, 'r', 'n.geojson')
    await s.publish.publish({ effectiveDate: '2026-01-01', outFile: out }, ADMIN)
    const before = [readFileSync(out), readFileSync(join(s.dir, 'r', 'n.areas.geojson'))]
    let renames = 0
    const fsx: PublicationFs = {
      ...NODE_FS,
      renameSync(from, to) {
        if (from.endsWith('.partial') && ++renames === 2) throw Object.assign(new Error('EXDEV: rename failed'), { code: 'EXDEV' })
        nodeFs.renameSync(from, to)
      },
    }
    await expect(publisherWith(fsx).publish({ effectiveDate: '2026-02-01', outFile: out }, ADMIN)).rejects.toThrow(/Could not write/)
    expect(readFileSync(out).equals(before[0])).toBe(true)
    expect(readFileSync(join(s.dir, 'r', 'n.areas.geojson')).equals(before[1])).toBe(true)
    expect(listing(join(s.dir, 'r'))).toEqual(['n.areas.geojson', 'n.geojson'])
    expect(s.publish.versions().map((v) => v.number)).toEqual([1])
  })

  it('when the database refuses the version after the files were moved into place, the files are put back', async () => {
    const out = join(s.dir, 'db-fails.geojson')
    writeFileSync(out, 'previous')
    // A deferred foreign key fails only at COMMIT, after both files were renamed into place.
    s.repos.db.exec(`
      CREATE TABLE test_target (id INTEGER PRIMARY KEY);
      CREATE TABLE test_dangling (ref INTEGER REFERENCES test_target(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER dangle_on_publish AFTER INSERT ON published_versions BEGIN INSERT INTO test_dangling VALUES (42); END;`)
    await expect(s.publish.publish({ effectiveDate: '2026-01-01', outFile: out }, ADMIN)).rejects.toThrow(/FOREIGN KEY/)
    expect(s.publish.versions()).toEqual([])
    expect(readFileSync(out, 'utf8')).toBe('previous')
    expect(existsSync(join(s.dir, 'db-fails.areas.geojson'))).toBe(false)
    expect(listing(s.dir).filter((f) => f.includes('.partial') || f.includes('.previous'))).toEqual([])
  })

  it('a write that reports no progress and no error is treated as a full disk, not retried for ever', () => {
    const target = join(s.dir, 'stuck.geojson')
    const fsx: PublicationFs = { ...NODE_FS, writeSync: () => 0 }
    expect(() => stagePublication([{ path: target, data: 'x'.repeat(100) }], fsx)).toThrow(/the disk is full/)
    expect(listing(s.dir).filter((f) => f.startsWith('.stuck'))).toEqual([])
  })
})
