import type { Db } from '../connection'
import * as m0010 from './0010-init'
import * as m0020 from './0020-published-versions'
import * as m0030 from './0030-workload'
import * as m0040 from './0040-server-sync'
import * as m0050 from './0050-call-times'
import * as m0060 from './0060-reference-layers'

export interface Migration {
  version: number
  name: string
  up(db: Db): void
}

/** In order. The database's user_version is the version of the last one applied. */
export const MIGRATIONS: Migration[] = [
  { version: 10, name: 'init', up: m0010.up },
  { version: 20, name: 'published-versions', up: m0020.up },
  { version: 30, name: 'workload', up: m0030.up },
  { version: 40, name: 'server-sync', up: m0040.up },
  { version: 50, name: 'call-times', up: m0050.up },
  { version: 60, name: 'reference-layers', up: m0060.up },
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
