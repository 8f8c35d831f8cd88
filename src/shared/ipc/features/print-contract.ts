import { z } from 'zod'

/** The roll-call map of one Area Command as a one-page PDF, for the renderer to save. */
export interface RollCallPdf {
  bytes: Uint8Array
  /** A suggested file name: roll-call-<area id>-<date>.pdf. */
  fileName: string
}

export const printContract = {
  'print:rollCall': { input: z.strictObject({ areaId: z.string().min(1).max(200), paper: z.enum(['letter', 'a4']) }) },
} as const

export interface PrintOutputs {
  'print:rollCall': RollCallPdf
}
