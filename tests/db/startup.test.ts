import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'
import { openPlanForApp, type RecoveryChoice } from '../../src/main/startup'
import { makeServices, SAMPLE_DIR } from '../helpers/services'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))

/** A plan with a backup, then its file damaged the way a failing disk does: bytes overwritten. */
async function damagedPlanWithBackup() {
  const s = makeServices()
  opened.push(s)
  const neighborhoods = s.plans.load().neighborhoods.length
  await s.backups.backup('manual')
  s.config.db.close()
  const fd = openSync(s.config.dbPath, 'r+')
  const size = statSync(s.config.dbPath).size
  for (let off = 4096; off < size; off += 8192) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, off)
  writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0)
  closeSync(fd)
  return { s, neighborhoods }
}

function servicesOn(db: import('../../src/main/db/connection').Db, dbPath: string, dir: string) {
  return createServices({ db, dbPath, userDataPath: dir, sampleDir: SAMPLE_DIR, osUser: 'tester', appVersion: 'test' })
}

describe('opening the plan at start', () => {
  it('detects a damaged file, offers the latest backup, and restores it when chosen', async () => {
    const { s, neighborhoods } = await damagedPlanWithBackup()
    const asked: string[] = []
    const result = await openPlanForApp({
      dbPath: s.config.dbPath,
      askRecovery: async (report) => {
        asked.push(report.message)
        expect(report.latestBackup).not.toBeNull()
        return 'restore-latest' as RecoveryChoice
      },
    })
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/is damaged/)
    expect(asked[0]).toMatch(/latest backup/)
    const again = servicesOn(result!.db, s.config.dbPath, s.dir)
    expect(again.plans.load().neighborhoods).toHaveLength(neighborhoods)
    expect(result!.recovered?.movedTo).toMatch(/\.damaged-/)
    result!.db.close()
  })

  it('starts with an empty plan when the user prefers, keeping the damaged file aside', async () => {
    const { s } = await damagedPlanWithBackup()
    const result = await openPlanForApp({ dbPath: s.config.dbPath, askRecovery: async () => 'start-empty' })
    const again = servicesOn(result!.db, s.config.dbPath, s.dir)
    expect(again.plans.isEmpty()).toBe(true)
    expect(statSync(result!.recovered!.movedTo).size).toBeGreaterThan(0)
    result!.db.close()
  })

  it('opens a healthy plan without asking anything', async () => {
    const s = makeServices()
    opened.push(s)
    s.config.db.close()
    const result = await openPlanForApp({ dbPath: s.config.dbPath, askRecovery: async () => expect.unreachable('a healthy file needs no recovery') })
    expect(result!.recovered).toBeUndefined()
    result!.db.close()
  })
})
