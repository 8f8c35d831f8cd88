import { afterEach, describe, expect, it } from 'vitest'
import type { Officer } from '../../../src/shared/domain'
import { makeServices } from '../../helpers/services'

/** The import reuses its preview's check of the same file; anything that changed in between is seen. */
type S = ReturnType<typeof makeServices>
let s: S | null = null
afterEach(() => {
  s?.cleanup()
  s = null
})

const TEXT = ['Name,Employee ID,Shift', 'Alma Reyes,N-100,Day', 'Ben Ortiz,N-101,Night'].join('\n')

describe('import after preview', () => {
  it('imports what the preview showed', () => {
    s = makeServices()
    const p = s.officers.preview(TEXT)
    expect(p).toMatchObject({ adds: 2, updates: 0 })
    const r = s.officers.import(TEXT, p.mapping, false, s.session.actor())
    expect(r).toMatchObject({ added: 2, updated: 0 })
    expect(s.repos.officers.get('off-N-100')).toMatchObject({ displayName: 'Alma Reyes', shift: 'Day' })
  })

  it('sees an officer stored between preview and import: the row updates that officer instead of failing as stale', () => {
    s = makeServices()
    const p = s.officers.preview(TEXT)
    expect(p.adds).toBe(2)
    const template = s.plans.load().officers[0]
    const mine: Officer = { ...template, id: 'off-N-100', displayName: 'A. Reyes', shift: 'Swing', areaId: null, neighborhoodId: null, private: { ...template.private, employeeId: 'N-100' } }
    s.changes.apply({ label: 'Add A. Reyes', ops: [{ entity: 'officer', id: mine.id, before: null, after: mine }] }, s.session.actor())
    const r = s.officers.import(TEXT, p.mapping, false, s.session.actor())
    expect(r).toMatchObject({ added: 1, updated: 1 })
    expect(s.repos.officers.get('off-N-100')).toMatchObject({ displayName: 'Alma Reyes', shift: 'Day' })
  })

  it('uses the mapping the import is given when it differs from the preview', () => {
    s = makeServices()
    const p = s.officers.preview(TEXT)
    const r = s.officers.import(TEXT, { ...p.mapping, shift: '' }, false, s.session.actor())
    expect(r.added).toBe(2)
    expect(s.repos.officers.get('off-N-101')!.shift).toBe('')
  })

  it('checks a different file again, and a second import of the same file finds nothing left to add', () => {
    s = makeServices()
    const p = s.officers.preview(TEXT)
    const other = TEXT.replace('Ben Ortiz', 'Benito Ortiz')
    expect(s.officers.import(other, p.mapping, false, s.session.actor())).toMatchObject({ added: 2 })
    expect(s.repos.officers.get('off-N-101')!.displayName).toBe('Benito Ortiz')
    expect(s.officers.import(other, p.mapping, false, s.session.actor())).toMatchObject({ added: 0, unchanged: 2, applied: null })
  })
})
