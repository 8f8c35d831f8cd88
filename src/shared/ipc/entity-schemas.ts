import { z } from 'zod'
import { OFFICER_STATUSES } from '../domain'
import { geometrySchema } from './geometry-schema'

/**
 * Text must be well-formed Unicode: SQLite would store a lone surrogate as replacement
 * characters, and the stored row would then never match what the renderer holds.
 */
export const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
const WELL_FORMED = 'text contains a broken Unicode character'

export const idSchema = z.string().trim().min(1, 'id must not be empty').max(100, 'id is longer than 100 characters').refine(wellFormed, WELL_FORMED)
const name = z.string().trim().min(1, 'name must not be empty').max(120, 'name is longer than 120 characters').refine(wellFormed, WELL_FORMED)
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #1a2b3c')
const text = (max: number) => z.string().max(max, `text is longer than ${max} characters`).refine(wellFormed, WELL_FORMED)

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
  employeeId: text(60),
  badge: text(60),
  personalPhone: text(60),
  personalEmail: text(200),
  homeAddress: text(300),
  notes: text(4000),
})

export const officerSchema = z.strictObject({
  id: idSchema,
  displayName: name,
  rank: text(60),
  email: text(200),
  deskPhone: text(60),
  shift: text(60),
  status: z.enum(OFFICER_STATUSES),
  areaId: idSchema.nullable(),
  neighborhoodId: idSchema.nullable(),
  private: officerPrivateSchema,
})
