import { describe, expect, it } from 'vitest'
import { validatePlan } from '../../../src/shared/geo/validate'
import { peopleFindings } from '../../../src/shared/geo/validate/people-checks'
import { cleanPlan, hood, officer, rect } from './fixtures'

describe('finding messages stay on one line', () => {
  it('a stored name with a line break and an ESC is quoted escaped', () => {
    const p = cleanPlan()
    p.officers = p.officers.filter((o) => o.neighborhoodId !== 'Vasco')
    p.neighborhoods = p.neighborhoods.map((n) => (n.id === 'Vasco' ? { ...n, name: 'Vasco\n  error    FAKE\u001b[2J' } : n))
    const messages = validatePlan(p).filter((f) => f.neighborhoodIds.includes('Vasco')).map((f) => f.message)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expect(m).not.toMatch(/[\n\u001b]/)
    expect(messages.join(' ')).toContain('Vasco\\u000a  error    FAKE\\u001b[2J')
  })
})

describe('finding messages stay short', () => {
  it('one employee id on 500 neighborhoods lists 20 of their names and counts the rest', () => {
    const p = cleanPlan()
    for (let i = 0; i < 500; i++) {
      p.neighborhoods.push(hood(`n${String(i).padStart(3, '0')}`, 'N', rect(i, 0, i + 1, 1)))
      p.officers.push(officer(`o${i}`, 'N', `n${String(i).padStart(3, '0')}`, 'E-1'))
    }
    const multi = peopleFindings(p, { sliverWidthM: 5, sliverAreaM2: 100, unassignedIsError: false }).filter((f) => f.kind === 'officer-multiple')
    expect(multi).toHaveLength(1)
    expect(multi[0].message).toBe(`Officer o0 adopts 500 neighborhoods (${Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(3, '0')}`).join(', ')}, … and 480 more); an officer adopts at most one`)
    expect(multi[0].neighborhoodIds).toHaveLength(500)
  })
})
