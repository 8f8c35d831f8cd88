import { describe, expect, it } from 'vitest'
import { openServices } from '../../helpers/services-per-test'
import { dumpTables } from '../../helpers/table-dump'

describe('plan settings', () => {
  it('prints the department contact Administration sets on the lookup answer and the published file', async () => {
    const { s, dispatch } = openServices()
    const department = { name: 'Springfield Police Department', address: '1 Main St', nonEmergencyPhone: '555-0100', emergency: '9-1-1' }
    expect(await dispatch('settings:set', { department })).toMatchObject({ ok: true, value: { settings: { department } } })
    const n = s.plans.load().neighborhoods[0]
    const [lon, lat] = (n.geometry.type === 'Polygon' ? n.geometry.coordinates[0] : n.geometry.coordinates[0][0])
      .slice(0, 3)
      .reduce((acc, p) => [acc[0] + p[0] / 3, acc[1] + p[1] / 3], [0, 0])
    expect(s.lookup.lookup(lon, lat)?.department.name).toBe('Springfield Police Department')
  })

  it('new tolerances change the plan check at once', async () => {
    const { s, dispatch } = openServices()
    expect(s.validation.report().summary.errors).toBe(0)
    // With unassigned neighborhoods as errors, a neighborhood left without officers blocks publishing.
    const plan = s.plans.load()
    const n = plan.neighborhoods[0]
    const ops = plan.officers.filter((o) => o.neighborhoodId === n.id).map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, neighborhoodId: null } }))
    s.changes.apply({ label: 'Unassign', ops }, s.session.actor())
    expect(s.validation.report().summary.errors).toBe(0)
    const strict = { tolerances: { sliverWidthM: 5, sliverAreaM2: 100, unassignedIsError: true } }
    const r = await dispatch('settings:set', strict)
    // The save answers like every write: the window takes its findings and settings without asking again.
    expect(r).toMatchObject({ ok: true, value: { write: { changeSet: { label: 'Settings: plan-check tolerances', ops: [] }, findings: { summary: { errors: 1 } }, settings: strict } } })
    expect(s.repos.audit.history(1)[0]).toMatchObject({ action: 'settings', label: 'Settings: plan-check tolerances', profile: 'admin' })
    expect(s.validation.report().summary.errors).toBe(1)
    // Saving the form unchanged stores nothing: no audit row.
    const head = s.repos.audit.history(1)[0].seq
    expect(await dispatch('settings:set', strict)).toMatchObject({ ok: true, value: { write: null } })
    expect(s.repos.audit.history(1)[0].seq).toBe(head)
  })

  it('refuses a commander and bad values, changing nothing', async () => {
    const { s, dispatch } = openServices()
    const before = dumpTables(s.config.db)
    expect(await dispatch('settings:set', { department: { name: '', address: '', nonEmergencyPhone: '', emergency: '' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await dispatch('settings:set', { tolerances: { sliverWidthM: -1, sliverAreaM2: 100, unassignedIsError: false } })).toMatchObject({ ok: false })
    expect(dumpTables(s.config.db)).toEqual(before)
    await dispatch('session:setProfile', { role: 'commander', areaId: 'NE' })
    const r = await dispatch('settings:set', { tolerances: { sliverWidthM: 50, sliverAreaM2: 100, unassignedIsError: false } })
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(s.settings.get().tolerances.sliverWidthM).toBe(5)
  })
})
