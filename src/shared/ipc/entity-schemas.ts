import { z } from 'zod'
import { OFFICER_STATUSES } from '../domain'
import { describeUnsafeChar, firstUnsafeChar, wellFormed } from '../text/safe-text'
import { geometrySchema } from './geometry-schema'

/**
 * Text must be well-formed Unicode: SQLite would store a lone surrogate as replacement
 * characters, and the stored row would then never match what the renderer holds. Ids and names
 * also refuse control characters and bidirectional overrides: they are printed by the command
 * line and in messages, where an ESC sequence or a U+202E could forge a line of output.
 */
const WELL_FORMED = 'text contains a broken Unicode character'
export const printable = (what: string) => (s: string, ctx: z.RefinementCtx) => {
  const c = firstUnsafeChar(s)
  if (c && c.codePoint >= 0xd800 && c.codePoint <= 0xdfff) ctx.addIssue({ code: 'custom', message: WELL_FORMED })
  else if (c) ctx.addIssue({ code: 'custom', message: `${what} holds ${describeUnsafeChar(c)}; use printable text` })
}

export const idSchema = z.string().trim().min(1, 'id must not be empty').max(100, 'id is longer than 100 characters').superRefine(printable('id'))
const name = z.string().trim().min(1, 'name must not be empty').max(120, 'name is longer than 120 characters').superRefine(printable('name'))
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'color must look like #1a2b3c')
const text = (max: number) => z.string().max(max, `text is longer than ${max} characters`).refine(wellFormed, WELL_FORMED)
/** One-line fields (rank, phone, email…): lookup prints them and the public page shows them, so printable like a name. */
const line = (max: number) => z.string().max(max, `text is longer than ${max} characters`).superRefine(printable('text'))

export const citySchema = z.strictObject({ name, sample: z.boolean(), geometry: geometrySchema })

export const areaSchema = z.strictObject({
  id: idSchema,
  name,
  color,
  commanderId: idSchema.nullable(),
  geometry: geometrySchema,
})

export const neighborhoodSchema = z.strictObject({
  id: idSchema,
  areaId: idSchema,
  name,
  color: color.nullable(),
  geometry: geometrySchema,
})

export const officerPrivateSchema = z.strictObject({
  employeeId: line(60),
  badge: line(60),
  personalPhone: line(60),
  personalEmail: line(200),
  homeAddress: text(300),
  notes: text(4000),
})

export const officerSchema = z.strictObject({
  id: idSchema,
  displayName: name,
  rank: line(60),
  email: line(200),
  deskPhone: line(60),
  shift: line(60),
  status: z.enum(OFFICER_STATUSES),
  areaId: idSchema.nullable(),
  neighborhoodId: idSchema.nullable(),
  private: officerPrivateSchema,
})
