import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { inProcess, type CliRun } from '../spawn-cli'
import type { HostileCase, HostileContext } from './hostile-case'
import { featureCollection, put, square } from './baseline-fixtures'

/**
 * Issue 17 items 10, 11 and the non-CSV part of 12: text from a layer file or a stored plan that
 * could forge terminal output (ESC sequences, a bare CR, a right-to-left override), ids that are
 * not well-formed Unicode, and values or lists large enough to make a message megabytes long.
 * Ids are refused naming feature, field and character; names are cleaned on import; whatever a
 * command prints shows such characters as \uXXXX escapes; every message stays short.
 */

/** Any raw character a terminal would obey or reorder text by (the line feed aside). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

function printsNoRawControl(_: HostileContext, run: CliRun): void {
  expect(run.out.match(RAW_CONTROL), 'stdout holds a raw control character').toBeNull()
  expect(run.err.match(RAW_CONTROL), 'stderr holds a raw control character').toBeNull()
}

/** A one-feature layer near the sample city with these properties. */
const layer = (properties: Record<string, unknown>): object => featureCollection({ type: 'Polygon', coordinates: square(-121.95, 37.45) }, properties)

const addAreas = (ctx: HostileContext, file: string, ...more: string[]): string[] => [
  'import', '--db', ctx.db, '--layer', 'areas', '--file', file, '--id-field', 'ID', '--mode', 'add', ...more,
]
const addNeighborhoods = (ctx: HostileContext, file: string): string[] => [
  'import', '--db', ctx.db, '--layer', 'neighborhoods', '--file', file, '--id-field', 'ID', '--area-field', 'AREA', '--mode', 'add',
]

/** Stores `sql` in the plan as an older version (or another tool) could have written it, before the command runs. */
function storeRaw(ctx: HostileContext, sql: string, ...params: string[]): void {
  const db = new Database(ctx.db)
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

function storedName(ctx: HostileContext, table: 'areas' | 'city', id: string | number): string {
  const db = new Database(ctx.db, { readonly: true })
  try {
    return (db.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string }).name
  } finally {
    db.close()
  }
}

const TITLE = '\u001b]0;pwned\u0007'

const ITEM_10: HostileCase[] = [
  {
    name: 'a neighborhood id holding an ESC sequence that sets the terminal title is refused, naming feature, field and character',
    item: '17.10',
    build: (ctx) => addNeighborhoods(ctx, put(ctx.dir, 'beats.geojson', layer({ ID: `B1${TITLE}`, AREA: 'NE' }))),
    exit: 2,
    message: "beats.geojson: feature 0 has an id in field 'ID' holding a control character (U+001B) at character 3; ids may not hold control characters or bidirectional overrides",
    after: printsNoRawControl,
  },
  {
    name: 'the same refusal in a real process: stderr is one line with no raw ESC or BEL',
    item: '17.10',
    spawn: true,
    build: (ctx) => addNeighborhoods(ctx, put(ctx.dir, 'beats.geojson', layer({ ID: `B1${TITLE}`, AREA: 'NE' }))),
    exit: 2,
    message: 'holding a control character (U+001B) at character 3',
    after: printsNoRawControl,
  },
  {
    name: 'an area id with a bare CR that would overwrite the line on a terminal is refused',
    item: '17.10',
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas.geojson', layer({ ID: 'Z9\rerror  overlap: all clear' }))),
    exit: 2,
    message: "areas.geojson: feature 0 has an id in field 'ID' holding a control character (U+000D) at character 3",
    after: printsNoRawControl,
  },
  {
    name: 'an area id with a right-to-left override (U+202E) is refused',
    item: '17.10',
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas.geojson', layer({ ID: 'Z\u202E9fdp.exe' }))),
    exit: 2,
    message: "feature 0 has an id in field 'ID' holding a bidirectional control (U+202E) at character 2",
    after: printsNoRawControl,
  },
  {
    name: "a neighborhood's Area Command id holding an ESC sequence is refused, naming the area field",
    item: '17.10',
    build: (ctx) => addNeighborhoods(ctx, put(ctx.dir, 'beats.geojson', layer({ ID: 'B1', AREA: 'NE\u001b[2J' }))),
    exit: 2,
    message: "beats.geojson: feature 0 has a parent area id in field 'AREA' holding a control character (U+001B) at character 3",
    after: printsNoRawControl,
  },
  {
    name: 'an area name with ESC, CR and U+202E is imported cleaned, with a notice, and nothing raw is printed',
    item: '17.10',
    planUnchanged: false,
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas.geojson', layer({ ID: 'Z9', NAME: `East${TITLE}\r\u202Eside` })), '--name-field', 'NAME'),
    exit: 0,
    message: 'notice: areas.geojson: 1 name held control characters or bidirectional overrides; line breaks and tabs became spaces and the others were removed',
    after: (ctx, run) => {
      printsNoRawControl(ctx, run)
      expect(storedName(ctx, 'areas', 'Z9')).toBe('East]0;pwned side')
    },
  },
  {
    name: 'a layer file whose name holds a line break is reported on one line, so it cannot forge a notice',
    item: '17.10',
    planUnchanged: false,
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas\nnotice: all checks passed.geojson', layer({ ID: 'Z9' }))),
    exit: 0,
    message: 'Imported 1 Area Command from areas\\u000anotice: all checks passed.geojson (add): 1 added',
    after: (ctx, run) => {
      printsNoRawControl(ctx, run)
      expect(run.out.split('\n').filter((l) => l.startsWith('notice: all checks passed'))).toEqual([])
    },
  },
  {
    name: 'export to a file whose name holds a line break reports each written file on one line',
    item: '17.10',
    planUnchanged: false,
    build: (ctx) => ['export', '--db', ctx.db, '--out', `${ctx.dir}/public\nwrote all.geojson`, '--force'],
    exit: 0,
    message: 'public\\u000awrote all.geojson',
    after: (ctx, run) => {
      printsNoRawControl(ctx, run)
      expect(run.out.split('\n').filter((l) => l.startsWith('wrote all'))).toEqual([])
    },
  },
  {
    name: 'a city limit named with an ESC sequence is imported cleaned, and validate prints the clean name',
    item: '17.10',
    planUnchanged: false,
    build: (ctx) => ['import', '--db', ctx.db, '--layer', 'city', '--file', put(ctx.dir, 'city.geojson', layer({ NAME: `Liver${TITLE}more` })), '--name-field', 'NAME'],
    exit: 0,
    message: 'the city name held control characters or bidirectional overrides; they were removed',
    after: async (ctx, run) => {
      printsNoRawControl(ctx, run)
      expect(storedName(ctx, 'city', 1)).toBe('Liver]0;pwnedmore')
      const v = await inProcess('validate', '--db', ctx.db)
      expect(v.out).toContain('Plan: city limit Liver]0;pwnedmore,')
    },
  },
  {
    name: 'validate shows a stored city name with an ESC sequence and a bare CR as \\u escapes',
    item: '17.10',
    build: (ctx) => {
      storeRaw(ctx, 'UPDATE city SET name = ? WHERE id = 1', `Liver${TITLE}\rFAKE`)
      return ['validate', '--db', ctx.db]
    },
    exit: 0,
    message: 'Plan: city limit Liver\\u001b]0;pwned\\u0007\\u000dFAKE,',
    after: printsNoRawControl,
  },
  {
    name: 'validate keeps a stored city name with a line break inside the Plan line',
    item: '17.10',
    build: (ctx) => {
      storeRaw(ctx, 'UPDATE city SET name = ? WHERE id = 1', 'Livermore\n\nnothing blocks publishing')
      return ['validate', '--db', ctx.db]
    },
    exit: 0,
    message: 'Plan: city limit Livermore\\u000a\\u000anothing blocks publishing,',
    after: (_ctx, run) => expect(run.out.split('\n').filter((l) => l.startsWith('nothing blocks publishing'))).toEqual([]),
  },
  {
    name: 'lookup shows a stored neighborhood name with ESC, DEL, a C1 CSI and U+202E as \\u escapes',
    item: '17.10',
    build: (ctx) => {
      storeRaw(ctx, 'UPDATE neighborhoods SET name = ? WHERE id = ?', 'Mid\u001b[31m\u007f\u009b2J\u202Etown', 'NE-midtown')
      return ['lookup', '--db', ctx.db, '--lon', '-121.76', '--lat', '37.68']
    },
    exit: 0,
    message: 'Neighborhood: Mid\\u001b[31m\\u007f\\u009b2J\\u202etown (NE-midtown)',
    after: printsNoRawControl,
  },
  {
    name: 'lookup shows a stored neighborhood name with a line break on the one line it belongs to, so it cannot forge an Officers line',
    item: '17.10',
    build: (ctx) => {
      storeRaw(ctx, 'UPDATE neighborhoods SET name = ? WHERE id = ?', 'Midtown\nOfficers: nobody, call 555-0199', 'NE-midtown')
      return ['lookup', '--db', ctx.db, '--lon', '-121.76', '--lat', '37.68']
    },
    exit: 0,
    message: 'Neighborhood: Midtown\\u000aOfficers: nobody, call 555-0199 (NE-midtown)',
    after: (_ctx, run) => expect(run.out.split('\n').filter((l) => l.startsWith('Officers:'))).toHaveLength(1),
  },
  {
    name: 'lookup --json escapes DEL, C1 and U+202E too (JSON.stringify leaves them raw), and the JSON still reads back the stored name',
    item: '17.10',
    build: (ctx) => {
      storeRaw(ctx, 'UPDATE neighborhoods SET name = ? WHERE id = ?', 'Mid\u001b[31m\u007f\u009b2J\u202Etown', 'NE-midtown')
      return ['lookup', '--db', ctx.db, '--lon', '-121.76', '--lat', '37.68', '--json']
    },
    exit: 0,
    message: '"name": "Mid\\u001b[31m\\u007f\\u009b2J\\u202etown"',
    after: (ctx, run) => {
      printsNoRawControl(ctx, run)
      expect((JSON.parse(run.out) as { neighborhood: { name: string } }).neighborhood.name).toBe('Mid\u001b[31m\u007f\u009b2J\u202Etown')
    },
  },
  {
    name: 'an unknown command holding an ESC sequence is named escaped',
    item: '17.10',
    build: () => [`x${TITLE}`],
    exit: 2,
    message: "unknown command 'x\\u001b]0;pwned\\u0007'",
    after: printsNoRawControl,
  },
]

const ITEM_11: HostileCase[] = [
  {
    name: 'an area id that is a lone UTF-16 surrogate ("\\ud800" in the JSON) is refused as ill-formed Unicode',
    item: '17.11',
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas.geojson', JSON.stringify(layer({ ID: '\ud800' })))),
    exit: 2,
    message: "areas.geojson: feature 0 has an id in field 'ID' that is not well-formed Unicode: a lone UTF-16 surrogate (U+D800) at character 1",
    after: printsNoRawControl,
  },
  {
    name: "a neighborhood id ending in a lone low surrogate is refused the same way",
    item: '17.11',
    build: (ctx) => addNeighborhoods(ctx, put(ctx.dir, 'beats.geojson', JSON.stringify(layer({ ID: 'B7\udc00', AREA: 'NE' })))),
    exit: 2,
    message: "beats.geojson: feature 0 has an id in field 'ID' that is not well-formed Unicode: a lone UTF-16 surrogate (U+DC00) at character 3",
  },
]

const MB = 1024 * 1024

const ITEM_12: HostileCase[] = [
  {
    name: "a neighborhood's 5 MB Area Command id is quoted by its first 200 characters and its length",
    item: '17.12',
    build: (ctx) => addNeighborhoods(ctx, put(ctx.dir, 'beats.geojson', layer({ ID: 'B1', AREA: 'P'.repeat(5 * MB) }))),
    exit: 2,
    message: `beats.geojson: feature 0 (id B1): parent area '${'P'.repeat(200)}… (5,242,880 characters)' matches no Area Command`,
  },
  {
    name: 'a 2 MB array where the id belongs is shown cut, with its length',
    item: '17.12',
    build: (ctx) => addAreas(ctx, put(ctx.dir, 'areas.geojson', layer({ ID: new Array(MB).fill(0) }))),
    exit: 2,
    message: /^areas\.geojson: feature 0 has the value \[0,0,0[0,]*… \(2,097,153 characters\), which is not an id in the id field 'ID'$/,
  },
  {
    name: 'a layer with 200,000 property names lists 20 of them and counts the rest when the id field is missing',
    item: '17.12',
    build: (ctx) => {
      const props: Record<string, number> = {}
      for (let i = 0; i < 200_000; i++) props[`FIELD_${i}`] = i
      return addAreas(ctx, put(ctx.dir, 'wide.geojson', layer(props)))
    },
    exit: 2,
    message: /^wide\.geojson has no field 'ID'; fields are: FIELD_0, FIELD_1, .*, FIELD_19, … and 199,980 more$/,
  },
  {
    name: 'a 1 MB unknown command name is quoted by its first 60 characters',
    item: '17.12',
    build: () => ['c'.repeat(MB)],
    exit: 2,
    message: `unknown command '${'c'.repeat(60)}… (1,048,576 characters)'; commands are: init, import`,
  },
  {
    name: 'a 1 MB --id-field is quoted short in the refusal',
    item: '17.12',
    build: (ctx) => ['import', '--db', ctx.db, '--layer', 'areas', '--file', put(ctx.dir, 'areas.geojson', layer({ ID: 'Z9' })), '--id-field', 'F'.repeat(MB), '--mode', 'add'],
    exit: 2,
    message: `areas.geojson has no field '${'F'.repeat(200)}… (1,048,576 characters)'; fields are: ID`,
  },
  {
    name: 'a 1 MB --mode value is cut out of the middle of the one-line refusal, which keeps its start and its pointer to --help',
    item: '17.12',
    build: (ctx) => ['import', '--db', ctx.db, '--layer', 'areas', '--file', 'areas.geojson', '--id-field', 'ID', '--mode', 'm'.repeat(MB)],
    exit: 2,
    message: /^import: --mode must be one of replace, add, not 'm+.* Run: npm run cli -- import --help$/,
  },
]

export const CASES: HostileCase[] = [...ITEM_10, ...ITEM_11, ...ITEM_12]
