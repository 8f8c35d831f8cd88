import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { migrate, SCHEMA_VERSION, SchemaTooNewError } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { AppError } from '../../src/main/services/app-error'
import type { ChangeSet, Neighborhood } from '../../src/shared/domain'
import { makeServices } from '../helpers/services'
import { dumpTables } from '../helpers/table-dump'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services(opts: Parameters<typeof makeServices>[0] = {}) {
  const s = makeServices(opts)
  opened.push(s)
  return s
}

function schemaOf(db: ReturnType<typeof openDatabase>): string[] {
  return (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { sql: string | null }[]).map((r) => r.sql ?? '')
}

describe('the plan database', () => {
  it('migrates an empty file to the current schema with every table the app uses', () => {
    const s = services({ seed: false })
    expect(s.config.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const tables = (s.config.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name)
    for (const t of ['city', 'areas', 'neighborhoods', 'officers', 'officer_private', 'adoptions', 'settings', 'audit_log']) expect(tables).toContain(t)
    expect(s.config.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(s.config.db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('gives the same schema whether migrated in one go or one migration at a time', () => {
    const a = services({ seed: false })
    const b = services({ seed: false })
    const stepwise = openDatabase(join(b.dir, 'stepwise.sqlite'))
    for (let i = 1; i <= MIGRATIONS.length; i++) migrate(stepwise, MIGRATIONS.slice(0, i))
    expect(schemaOf(stepwise)).toEqual(schemaOf(a.config.db))
    stepwise.close()
  })

  it('keeps the plan after closing and reopening the file', () => {
    const s = services()
    const before = s.plans.load()
    s.config.db.close()
    const again = services({ dbPath: s.config.dbPath, seed: false })
    expect(again.plans.load()).toEqual(before)
    expect(before.neighborhoods.length).toBeGreaterThan(10)
  })

  it('refuses a database written by a newer version of the app, naming both versions', () => {
    const s = services({ seed: false })
    s.config.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    try {
      migrate(s.config.db)
      expect.unreachable('a newer database must be refused')
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaTooNewError)
      expect((e as Error).message).toContain(`schema ${SCHEMA_VERSION + 5}`)
      expect((e as Error).message).toContain(`schema ${SCHEMA_VERSION}`)
    }
  })

  it('leaves every table exactly as before when a change set fails halfway', () => {
    const s = services()
    const plan = s.plans.load()
    const [a, b] = plan.neighborhoods
    const renamed: Neighborhood = { ...a, name: `${a.name} (renamed)` }
    // The second op claims a stale "before", so the transaction must fail after the first op was written.
    const cs: ChangeSet = {
      label: 'Rename two neighborhoods',
      ops: [
        { entity: 'neighborhood', id: a.id, before: a, after: renamed },
        { entity: 'neighborhood', id: b.id, before: { ...b, name: 'Not what is stored' }, after: { ...b, name: 'Other' } },
      ],
    }
    const before = dumpTables(s.config.db)
    expect(() => s.changes.apply(cs, s.session.actor())).toThrowError(/changed by someone else/)
    expect(dumpTables(s.config.db)).toEqual(before)
  })

  it('refuses a change that would leave an officer adopting a removed neighborhood, storing nothing', () => {
    const s = services()
    const plan = s.plans.load()
    const adopted = plan.neighborhoods.find((n) => plan.officers.some((o) => o.neighborhoodId === n.id))!
    const before = dumpTables(s.config.db)
    try {
      s.changes.apply({ label: `Delete ${adopted.name}`, ops: [{ entity: 'neighborhood', id: adopted.id, before: adopted, after: null }] }, s.session.actor())
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).message).toMatch(/officer would adopt a neighborhood that does not exist/)
    }
    expect(dumpTables(s.config.db)).toEqual(before)
  })

  it('records who changed what, and the inverse that undoes it, for every applied change set', () => {
    const s = services({ osUser: 'lt.nguyen' })
    s.session.setProfile({ role: 'commander', areaId: 'NE' })
    const n = s.plans.load().neighborhoods.find((x) => x.areaId === 'NE')!
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'New name' } }] }, s.session.actor())
    const [entry] = s.repos.audit.recent(1)
    expect(entry).toMatchObject({ osUser: 'lt.nguyen', profile: 'commander:NE', action: 'edit', label: 'Rename', state: 'done' })
    expect(entry.inverse.ops[0]).toMatchObject({ before: { name: 'New name' }, after: { name: n.name } })
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000)
  })

  it('undoes and redoes across a restart of the app', () => {
    const s = services()
    const start = s.plans.load()
    const n = start.neighborhoods[0]
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed' } }] }, s.session.actor())
    s.config.db.close()
    const again = services({ dbPath: s.config.dbPath, seed: false })
    expect(again.changes.canUndo(again.session.actor())).toBe(true)
    again.changes.undo(again.session.actor())
    expect(again.plans.load()).toEqual(start)
    again.changes.redo(again.session.actor())
    expect(again.repos.neighborhoods.get(n.id)!.name).toBe('Renamed')
  })

  it('writes the database where it was asked to', () => {
    const s = services()
    expect(existsSync(s.config.dbPath)).toBe(true)
  })
})
