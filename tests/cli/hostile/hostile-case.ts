import type { CliRun } from '../spawn-cli'

/** What a case's builder gets: a fresh folder of its own holding `db`, a copy of the sample-city plan. */
export interface HostileContext {
  dir: string
  /** `<dir>/plan.sqlite`, the sample city as `init --sample` made it. */
  db: string
}

/**
 * One hostile or unlucky input to the command line, as a row of a table: how to build it, which
 * command it goes to, and what a user must see. The runner (hostile-input.test.ts) checks the
 * exit code, the message, and that the plan is unchanged (quick_check and every table's rows);
 * files named in `unchanged` must also keep their bytes.
 */
export interface HostileCase {
  /** What a user did, e.g. "export onto the plan file itself". */
  name: string
  /** Issue item it guards (e.g. '17.1') or 'baseline' for cases that already passed before it. */
  item: string
  /** Builds the input files in ctx.dir and returns the argv after `npm run cli --`. */
  build(ctx: HostileContext): string[] | Promise<string[]>
  exit: 0 | 1 | 2
  /** Expected in stderr (exit 2) or stdout (exit 0/1). */
  message: string | RegExp
  /** Run the real CLI in its own process (needed where the old code hangs or kills the process). Default: in-process. */
  spawn?: boolean
  /** Default true: the sample plan's rows and integrity are as before. False where the command is meant to change it. */
  planUnchanged?: boolean
  /** Files (relative to ctx.dir) whose bytes must be identical before and after. */
  unchanged?: string[]
  /** Extra checks after the run, for what a user would notice besides the message. */
  after?(ctx: HostileContext, run: CliRun): void | Promise<void>
  /** Longest the case may take (ms); default 30 s. */
  timeoutMs?: number
}
