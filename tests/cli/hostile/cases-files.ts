import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import type { HostileCase, HostileContext } from './hostile-case'

/**
 * Files that are not what the command expects: outputs that are the plan or something it
 * depends on, databases that are not plans, plans cut short or read-only, FIFOs and devices
 * (issue 17, items 1 to 7). A full disk cannot be made from here without mounting a file
 * system; tests/unit/publish-service/publish-all-or-nothing.test.ts makes the write fail partway.
 */

const PREVIOUS = '{"previous": "publication"}\n'

function mkfifo(path: string): string {
  execFileSync('mkfifo', [path])
  return path
}

/** Another program's SQLite database, as a GIS user might have lying beside the plan. */
function foreignDatabase(ctx: HostileContext): string {
  const file = join(ctx.dir, 'other.sqlite')
  const db = new Database(file)
  db.exec("CREATE TABLE parcels (pin TEXT PRIMARY KEY, owner TEXT); INSERT INTO parcels VALUES ('0412', 'A. Owner'); PRAGMA user_version = 7")
  db.close()
  return file
}

/** A copy of the plan cut `bytes` short: inside its last page unless `bytes` is a whole page. */
function cutPlan(ctx: HostileContext, bytes: number, withBackup = false): string {
  const file = join(ctx.dir, 'cut.sqlite')
  copyFileSync(ctx.db, file)
  truncateSync(file, statSync(file).size - bytes)
  if (withBackup) {
    mkdirSync(join(ctx.dir, 'backups'))
    copyFileSync(ctx.db, join(ctx.dir, 'backups', 'cut-2026-11-30T08-00-00-000Z-manual.sqlite'))
  }
  return file
}

const noSideFiles = (file: string) => () => {
  for (const side of ['-wal', '-shm', '-journal']) expect(existsSync(file + side), `${file}${side} must not be created`).toBe(false)
}
const noBackups = (ctx: HostileContext) => expect(existsSync(join(ctx.dir, 'backups')), 'no backup may be taken').toBe(false)
const nothingPublished = (ctx: HostileContext) => {
  const db = new Database(readFileSync(ctx.db).fill(1, 18, 20))
  expect(db.prepare('SELECT count(*) AS n FROM published_versions').get()).toEqual({ n: 0 })
  db.close()
}
const exportTo = (ctx: HostileContext, out: string) => ['export', '--db', ctx.db, '--out', out, '--force']
const layer = (ctx: HostileContext) => {
  const f = join(ctx.dir, 'districts.geojson')
  const ring = [[-121.9, 37.5], [-121.89, 37.5], [-121.89, 37.51], [-121.9, 37.51], [-121.9, 37.5]]
  writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { D: 'Z9' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }))
  return f
}
const importInto = (ctx: HostileContext, db: string) => ['import', '--db', db, '--layer', 'areas', '--file', layer(ctx), '--id-field', 'D', '--mode', 'add']

/** A copy of the plan in a folder marked read-only, as on a shared drive; returns the plan's path. */
function readOnlyFolderPlan(ctx: HostileContext): string {
  const ro = join(ctx.dir, 'shared-drive')
  mkdirSync(ro)
  copyFileSync(ctx.db, join(ro, 'plan.sqlite'))
  chmodSync(ro, 0o555)
  return join(ro, 'plan.sqlite')
}

/** Nothing was created beside the plan in the read-only folder; then the folder is made writable again for cleanup. */
function readOnlyFolderUntouched(ctx: HostileContext): void {
  const ro = join(ctx.dir, 'shared-drive')
  expect(readdirSync(ro)).toEqual(['plan.sqlite'])
  chmodSync(ro, 0o755)
}

export const CASES: HostileCase[] = [
  // 17.1: an output path that is the plan or something it depends on
  {
    name: 'export onto the plan file itself',
    item: '17.1',
    build: (ctx) => exportTo(ctx, ctx.db),
    exit: 2,
    message: /Cannot publish to .*plan\.sqlite: it is the plan database .* Nothing was published/,
    unchanged: ['plan.sqlite'],
    after: (ctx) => (noBackups(ctx), nothingPublished(ctx)),
  },
  {
    name: "export onto the plan's -wal file",
    item: '17.1',
    build: (ctx) => exportTo(ctx, `${ctx.db}-wal`),
    exit: 2,
    message: 'it is the plan database',
    after: (ctx) => expect(existsSync(`${ctx.db}-wal`)).toBe(false),
  },
  {
    name: 'export through a symlink that points at the plan',
    item: '17.1',
    build: (ctx) => {
      symlinkSync(ctx.db, join(ctx.dir, 'public.geojson'))
      return exportTo(ctx, join(ctx.dir, 'public.geojson'))
    },
    exit: 2,
    message: 'it is the plan database',
    unchanged: ['plan.sqlite'],
  },
  {
    name: "export into the plan's backups folder",
    item: '17.1',
    build: (ctx) => exportTo(ctx, join(ctx.dir, 'backups', 'plan-2026-11-30T08-00-00-000Z-manual.sqlite')),
    exit: 2,
    message: "it is in the plan's backups folder",
    after: nothingPublished,
  },
  {
    name: "export onto the plan's scheduled-restore marker",
    item: '17.1',
    build: (ctx) => exportTo(ctx, `${ctx.db}.restore-pending.json`),
    exit: 2,
    message: 'it is the plan database',
  },
  // 17.3: a publication that cannot be completed changes no file
  {
    name: 'export where a folder has the areas file name: the neighborhoods file already there keeps its bytes',
    item: '17.3',
    build: (ctx) => {
      writeFileSync(join(ctx.dir, 'public.geojson'), PREVIOUS)
      mkdirSync(join(ctx.dir, 'public.areas.geojson'))
      return exportTo(ctx, join(ctx.dir, 'public.geojson'))
    },
    exit: 2,
    message: /public\.areas\.geojson: it is a folder, not a file\. Nothing was published/,
    unchanged: ['public.geojson'],
    after: (ctx) => (nothingPublished(ctx), expect(readdirSync(ctx.dir).filter((f) => f.startsWith('.'))).toEqual([])),
  },
  {
    // Through a link in the case's own folder: code that wrongly renames over the target then
    // replaces only the link, never the machine's /dev/null (which an early version of this row did).
    name: 'export onto a device',
    item: '17.3',
    build: (ctx) => {
      symlinkSync('/dev/null', join(ctx.dir, 'null.geojson'))
      return exportTo(ctx, join(ctx.dir, 'null.geojson'))
    },
    exit: 2,
    message: /Cannot publish to .*null\.geojson: it is a device, not a file/,
    after: (ctx) => (nothingPublished(ctx), expect(lstatSync(join(ctx.dir, 'null.geojson')).isSymbolicLink()).toBe(true)),
  },
  {
    name: 'export onto a named pipe',
    item: '17.3',
    spawn: true,
    build: (ctx) => exportTo(ctx, mkfifo(join(ctx.dir, 'out.geojson'))),
    exit: 2,
    message: 'it is a named pipe (FIFO), not a file',
    after: nothingPublished,
  },
  // 17.4: only init creates a plan
  ...(['validate', 'lookup', 'import'] as const).map(
    (cmd): HostileCase => ({
      name: `${cmd} on another program's SQLite database adds no table, no WAL and no backup`,
      item: '17.4',
      build: (ctx) => {
        const other = foreignDatabase(ctx)
        if (cmd === 'lookup') return ['lookup', '--db', other, '--lon', '-121.76', '--lat', '37.68']
        if (cmd === 'import') return importInto(ctx, other)
        return ['validate', '--db', other]
      },
      exit: 2,
      message: /other\.sqlite is an SQLite database of another program, not an Area Command Planner plan \(application id 0, tables parcels\); nothing was changed/,
      unchanged: ['other.sqlite'],
      after: (ctx) => (noSideFiles(join(ctx.dir, 'other.sqlite'))(), noBackups(ctx)),
    }),
  ),
  {
    name: "export on another program's SQLite database",
    item: '17.4',
    build: (ctx) => ['export', '--db', foreignDatabase(ctx), '--out', join(ctx.dir, 'out.geojson'), '--force'],
    exit: 2,
    message: 'is an SQLite database of another program',
    unchanged: ['other.sqlite'],
    after: (ctx) => (noSideFiles(join(ctx.dir, 'other.sqlite'))(), noBackups(ctx), expect(existsSync(join(ctx.dir, 'out.geojson'))).toBe(false)),
  },
  {
    name: 'validate on an empty file',
    item: '17.4',
    build: (ctx) => (writeFileSync(join(ctx.dir, 'empty.sqlite'), ''), ['validate', '--db', join(ctx.dir, 'empty.sqlite')]),
    exit: 2,
    message: 'empty.sqlite is an empty file, not a plan database; nothing was changed',
    after: (ctx) => expect(statSync(join(ctx.dir, 'empty.sqlite')).size).toBe(0),
  },
  // 17.5: a plan cut short is refused before anything is written or backed up
  {
    name: 'import into a plan cut short inside its last page: refused before the pre-import backup',
    item: '17.5',
    build: (ctx) => importInto(ctx, cutPlan(ctx, 100)),
    exit: 2,
    message: /cut\.sqlite is damaged \(the file is [\d,]+ bytes, not a whole number of 4096-byte pages: it was cut short or padded\); nothing was changed/,
    unchanged: ['cut.sqlite'],
    after: noBackups,
  },
  {
    name: 'validate a plan missing its last whole page, naming the backup to restore',
    item: '17.5',
    build: (ctx) => ['validate', '--db', cutPlan(ctx, 4096, true)],
    exit: 2,
    message: /cut\.sqlite is damaged \(the file holds [\d,]+ of its [\d,]+ pages: it was cut short\); nothing was changed\. The latest backup is .*cut-2026-11-30T08-00-00-000Z-manual\.sqlite .*restore it with: npm run cli -- restore --db/,
    unchanged: ['cut.sqlite'],
  },
  {
    name: 'restore from a backup cut short',
    item: '17.5',
    build: (ctx) => ['restore', '--db', ctx.db, '--from', cutPlan(ctx, 100)],
    exit: 2,
    message: /The backup .*cut\.sqlite is damaged \(the file is [\d,]+ bytes/,
    unchanged: ['plan.sqlite', 'cut.sqlite'],
    after: (ctx) => expect(readdirSync(ctx.dir).filter((f) => f.includes('restoring') || f.includes('before-restore'))).toEqual([]),
  },
  // 17.6: read-only plans are read without a trace, and writes say why they cannot be done
  {
    name: 'validate a plan marked read-only: it is read, and no -wal or -shm is left behind',
    item: '17.6',
    build: (ctx) => (chmodSync(ctx.db, 0o444), ['validate', '--db', ctx.db]),
    exit: 0,
    message: 'Summary: no findings; nothing blocks publishing.',
    unchanged: ['plan.sqlite'],
    after: (ctx) => (noSideFiles(ctx.db)(), chmodSync(ctx.db, 0o644)),
  },
  {
    name: 'import into a plan marked read-only says why it cannot, and a later import works',
    item: '17.6',
    build: (ctx) => (chmodSync(ctx.db, 0o444), importInto(ctx, ctx.db)),
    exit: 2,
    message: /Cannot import into it: .*plan\.sqlite is marked read-only\. Nothing was changed; make it writable/,
    unchanged: ['plan.sqlite'],
    after: async (ctx) => {
      noSideFiles(ctx.db)()
      noBackups(ctx)
      chmodSync(ctx.db, 0o644)
      const { inProcess } = await import('../spawn-cli')
      const again = await inProcess(...importInto(ctx, ctx.db))
      expect(again.code, again.err).toBe(0)
    },
  },
  {
    name: 'lookup in a plan whose folder is read-only',
    item: '17.6',
    build: (ctx) => {
      return ['lookup', '--db', readOnlyFolderPlan(ctx), '--lon', '-121.76', '--lat', '37.68']
    },
    exit: 0,
    message: /Neighborhood: /,
    after: (ctx) => {
      readOnlyFolderUntouched(ctx)
    },
  },
  {
    name: 'export from a plan whose folder is read-only says the folder is why',
    item: '17.6',
    build: (ctx) => {
      return ['export', '--db', readOnlyFolderPlan(ctx), '--out', join(ctx.dir, 'out.geojson')]
    },
    exit: 2,
    message: /Cannot publish a version of it: its folder .*shared-drive is read-only/,
    after: (ctx) => {
      readOnlyFolderUntouched(ctx)
      expect(existsSync(join(ctx.dir, 'out.geojson'))).toBe(false)
    },
  },
  // 17.7: FIFOs are refused before they are opened (reading one blocks for ever)
  {
    name: 'validate on a named pipe',
    item: '17.7',
    spawn: true,
    build: (ctx) => ['validate', '--db', mkfifo(join(ctx.dir, 'plan.fifo'))],
    exit: 2,
    message: 'plan.fifo is a named pipe (FIFO), not a plan database file',
  },
  {
    name: 'restore from a named pipe',
    item: '17.7',
    spawn: true,
    build: (ctx) => ['restore', '--db', ctx.db, '--from', mkfifo(join(ctx.dir, 'backup.fifo'))],
    exit: 2,
    message: 'backup.fifo is a named pipe (FIFO), not a backup file; nothing was changed',
    unchanged: ['plan.sqlite'],
  },
  {
    name: 'restore onto a named pipe',
    item: '17.7',
    spawn: true,
    build: (ctx) => ['restore', '--db', mkfifo(join(ctx.dir, 'target.fifo')), '--from', ctx.db],
    exit: 2,
    message: 'target.fifo is a named pipe (FIFO), not a plan database file; nothing was changed',
  },
]
