import { boundLine } from '../../shared/text/bounded'
import { safeText } from '../../shared/text/safe-text'
import type { CliIo } from './command'

/** Longest stderr line; messages bound their own values, this is the backstop for anything they missed. */
const MAX_ERROR_LINE = 1500

/**
 * What every command prints goes through here, so no stored name, id or file value can put a
 * raw control character or bidirectional override on the user's terminal (an ESC sequence that
 * recolours it or sets its title, a bare CR that overwrites a finding line). Such characters are
 * written as `\uXXXX`: readable in text, and in `--json` output (where they can only sit inside
 * strings, as JSON.stringify escapes C0 itself) a valid JSON escape of the same character.
 * stderr is kept to one bounded line, the contract scripts rely on.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(safeText(text)),
    err: (text) => io.err(boundLine(safeText(text.replace(/\s*\n\s*/g, ' ')), MAX_ERROR_LINE)),
  }
}
