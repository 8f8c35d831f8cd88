import { z } from 'zod'
import type { ImportPreview, ImportResult } from './import-outputs'
import type { WriteResult } from '../write-result'

export type * from './import-outputs'

/** The same limit the parser applies to files read from disk (100 MiB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

const field = z.string().trim().min(1, 'a field name must not be empty').max(200, 'a field name is longer than 200 characters')

export const importFileSchema = z.strictObject({
  name: z.string().trim().min(1, 'the file name must not be empty').max(255, 'the file name is longer than 255 characters'),
  bytes: z
    .instanceof(Uint8Array, { message: 'the file content must be bytes (a Uint8Array)' })
    .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { message: `the file is larger than the import limit of ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }),
})

const mappingShape = {
  file: importFileSchema,
  layer: z.enum(['areas', 'neighborhoods', 'city']),
  idField: field.optional(),
  nameField: field.optional(),
  areaField: field.optional(),
  crs: z.string().trim().min(1).max(10_000, 'the coordinate system text is longer than 10,000 characters').optional(),
  gpkgLayer: z.string().min(1, 'the GeoPackage layer name must not be empty').max(1000, 'the GeoPackage layer name is longer than 1,000 characters').optional(),
}

export const importPreviewInput = z.strictObject(mappingShape)
export const importApplyInput = z.strictObject({ ...mappingShape, mode: z.enum(['replace', 'add']) })

export const importContract = {
  'import:preview': { input: importPreviewInput },
  'import:apply': { input: importApplyInput },
  'import:cancel': { input: z.undefined() },
} as const

export interface ImportOutputs {
  'import:preview': ImportPreview
  'import:apply': ImportResult & { write: WriteResult }
  /** How many previews or imports were stopped (0: none was running, or it was already writing its rows). */
  'import:cancel': { cancelled: number }
}
