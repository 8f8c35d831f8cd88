import { isAscii } from 'node:buffer'
import { readFileSync } from 'node:fs'

/**
 * A text file as readFileSync(file, 'utf8') gives it, faster for the usual all-ASCII CSV: ASCII
 * bytes read as Latin-1 are the same characters, and that decoding is a plain copy.
 */
export function readTextFile(file: string): string {
  const bytes = readFileSync(file)
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
}
