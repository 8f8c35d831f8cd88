import { describe, expect, it } from 'vitest'
import type { Officer } from '../../../src/shared/domain'
import { rosterShifts, shiftCover, uncoveredShifts } from '../../../src/shared/domain/shift-cover'

const o = (id: string, shift: string, status: Officer['status'] = 'active'): Officer => ({
  id, displayName: id, rank: 'Officer', email: '', deskPhone: '', shift, status, areaId: 'NE', neighborhoodId: 'n',
  private: { employeeId: '', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
})

describe("a neighborhood's officers by shift", () => {
  it('orders the roster shifts as a day runs, then other names; vacant posts and blanks add none', () => {
    expect(rosterShifts([o('a', 'Night'), o('b', 'Day'), o('c', 'Relief'), o('d', 'Swing'), o('e', ''), o('f', 'Graveyard', 'vacant')])).toEqual(['Day', 'Swing', 'Night', 'Relief'])
  })

  it('lists every roster shift, and one worked only by an officer on leave is not covered', () => {
    const shifts = ['Day', 'Swing', 'Night']
    const cover = shiftCover([o('n1', 'Night'), o('s1', 'Swing', 'leave'), o('d1', 'Day'), o('d2', 'Day', 'leave')], shifts)
    expect(cover.map((c) => [c.shift, c.officers.map((x) => x.id), c.covered])).toEqual([
      ['Day', ['d1', 'd2'], true],
      ['Swing', ['s1'], false],
      ['Night', ['n1'], true],
    ])
    expect(uncoveredShifts([o('n1', 'Night'), o('s1', 'Swing', 'leave')], shifts)).toEqual(['Day', 'Swing'])
    expect(uncoveredShifts([], shifts)).toEqual(shifts)
  })

  it('keeps an officer whose shift the list does not name, under that shift', () => {
    expect(shiftCover([o('x', 'Relief')], ['Day']).map((c) => c.shift)).toEqual(['Day', 'Relief'])
  })
})
