import { showValue } from '../../shared/text/bounded'
import { UsageError, type CliCommand, type FlagSpec, type FlagValues } from './command'

/**
 * Numbers in base ten only: an optional sign, digits with an optional fraction ('-121.76',
 * '.5', '5.'), and an optional exponent, because Python and JavaScript print coordinates near
 * zero that way (str(0.00001) is '1e-05'). JavaScript's Number() would also read '0x10' as 16,
 * '0b1' and '0o7', ' 12 ' and '' (as 0), so a typo or a value meant for another tool became a
 * different place without a word.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

function decimal(command: string, name: string, value: string): number {
  const n = DECIMAL.test(value) ? Number(value) : NaN
  // Finite too: '1e999' is written in base ten but is no coordinate.
  if (!Number.isFinite(n)) throw new UsageError(`${command}: --${name} must be a number, not '${showValue(value, 60)}' (decimal notation with a point, such as -121.76)`)
  return n
}

function flagUsage(name: string, spec: FlagSpec): string {
  const arg = spec.type === 'boolean' ? '' : ` ${spec.values ? spec.values.join('|') : (spec.arg ?? '<value>')}`
  return `--${name}${arg}`
}

/** `init --db <file> [--sample]`: required flags bare, optional ones in brackets. */
export function usageLines(cmd: CliCommand): string[] {
  return cmd.usages ?? [usageLine(cmd)]
}

export function usageLine(cmd: CliCommand): string {
  const parts = Object.entries(cmd.flags).map(([n, s]) => (s.required || s.requiredUnless ? flagUsage(n, s) : `[${flagUsage(n, s)}]`))
  return `npm run cli -- ${cmd.name} ${parts.join(' ')}`.trimEnd()
}

export function commandHelp(cmd: CliCommand): string {
  const rows = Object.entries(cmd.flags).map(([n, s]) => [flagUsage(n, s), s.help + (s.required ? ' (required)' : '')])
  const width = Math.max(0, ...rows.map((r) => r[0].length))
  return [`${cmd.summary}`, '', ...usageLines(cmd).map((l) => `  ${l}`), '', ...rows.map(([f, h]) => `    ${f.padEnd(width)}  ${h}`), ...(cmd.notes?.length ? ['', ...cmd.notes.map((l) => `  ${l}`)] : [])].join('\n')
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. Unknown flags, stray words,
 * repeated flags, missing values and missing required flags are usage errors naming the flag.
 */
export function parseFlags(cmd: CliCommand, argv: string[]): FlagValues {
  const out: FlagValues = {}
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]
    if (!word.startsWith('--') || word === '--') throw new UsageError(`${cmd.name}: unexpected argument '${word}'`)
    const eq = word.indexOf('=')
    const name = word.slice(2, eq < 0 ? undefined : eq)
    const spec = Object.hasOwn(cmd.flags, name) ? cmd.flags[name] : undefined
    if (!spec) throw new UsageError(`${cmd.name}: unknown flag --${name}`)
    if (out[name] !== undefined) throw new UsageError(`${cmd.name}: --${name} is given twice`)
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`${cmd.name}: --${name} takes no value`)
      out[name] = true
      continue
    }
    let value: string
    if (eq >= 0) value = word.slice(eq + 1)
    else {
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${cmd.name}: --${name} needs a value ${spec.arg ?? ''}`.trimEnd())
      value = next
      i++
    }
    if (value.trim() === '') throw new UsageError(`${cmd.name}: --${name} must not be empty`)
    if (spec.values && !spec.values.includes(value)) throw new UsageError(`${cmd.name}: --${name} must be one of ${spec.values.join(', ')}, not '${value}'`)
    if (spec.type === 'number') out[name] = decimal(cmd.name, name, value)
    else out[name] = value
  }
  for (const [name, spec] of Object.entries(cmd.flags)) {
    if ((spec.required || (spec.requiredUnless && out[spec.requiredUnless] === undefined)) && out[name] === undefined) throw new UsageError(`${cmd.name}: --${name} ${spec.arg ?? ''} is required`.replace(/\s+is/, ' is'))
  }
  return out
}

/** Typed access after parseFlags: the spec already guarantees the type. */
export const str = (f: FlagValues, name: string): string | undefined => f[name] as string | undefined
export const num = (f: FlagValues, name: string): number | undefined => f[name] as number | undefined
export const bool = (f: FlagValues, name: string): boolean => f[name] === true
