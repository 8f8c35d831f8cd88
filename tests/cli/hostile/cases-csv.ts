import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import type { HostileCase, HostileContext } from './hostile-case'

/** Roster CSV files sent to `roster`: shifted cells, mixed line endings, merged rows, huge cells and repeated ids. */

const HEADER = 'Name,Employee ID,Desk phone,Personal phone,Shift'

function roster(ctx: HostileContext, text: string, ...flags: string[]): string[] {
  const file = join(ctx.dir, 'roster.csv')
  writeFileSync(file, text)
  return ['roster', '--db', ctx.db, '--file', file, ...flags]
}

/** Officers as stored (public fields only), read without touching the plan. */
function storedOfficers(ctx: HostileContext): { id: string; desk_phone: string; shift: string }[] {
  const db = new Database(ctx.db, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT id, desk_phone, shift FROM officers ORDER BY id').all() as { id: string; desk_phone: string; shift: string }[]
  } finally {
    db.close()
  }
}

/** "Ortiz, Ben" unquoted: the personal cell number would shift into the public desk phone. */
const SHIFTED = [HEADER, 'Ann Lee,S-1,925 555 0100,925 555 0199,Days', 'Ortiz, Ben,S-2,925 555 0101,510 555 0142,Nights'].join('\n')

export const CASES: HostileCase[] = [
  {
    name: 'roster with a row of more cells than the header (a personal phone would land in the desk phone)',
    item: '17.8',
    build: (ctx) => roster(ctx, SHIFTED),
    exit: 2,
    message: /Nothing was imported from .*roster\.csv: 1 row has errors \(first: line 3: The row has 6 cells but the header has 5.*--skip-error-rows/,
  },
  {
    name: 'the same roster with --skip-error-rows stores the good row only and lists the skipped line',
    item: '17.8',
    build: (ctx) => roster(ctx, SHIFTED, '--skip-error-rows'),
    exit: 0,
    message: /1 added, 0 updated, 0 unchanged\. Undoable as one step[\s\S]*Skipped 1 row with errors: line 3 /,
    planUnchanged: false,
    after(ctx) {
      const officers = storedOfficers(ctx)
      expect(officers.some((o) => o.id === 'off-S-1')).toBe(true)
      expect(officers.some((o) => o.id === 'off-S-2')).toBe(false)
      expect(officers.some((o) => o.desk_phone.includes('510 555 0142'))).toBe(false)
    },
  },
  {
    name: 'roster mixing CRLF, LF and CR line endings: 4 rows in, 4 officers with their own shifts',
    item: '17.9',
    build: (ctx) => roster(ctx, `${HEADER}\r\nAnn Lee,M-1,,,Days\nBert Ono,M-2,,,Nights\r\nCy Young,M-3,,,Swing\rDee Park,M-4,,,Days\r\n`),
    exit: 0,
    message: '4 added, 0 updated, 0 unchanged',
    planUnchanged: false,
    after(ctx) {
      const shifts = Object.fromEntries(storedOfficers(ctx).map((o) => [o.id, o.shift]))
      expect([shifts['off-M-1'], shifts['off-M-2'], shifts['off-M-3'], shifts['off-M-4']]).toEqual(['Days', 'Nights', 'Swing', 'Days'])
    },
  },
  {
    name: 'roster whose shift cell holds a line break ("Days<LF>Bert") is refused naming line and column',
    item: '17.9',
    build: (ctx) => roster(ctx, `${HEADER}\nAnn Lee,B-1,,,"Days\nBert"\nCy Young,B-3,,,Swing\n`),
    exit: 2,
    message: /1 row has errors \(first: line 2, column "Shift": Shift holds a line break/,
  },
  {
    name: 'roster with a 5 MB email cell: the message quotes its head and length',
    item: '17.12',
    build: (ctx) => roster(ctx, `Name,Employee ID,Email\nAnn Lee,E-1,${'x'.repeat(5_000_000)}\n`),
    exit: 2,
    message: /line 2, column "Email": "x{200}… \(5,000,000 characters\)" is not an email address/,
  },
  {
    name: 'roster of 20,000 rows sharing one employee id: one bounded message, no crash',
    item: '17.12',
    build: (ctx) => roster(ctx, ['Name,Employee ID', ...Array.from({ length: 20_000 }, (_, i) => `Officer ${i},SAME-1`)].join('\n')),
    // Today's code lists every line in every row's message and runs out of memory: run it in its own process.
    spawn: true,
    exit: 2,
    message: /20,000 rows have errors \(first: line 2, column "Employee ID": Employee ID "SAME-1" appears on 20,000 rows \(lines 2, 3, .*, 21, … and 19,980 more\)\)/,
    timeoutMs: 60_000,
  },
]
