import * as nodeFs from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from './app-error'

/**
 * The file calls a publication makes, so a test can make one fail partway (a full disk, a
 * write that stops short) without a real full disk.
 */
export interface PublicationFs {
  openSync(path: string, flags: string): number
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  linkSync(existing: string, link: string): void
  copyFileSync(from: string, to: string): void
  unlinkSync(path: string): void
  existsSync(path: string): boolean
}

export const NODE_FS: PublicationFs = nodeFs

export interface PublicationFile {
  path: string
  /** Text is written as UTF-8. */
  data: string | Uint8Array
}

/** Files written under temporary names, complete and on disk, waiting to replace their targets together. */
export interface StagedPublication {
  /** Moves every file into place; when one cannot be, the ones already moved are put back and it throws. */
  commit(): void
  /** Puts the previous publication back (after commit) and removes every temporary file. */
  rollback(): void
  /** Removes what is left over once the outcome is settled (temporary files and the kept previous files). */
  dispose(): void
}

const tag = `${process.pid}.${Date.now().toString(36)}`
const tempName = (path: string, kind: string): string => join(dirname(path), `.${basename(path)}.${tag}.${kind}`)

function quietly(f: () => void): void {
  try {
    f()
  } catch {
    /* cleaning up after an error that is already being reported */
  }
}

/** Writes all of `bytes`, however many calls the disk wants, then forces them to disk. */
function writeWhole(fsx: PublicationFs, path: string, bytes: Uint8Array): void {
  const fd = fsx.openSync(path, 'wx')
  try {
    let done = 0
    while (done < bytes.length) {
      const n = fsx.writeSync(fd, bytes, done, bytes.length - done)
      // A write that takes nothing and reports no error would loop for ever: treat it as a full disk.
      if (!(n > 0)) throw Object.assign(new Error(`no space left: the disk took ${done} of ${bytes.length} bytes`), { code: 'ENOSPC' })
      done += n
    }
    fsx.fsyncSync(fd)
  } finally {
    fsx.closeSync(fd)
  }
}

/** A rename is on disk only once its folder is; where a folder cannot be opened (Windows), the OS does this itself. */
function syncFolder(fsx: PublicationFs, folder: string): void {
  let fd: number | null = null
  try {
    fd = fsx.openSync(folder, 'r')
    fsx.fsyncSync(fd)
  } catch {
    /* folders cannot be fsynced on every platform */
  } finally {
    if (fd !== null) quietly(() => fsx.closeSync(fd!))
  }
}

function failure(path: string, e: unknown): AppError {
  const err = e as NodeJS.ErrnoException
  const why = err?.code === 'ENOSPC' ? 'the disk is full' : (err?.message ?? String(e))
  return new AppError('write-failed', `Could not write ${path}: ${why}. Nothing was published; the previous files are as they were.`)
}

/**
 * Stage 1 of an all-or-nothing publication: every file is written in full to a temporary name
 * beside its target and synced. If any write fails, every temporary file is removed and the
 * targets are never touched. Stage 2 (`commit`) renames them into place, keeping a link to each
 * previous file so that a failure there, or in the database commit after it, can put the
 * previous publication back byte for byte.
 */
export function stagePublication(files: PublicationFile[], fsx: PublicationFs = NODE_FS): StagedPublication {
  const staged: { path: string; temp: string; prev: string | null; placed: boolean }[] = []
  try {
    for (const f of files) {
      const temp = tempName(f.path, 'partial')
      staged.push({ path: f.path, temp, prev: null, placed: false })
      try {
        writeWhole(fsx, temp, typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data)
      } catch (e) {
        throw failure(f.path, e)
      }
    }
  } catch (e) {
    for (const s of staged) quietly(() => fsx.existsSync(s.temp) && fsx.unlinkSync(s.temp))
    throw e
  }

  const putBack = (): void => {
    for (const s of [...staged].reverse()) {
      if (!s.placed) continue
      if (s.prev) quietly(() => fsx.renameSync(s.prev!, s.path))
      else quietly(() => fsx.unlinkSync(s.path))
      s.prev = null
      s.placed = false
    }
  }

  return {
    commit() {
      for (const s of staged) {
        try {
          if (fsx.existsSync(s.path)) {
            const prev = tempName(s.path, 'previous')
            // A second name for the old file; a copy where the disk has no links (FAT, some shares).
            try {
              fsx.linkSync(s.path, prev)
            } catch {
              fsx.copyFileSync(s.path, prev)
            }
            s.prev = prev
          }
          fsx.renameSync(s.temp, s.path)
          s.placed = true
        } catch (e) {
          putBack()
          throw failure(s.path, e)
        }
      }
      for (const folder of new Set(staged.map((s) => dirname(s.path)))) syncFolder(fsx, folder)
    },
    rollback() {
      putBack()
      for (const s of staged) quietly(() => fsx.existsSync(s.temp) && fsx.unlinkSync(s.temp))
    },
    dispose() {
      for (const s of staged) {
        if (!s.placed) quietly(() => fsx.existsSync(s.temp) && fsx.unlinkSync(s.temp))
        if (s.prev) quietly(() => fsx.unlinkSync(s.prev!))
      }
    },
  }
}

/**
 * Writes `files` all-or-nothing: stages them, then `place(commit)` moves them into place by
 * calling `commit` (inside a database transaction, when something must be recorded with them);
 * if `place` throws, before or after the commit, the previous files are put back.
 */
export function writeFilesTogether(files: PublicationFile[], place: (commit: () => void) => void = (commit) => commit(), fsx: PublicationFs = NODE_FS): void {
  const staged = stagePublication(files, fsx)
  try {
    place(() => staged.commit())
  } catch (e) {
    staged.rollback()
    throw e
  } finally {
    staged.dispose()
  }
}
