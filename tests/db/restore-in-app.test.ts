import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'
import { pendingRestoreFile } from '../../src/main/services/pending-restore'
import { openPlanForApp } from '../../src/main/startup'
import { SAMPLE_DIR } from '../helpers/services'
import { openServices } from '../helpers/services-per-test'
import { dumpTables } from '../helpers/table-dump'

describe('restoring a backup from the app', () => {
  it('schedules the chosen backup, restarts, and opens the plan as it was when backed up', async () => {
    const { s, dispatch } = openServices()
    let restarts = 0
    s.config.requestRestart = () => restarts++
    const n = s.plans.load().neighborhoods[0]
    const backup = (await dispatch('backup:create', undefined)) as { ok: true; value: { file: string } }
    expect(backup.ok).toBe(true)
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed after the backup' } }] }, s.session.actor())

    const r = await dispatch('backup:restore', { file: backup.value.file })
    expect(r).toMatchObject({ ok: true, value: { restartRequired: true } })
    expect(restarts).toBe(1)
    const listed = (await dispatch('backup:list', undefined)) as { ok: true; value: { pendingRestore: string | null } }
    expect(listed.value.pendingRestore).toBe(backup.value.file)

    // The app restarts: the connection closes, the next start restores before opening.
    s.config.db.close()
    const again = await openPlanForApp({ dbPath: s.config.dbPath, askRecovery: async () => expect.unreachable() })
    const restored = createServices({ db: again!.db, dbPath: s.config.dbPath, userDataPath: s.dir, sampleDir: SAMPLE_DIR, osUser: 'tester', appVersion: 'test' })
    expect(restored.repos.neighborhoods.get(n.id)!.name).toBe(n.name)
    expect(existsSync(pendingRestoreFile(s.config.dbPath))).toBe(false)
    again!.db.close()
  })

  it('refuses a path that is not one of the listed backups, and a commander, storing nothing', async () => {
    const { s, dispatch } = openServices()
    // The profile switch below writes a setting; everything else must stay as it was.
    const before = dumpTables(s.config.db, { exclude: ['settings'] })
    expect(await dispatch('backup:restore', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'backup-missing' } })
    const b = (await dispatch('backup:create', undefined)) as { ok: true; value: { file: string } }
    await dispatch('session:setProfile', { role: 'commander', areaId: 'NE' })
    expect(await dispatch('backup:restore', { file: b.value.file })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(existsSync(pendingRestoreFile(s.config.dbPath))).toBe(false)
    expect(dumpTables(s.config.db, { exclude: ['settings'] })).toEqual(before)
  })
})
