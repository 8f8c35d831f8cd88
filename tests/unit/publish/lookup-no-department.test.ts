import { describe, expect, it } from 'vitest'
import { describeAnswer } from '../../../src/main/cli/lookup'
import { NO_DEPARTMENT, SAMPLE_DEPARTMENT } from '../../../src/shared/publish/public-dataset'
import type { LookupAnswer } from '../../../src/shared/lookup/point-lookup'

const answer = (department: LookupAnswer['department']): LookupAnswer => ({
  neighborhood: { id: '0411', name: 'Beat 0411' },
  area: { id: '4', name: 'District 4' },
  officers: [],
  cover: { role: 'department', name: department.name, rank: '', email: '', phone: department.nonEmergencyPhone },
  commander: null,
  department,
})

describe('lookup on a plan whose department is not set', () => {
  it('says the contact is not set instead of leaving blanks', () => {
    expect(describeAnswer(answer(NO_DEPARTMENT)).slice(-2)).toEqual([
      'Area Commander: not assigned at present; contact the department non-emergency line, (not set yet)',
      'Emergencies: call 9-1-1; non-emergency (not set yet)',
    ])
    expect(describeAnswer(answer(SAMPLE_DEPARTMENT)).slice(-1)).toEqual(['Emergencies: call 9-1-1; non-emergency 925-371-4900'])
  })
})
