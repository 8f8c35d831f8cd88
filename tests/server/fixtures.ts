import type pg from 'pg'
import { storeChangeSet } from '../../src/main/server/repos/change-log-repo'
import { planAsAdds } from '../../src/main/server/plan-adds'
import { readSampleCity } from '../../src/main/services/seed-service'
import { invertChangeSet } from '../../src/shared/domain'
import { SAMPLE_DIR } from '../helpers/services'

/** Stores the bundled sample city (areas NE, NW, S) on an empty server, as its owner. */
export async function storeSampleCity(owner: pg.Client): Promise<void> {
  const cs = planAsAdds(readSampleCity(SAMPLE_DIR), 'Load the sample city')
  await storeChangeSet(owner, { changeSet: cs, inverse: invertChangeSet(cs), action: 'import', profile: 'admin', osUser: 'tester', clientId: null, clientSeq: null })
}
