import {
  closePath, lineTo, moveTo, PDFDocument, PDFOperator, PDFOperatorNames, popGraphicsState, pushGraphicsState, rgb,
  setFillingRgbColor, setLineJoin, setLineWidth, setStrokingRgbColor, StandardFonts, LineJoinStyle,
  type PDFFont, type PDFPage,
} from 'pdf-lib'
import type { AreaGeometry } from '../../shared/domain'
import { fitFrame, labelPoint, partsOf, scaleBar, type Box, type MapFrame } from './map-frame'
import { PAPER_SIZE, type Paper, type RollCallSheet } from './roll-call-sheet'

/**
 * The roll-call page, drawn with pdf-lib and the PDF standard fonts: vector shapes and real text
 * (pdftotext and screen readers get the names), no font files to find at run time, so the same
 * code runs in the command line and in the built app. Always exactly one page: a long list gets
 * a smaller type, then two columns, and only past that are lines left out (and counted).
 */

const MARGIN = 30
const INK = rgb(0.1, 0.12, 0.14)
const GREY = rgb(0.35, 0.38, 0.42)

interface Fonts {
  regular: PDFFont
  bold: PDFFont
  italic: PDFFont
  /** Code points the standard fonts' WinAnsi encoding can write. */
  charset: Set<number>
}

/** Letters with a stroke have no Unicode decomposition to a base letter. */
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' }

/**
 * The standard fonts write only WinAnsi (Latin-1 and a few more): an accented letter outside it
 * becomes its base letter ('ő' → 'o', 'Ł' → 'L'), anything else '?', rather than failing the whole page.
 */
function printable(text: string, f: Fonts): string {
  let out = ''
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    const cp = ch.codePointAt(0)!
    if (f.charset.has(cp)) out += ch
    else {
      const base = STROKED[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '')
      out += base && [...base].every((c) => f.charset.has(c.codePointAt(0)!)) ? base : '?'
    }
  }
  return out
}

/** The text cut with an ellipsis so it fits `maxW` points. */
function fitWidth(text: string, font: PDFFont, size: number, maxW: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxW) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (font.widthOfTextAtSize(`${chars.slice(0, mid).join('')}…`, size) <= maxW) lo = mid
    else hi = mid - 1
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`
}

function hexColor(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}

/** A light tint of the colour, so black labels stay readable on it and it prints on any printer. */
const tint = (c: [number, number, number], k = 0.55): [number, number, number] => c.map((v) => v + (1 - v) * k) as [number, number, number]

/** The outline of every part and hole as one path, filled even–odd so holes stay empty whatever their winding. */
function shape(page: PDFPage, g: AreaGeometry, frame: MapFrame, fill: [number, number, number] | null, stroke: [number, number, number], width: number): void {
  const ops: PDFOperator[] = [pushGraphicsState(), setLineWidth(width), setLineJoin(LineJoinStyle.Round), setStrokingRgbColor(...stroke)]
  if (fill) ops.push(setFillingRgbColor(...fill))
  for (const poly of partsOf(g))
    for (const ring of poly) {
      ring.forEach((c, i) => {
        const [x, y] = frame.toPage(c)
        ops.push(i === 0 ? moveTo(x, y) : lineTo(x, y))
      })
      ops.push(closePath())
    }
  ops.push(PDFOperator.of(fill ? PDFOperatorNames.FillEvenOddAndStroke : PDFOperatorNames.StrokePath), popGraphicsState())
  page.pushOperators(...ops)
}

function drawMap(page: PDFPage, sheet: RollCallSheet, box: Box, f: Fonts): void {
  page.drawRectangle({ x: box.x, y: box.y, width: box.w, height: box.h, borderColor: GREY, borderWidth: 0.75 })
  // Room at the bottom for the scale bar and at the top right for the north arrow.
  const frame = fitFrame([sheet.areaGeometry, ...sheet.neighborhoods.map((n) => n.geometry)], { x: box.x + 14, y: box.y + 36, w: box.w - 56, h: box.h - 50 })
  for (const n of sheet.neighborhoods) shape(page, n.geometry, frame, tint(hexColor(n.color)), [0.27, 0.29, 0.31], 0.6)
  shape(page, sheet.areaGeometry, frame, null, [0.07, 0.09, 0.11], 2.2)

  const size = sheet.neighborhoods.length > 25 ? 6 : 8
  for (const n of sheet.neighborhoods) {
    const at = labelPoint(n.geometry)
    if (!at) continue
    const [x, y] = frame.toPage(at)
    const text = fitWidth(printable(n.name, f), f.bold, size, box.w / 3)
    const w = f.bold.widthOfTextAtSize(text, size)
    page.drawRectangle({ x: x - w / 2 - 1.5, y: y - size * 0.3, width: w + 3, height: size * 1.05, color: rgb(1, 1, 1), opacity: 0.8 })
    page.drawText(text, { x: x - w / 2, y: y - size * 0.05, size, font: f.bold, color: INK })
  }

  // Scale bar: two halves, black and white, with the round length at its end.
  const bar = scaleBar(frame.ptPerM, box.w * 0.3, sheet.units)
  const bx = box.x + 14
  const by = box.y + 14
  page.drawRectangle({ x: bx, y: by, width: bar.pt / 2, height: 4, color: INK, borderColor: INK, borderWidth: 0.5 })
  page.drawRectangle({ x: bx + bar.pt / 2, y: by, width: bar.pt / 2, height: 4, color: rgb(1, 1, 1), borderColor: INK, borderWidth: 0.5 })
  page.drawText('0', { x: bx - 2, y: by + 7, size: 7, font: f.regular, color: INK })
  page.drawText(bar.label, { x: bx + bar.pt - f.regular.widthOfTextAtSize(bar.label, 7) / 2, y: by + 7, size: 7, font: f.regular, color: INK })

  // North arrow: the projection keeps north straight up.
  const ax = box.x + box.w - 22
  const ay = box.y + box.h - 40
  page.drawSvgPath('M 0 0 L 7 22 L 0 16 L -7 22 Z', { x: ax, y: ay + 22, color: INK, borderColor: INK, borderWidth: 0.5 })
  page.drawText('N', { x: ax - f.bold.widthOfTextAtSize('N', 10) / 2, y: ay + 26, size: 10, font: f.bold, color: INK })
}

interface Line {
  text: string
  font: 'regular' | 'bold' | 'italic'
  indent: number
  swatch?: [number, number, number]
  /** Extra space before it, in line heights. */
  gap: number
}

function listLines(sheet: RollCallSheet): Line[] {
  const lines: Line[] = [{ text: `Area Commander: ${sheet.commander}`, font: 'bold', indent: 0, gap: 0 }]
  for (const n of sheet.neighborhoods) {
    lines.push({ text: n.name, font: 'bold', indent: 0, swatch: tint(hexColor(n.color)), gap: 0.5 })
    if (n.officers.length === 0) lines.push({ text: 'no officer has adopted it yet', font: 'italic', indent: 1, gap: 0 })
    for (const o of n.officers) lines.push({ text: o, font: 'regular', indent: 1, gap: 0 })
  }
  if (sheet.notAdopting.length) {
    lines.push({ text: 'In this area, adopting no neighborhood yet', font: 'bold', indent: 0, gap: 0.5 })
    for (const o of sheet.notAdopting) lines.push({ text: o, font: 'regular', indent: 1, gap: 0 })
  }
  return lines
}

/** Splits the lines into `cols` columns of at most `height` points each, or null when they do not fit. */
function flow(lines: Line[], cols: number, lineH: number, height: number): Line[][] | null {
  const out: Line[][] = [[]]
  let used = 0
  for (const l of lines) {
    const gap = out[out.length - 1].length ? l.gap * lineH : 0
    if (used + gap + lineH > height) {
      if (out.length === cols) return null
      out.push([])
      used = 0
    }
    used += (out[out.length - 1].length ? l.gap * lineH : 0) + lineH
    out[out.length - 1].push(l)
  }
  return out
}

function drawList(page: PDFPage, sheet: RollCallSheet, box: Box, f: Fonts): void {
  let lines = listLines(sheet)
  let layout: { cols: Line[][]; size: number; n: number } | null = null
  const tries: [number, number][] = []
  for (let s = 10; s >= 7; s -= 0.5) tries.push([1, s])
  for (let s = 8.5; s >= 5; s -= 0.5) tries.push([2, s])
  for (const [n, size] of tries) {
    const cols = flow(lines, n, size * 1.3, box.h)
    if (cols) {
      layout = { cols, size, n }
      break
    }
  }
  if (!layout) {
    // More than fits at the smallest type in two columns: keep as many lines as fit and count the rest.
    const size = 5
    const all = lines
    const cut = (k: number): Line[] => [...all.slice(0, k), { text: `… and ${all.length - k} more lines not shown: see the plan in the app`, font: 'italic', indent: 0, gap: 0.5 }]
    let lo = 0
    let hi = all.length - 1
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (flow(cut(mid), 2, size * 1.3, box.h)) lo = mid
      else hi = mid - 1
    }
    lines = cut(lo)
    layout = { cols: flow(lines, 2, size * 1.3, box.h) ?? [lines.slice(0, 1)], size, n: 2 }
  }
  const { size } = layout
  const lineH = size * 1.3
  const colGap = 12
  const colW = (box.w - colGap * (layout.n - 1)) / layout.n
  layout.cols.forEach((col, ci) => {
    const x0 = box.x + ci * (colW + colGap)
    let y = box.y + box.h - size
    col.forEach((l, i) => {
      if (i > 0) y -= l.gap * lineH
      const font = f[l.font]
      const swatchW = l.swatch ? size + 3 : 0
      const x = x0 + l.indent * size * 1.2 + swatchW
      if (l.swatch) page.drawRectangle({ x: x0, y: y - size * 0.1, width: size, height: size * 0.85, color: rgb(...l.swatch), borderColor: GREY, borderWidth: 0.4 })
      page.drawText(fitWidth(printable(l.text, f), font, size, x0 + colW - x), { x, y, size, font, color: l.font === 'italic' ? GREY : INK })
      y -= lineH
    })
  })
}

/** The roll-call page as PDF bytes: one landscape page of the chosen paper. */
export async function renderRollCall(sheet: RollCallSheet, paper: Paper): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const [W, H] = PAPER_SIZE[paper]
  const page = doc.addPage([W, H])
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const f: Fonts = {
    regular,
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    charset: new Set(regular.getCharacterSet()),
  }
  const title = printable(sheet.title, f)
  doc.setTitle(title)
  doc.setCreator('Area Command Planner')
  doc.setProducer('Area Command Planner (pdf-lib)')

  page.drawText(fitWidth(title, f.bold, 16, W - 2 * MARGIN), { x: MARGIN, y: H - MARGIN - 14, size: 16, font: f.bold, color: INK })
  const sub = [sheet.department.trim(), sheet.planLine, `Printed ${sheet.printedOn}`].filter(Boolean).join('  ·  ')
  page.drawText(fitWidth(printable(sub, f), f.regular, 9, W - 2 * MARGIN), { x: MARGIN, y: H - MARGIN - 30, size: 9, font: f.regular, color: GREY })

  const top = H - MARGIN - 42
  const bottom = MARGIN + 12
  const mapW = (W - 2 * MARGIN) * 0.6
  drawMap(page, sheet, { x: MARGIN, y: bottom, w: mapW, h: top - bottom }, f)
  drawList(page, sheet, { x: MARGIN + mapW + 16, y: bottom, w: W - 2 * MARGIN - mapW - 16, h: top - bottom }, f)
  const foot = 'Area Policing does not replace 911: the closest available officer still answers emergencies.'
  page.drawText(printable(foot, f), { x: MARGIN, y: MARGIN - 4, size: 7, font: f.italic, color: GREY })
  return doc.save()
}
