import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FINDING_KINDS } from '../../../src/shared/domain/finding'
import { FINDING_KIND_LABELS, findingCountsText, findingKindLabel } from '../../../src/shared/domain/finding-labels'
import { REPO_ROOT } from '../../helpers/services'

/**
 * What the window says, read from the source as a person would read the screen: the text of the
 * renderer's templates and every string literal (in the renderer, and in src/shared and src/main,
 * whose messages reach the window). Comments and identifiers are code, not words, and are skipped.
 */
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : []
  })
}

/** String literals of a piece of code ('…', "…", `…`), comments skipped. */
function literals(code: string): string[] {
  const out: string[] = []
  for (let i = 0; i < code.length; i++) {
    const c = code[i]
    if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) < 0 ? code.length : code.indexOf('\n', i)
    else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) < 0 ? code.length : code.indexOf('*/', i + 2) + 1
    else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1
      out.push(code.slice(i + 1, j))
      i = j
    }
  }
  return out
}

/** A .vue file's words: template text between tags, static title/placeholder/label attributes, and the literals of its expressions and script. */
function vueWords(src: string): { text: string[]; literals: string[] } {
  const open = src.indexOf('<template>')
  const close = src.lastIndexOf('</template>')
  const template = open < 0 ? '' : src.slice(open + 10, close).replace(/<!--[\s\S]*?-->/g, '')
  const script = src.replace(template, '')
  const text: string[] = []
  for (const m of template.matchAll(/>([^<]+)</g)) text.push(m[1].replace(/\{\{[\s\S]*?\}\}/g, ' '))
  for (const m of template.matchAll(/\s(?:title|placeholder|aria-label|label|alt)="([^"]*)"/g)) text.push(m[1])
  const expressions = [...template.matchAll(/\{\{([\s\S]*?)\}\}/g), ...template.matchAll(/\s(?::|v-bind:|v-if=|v-else-if=)[\w-]*="([^"]*)"/g)].map((m) => m[1])
  return { text, literals: [...literals(script), ...expressions.flatMap(literals)] }
}

const rel = (p: string) => relative(REPO_ROOT, p)
const renderer = files(join(REPO_ROOT, 'src', 'renderer', 'src'), /\.(vue|ts)$/).map((p) => {
  const src = readFileSync(p, 'utf8')
  return { path: rel(p), src, ...(p.endsWith('.vue') ? vueWords(src) : { text: [], literals: literals(src) }) }
})
const messages = [join(REPO_ROOT, 'src', 'shared'), join(REPO_ROOT, 'src', 'main')].flatMap((d) => files(d, /\.ts$/)).map((p) => ({ path: rel(p), literals: literals(readFileSync(p, 'utf8')) }))

/** Where British spellings are input, not output: column names accepted in a department's roster file. */
const SPELLING_INPUTS = new Set(['src/main/roster/roster-fields.ts'])

describe("the window's words", () => {
  it('spells in US English (neighbor, color, meter, center, gray) in everything the window or a message says', () => {
    const british = /neighbour|colour|\bmetres?\b|kilometre|\bcentre|licence|behaviour|favour|\bgrey|organis(e|ation)|analys(e|ing)\b|catalogue/i
    const found = [...renderer, ...messages]
      .filter((f) => !SPELLING_INPUTS.has(f.path))
      .flatMap((f) => [...('text' in f ? (f.text as string[]) : []), ...f.literals].filter((s) => british.test(s)).map((s) => `${f.path}: ${s.trim().slice(0, 80)}`))
    expect(found).toEqual([])
  })

  it('shows no finding-kind code: templates name kinds through the one label table', () => {
    const codes = FINDING_KINDS.filter((k) => k.includes('-'))
    const inText = renderer.flatMap((f) => f.text.filter((t) => codes.some((c) => t.includes(c))).map((t) => `${f.path}: ${t.trim()}`))
    expect(inText).toEqual([])
    // A kind printed as it is stored ({{ f.kind }}, `${k}` in a sentence) is the code on screen.
    const raw = renderer
      .filter((f) => /\{\{\s*[\w.?!]*\.kind\s*\}\}/.test(f.src) || f.literals.some((l) => /\$\{\s*(k|kind|f\.kind|finding\.kind)\s*\}/.test(l)))
      .map((f) => f.path)
    expect(raw).toEqual([])
    // The table covers every kind, in singular and plural.
    for (const k of FINDING_KINDS) expect(FINDING_KIND_LABELS[k].one).not.toMatch(/-/)
    expect(findingKindLabel('unassigned-neighborhood', 1)).toBe('Neighborhood without an officer')
    expect(findingCountsText({ 'unassigned-neighborhood': 1, 'area-gap': 2 })).toBe('1 neighborhood without an officer, 2 gaps between Area Commands')
  })

  it('writes no area unit of its own: every area is put into words by src/shared/units, one system per setting', () => {
    const found = renderer.flatMap((f) => [...f.text, ...f.literals].filter((s) => /\d\s*(k?m²|sq ft|sq mi|acres)/.test(s) || /\b(m²|km²)\b/.test(s.replace(/\s+/g, ' '))).map((s) => `${f.path}: ${s.trim()}`))
    expect(found).toEqual([])
  })

  it("writes a count with its noun through countOf ('1 call', '2 calls'), never a number before a fixed plural", () => {
    const plural = /(\$\{[^{}`]*\}|\}\})\s+(calls|officers|neighborhoods|rows|lines|shapes|errors|warnings|features|findings|changes|versions|layers|moves|notices|addresses|units|areas|slivers|repairs|records)\b/g
    // A branch taken only for more than one: 'These 3 officers are left without a neighborhood'.
    const onlyMany = /These \$\{[^{}]*\} officers/
    const found = renderer.flatMap((f) => [...f.src.matchAll(plural)].map((m) => f.src.slice(Math.max(0, m.index - 30), m.index + m[0].length)).filter((s) => !onlyMany.test(s)).map((s) => `${f.path}: ${s.trim()}`))
    expect(found).toEqual([])
  })

  it('writes dates through the one date module (the system locale), never toLocaleString on a Date of its own', () => {
    const found = renderer.filter((f) => /new Date\([^)]*\)\.toLocale(Date)?String\(/.test(f.src)).map((f) => f.path)
    expect(found).toEqual([])
  })
})
