import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DEPARTMENT } from '../../../src/shared/publish/public-dataset'
import { AppError } from '../../../src/main/services/app-error'
import { openServices } from '../../helpers/services-per-test'
import { ADMIN, makeBlocking } from '../publish-service/helpers'

const SPRINGFIELD = { name: 'Springfield Police Department', address: '', nonEmergencyPhone: '555-0100', emergency: '9-1-1' }

describe("a plan's department", () => {
  it('is empty in a new plan, and the sample city brings its own', () => {
    const empty = openServices({ seed: false }).s
    expect(empty.settings.get().department).toEqual({ name: '', address: '', nonEmergencyPhone: '', emergency: '9-1-1' })
    const sample = openServices().s
    expect(sample.settings.get().department).toEqual(SAMPLE_DEPARTMENT)
  })

  it('keeps the sample its own department when it was seeded before the seed stored it', () => {
    const { s } = openServices()
    s.config.db.prepare("DELETE FROM settings WHERE key = 'department'").run()
    expect(s.settings.get().department).toEqual(SAMPLE_DEPARTMENT)
  })

  it('is not overwritten by seeding the sample into a plan whose department was set', () => {
    const { s } = openServices({ seed: false })
    s.settings.set({ department: SPRINGFIELD })
    s.seed.seed(ADMIN)
    expect(s.settings.get().department).toEqual(SPRINGFIELD)
  })

  it('must have a name and a phone before anything is published, even with an override reason over blocking findings', async () => {
    const { s } = openServices()
    makeBlocking(s)
    s.settings.set({ department: { ...SAMPLE_DEPARTMENT, name: ' ', nonEmergencyPhone: '' } })
    const out = join(s.dir, 'site')
    const tried = s.publish.publish({ effectiveDate: '2025-07-01', outDir: out, publicPage: true, overrideReason: 'election week' }, ADMIN)
    await expect(tried).rejects.toThrow(AppError)
    await expect(tried).rejects.toMatchObject({
      code: 'department-missing',
      message: "Nothing can be published until Administration sets the department's name and the department's non-emergency phone under Settings: the public map gives them to residents.",
    })
    expect(s.publish.versions()).toEqual([])
    expect(existsSync(out)).toBe(false)
    expect(existsSync(join(s.dir, 'backups')) ? readdirSync(join(s.dir, 'backups')) : []).toEqual([])
    // The Publish dialog reads the same refusal before anyone presses Publish.
    expect(s.publish.status(ADMIN).whyNot).toMatch(/department's name and the department's non-emergency phone/)

    s.settings.set({ department: { ...SAMPLE_DEPARTMENT, nonEmergencyPhone: '' } })
    await expect(s.publish.publish({ effectiveDate: '2025-07-01', overrideReason: 'x' }, ADMIN)).rejects.toThrow(/sets the department's non-emergency phone under/)

    s.settings.set({ department: SPRINGFIELD })
    expect(s.publish.status(ADMIN).whyNot).toBeNull()
    const r = await s.publish.publish({ effectiveDate: '2025-07-01', outDir: out, overrideReason: 'election week' }, ADMIN)
    expect(r.version.number).toBe(1)
    // No street address is needed: the name and phone are what residents use.
    expect(JSON.parse(s.publish.files(1).neighborhoods.toString('utf8')).features[0].properties.department).toEqual({ name: SPRINGFIELD.name, nonEmergencyPhone: '555-0100', emergency: '9-1-1' })
  })
})

describe('units', () => {
  it('follow the system locale until set, and the stored setting after', async () => {
    expect(openServices({ locale: 'en-US' }).s.settings.get()).toMatchObject({ units: 'us', unitsFromLocale: true })
    expect(openServices({ locale: 'es-US' }).s.settings.get()).toMatchObject({ units: 'us', unitsFromLocale: true })
    const { s, dispatch } = openServices({ locale: 'de-DE' })
    expect(s.settings.get()).toMatchObject({ units: 'metric', unitsFromLocale: true })
    const before = s.settings.get().tolerances
    expect(await dispatch('settings:set', { units: 'us' })).toMatchObject({ ok: true, value: { settings: { units: 'us', unitsFromLocale: false } } })
    // Units change what is shown, never the stored tolerances.
    expect(s.settings.get().tolerances).toEqual(before)
    expect(await dispatch('settings:set', { units: 'imperial' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('units must be one of us, metric') } })
    expect(s.settings.get().units).toBe('us')
  })
})
