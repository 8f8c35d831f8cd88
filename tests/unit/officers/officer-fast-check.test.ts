import { describe, expect, it } from 'vitest'
import { surelyValidOfficer } from '../../../src/main/roster/officer-fast-check'
import type { Officer } from '../../../src/shared/domain'
import { officerSchema } from '../../../src/shared/ipc/entity-schemas'

/** The roster's quick officer check never passes what the entity schema refuses, and passes ordinary officers. */
const base: Officer = {
  id: 'off-N-100', displayName: 'Alma Reyes', rank: 'Officer', email: 'a.reyes@pd.example.gov', deskPhone: '555-0100', shift: 'Day',
  status: 'active', areaId: 'NE', neighborhoodId: 'nb-1',
  private: { employeeId: 'N-100', badge: '900', personalPhone: '', personalEmail: '', homeAddress: '12 Elm St\nApt 3', notes: 'Spanish; K9' },
}

const TEXTS = ['', ' ', '  x  ', 'x', 'Ñandú', '\u0007bell', 'a\nb', 'a\tb', '\u202Eevil', '\u2028', '\uD800', 'ok\uD83D\uDE00', "'=1+1"]
const LENGTHS = [59, 60, 61, 99, 100, 101, 119, 120, 121, 199, 200, 201, 299, 300, 301, 3999, 4000, 4001]

function variants(): Officer[] {
  const out: Officer[] = [base]
  const values: unknown[] = [...TEXTS, ...LENGTHS.map((n) => 'x'.repeat(n)), ...LENGTHS.map((n) => ` ${'y'.repeat(n)} `), null, undefined, 7, {}]
  for (const key of ['id', 'displayName', 'rank', 'email', 'deskPhone', 'shift', 'status', 'areaId', 'neighborhoodId'] as const) {
    for (const v of [...values, 'leave', 'vacant', 'Active']) out.push({ ...base, [key]: v } as unknown as Officer)
  }
  for (const key of ['employeeId', 'badge', 'personalPhone', 'personalEmail', 'homeAddress', 'notes'] as const) {
    for (const v of values) out.push({ ...base, private: { ...base.private, [key]: v } } as unknown as Officer)
  }
  out.push({ ...base, extra: 1 } as unknown as Officer)
  out.push({ ...base, private: { ...base.private, extra: 1 } } as unknown as Officer)
  const { shift: _shift, ...noShift } = base
  out.push({ ...noShift, rankTwo: 'x' } as unknown as Officer)
  const { notes: _notes, ...noNotes } = base.private
  out.push({ ...base, private: { ...noNotes, other: '' } } as unknown as Officer)
  out.push({ ...base, private: null } as unknown as Officer, { ...base, private: [] } as unknown as Officer)
  return out
}

describe('the quick officer check of a roster import', () => {
  it('passes only officers the entity schema accepts', () => {
    const all = variants()
    let passed = 0
    for (const o of all) {
      if (!surelyValidOfficer(o)) continue
      passed++
      expect(officerSchema.safeParse(o).success, JSON.stringify(o)).toBe(true)
    }
    // It is a fast path, not a refusal: most of what the schema accepts it passes too.
    const accepted = all.filter((o) => officerSchema.safeParse(o).success).length
    expect(passed).toBeGreaterThan(accepted * 0.9)
  })

  it('passes an ordinary roster row', () => {
    expect(surelyValidOfficer(base)).toBe(true)
    expect(surelyValidOfficer({ ...base, areaId: null, neighborhoodId: null, private: { ...base.private, homeAddress: '' } })).toBe(true)
  })
})
