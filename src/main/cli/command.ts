/**
 * The shape of one CLI command. A command is a file in src/main/cli/ exporting a CliCommand,
 * plus one line in the table in src/main/cli.ts. Exit codes are a contract scripts rely on:
 * 0 done / nothing blocks publishing, 1 blocking findings or "not found", 2 usage or input error
 * (one line on stderr, database unchanged).
 */
export const EXIT = { ok: 0, blocked: 1, usage: 2 } as const

export type FlagType = 'string' | 'boolean' | 'number'

export interface FlagSpec {
  type: FlagType
  required?: boolean
  /** Required unless this other flag is given (`--db` unless `--server`); usage shows it as required. */
  requiredUnless?: string
  /** Allowed values of a string flag. */
  values?: readonly string[]
  /** Placeholder shown in usage, e.g. '<file>'. */
  arg?: string
  help: string
}

export type FlagValues = Record<string, string | number | boolean | undefined>

export interface CliIo {
  /** One line (or block) to stdout. */
  out(text: string): void
  /** One line to stderr. */
  err(text: string): void
}

export interface CliCommand {
  name: string
  /** One line for the command list. */
  summary: string
  flags: Record<string, FlagSpec>
  /** Usage lines to show instead of the one generated from `flags`, for commands with several forms. */
  usages?: string[]
  /** Extra lines shown under the flags in `<command> --help`. */
  notes?: string[]
  run(flags: FlagValues, io: CliIo): Promise<number>
}

/** Wrong flags or arguments: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Bad input that is not a usage mistake (missing file, damaged database, refused import): exit 2, no usage hint. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}
