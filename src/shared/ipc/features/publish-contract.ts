import { z } from 'zod'
import type { FindingSummary } from '../../domain'
import type { LookupAnswer } from '../../lookup/point-lookup'
import type { PlanDiff } from '../../publish/plan-diff'

const none = z.undefined()

/** A calendar date YYYY-MM-DD that exists (no 2025-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number)
    const t = new Date(Date.UTC(y, m - 1, d))
    return y >= 1900 && y <= 2200 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
  }, 'date must be a real calendar date')

export const pathSchema = z.string().min(1).max(1000).refine((s) => !s.includes('\0'), 'path must not contain NUL')

/** 'draft' is the plan as stored now; a number is a published version. */
export const planRefSchema = z.union([z.literal('draft'), z.number().int().min(1).max(1_000_000)])
export type PlanRef = z.infer<typeof planRefSchema>

export const publishInputSchema = z.strictObject({
  effectiveDate: isoDateSchema,
  /** Folder for neighborhoods.geojson and areas.geojson (and index.html with publicPage). */
  outDir: pathSchema.optional(),
  publicPage: z.boolean().optional(),
  /** Administration only, when blocking findings exist. */
  overrideReason: z.string().trim().min(1).max(2000).optional(),
})
export type PublishInput = z.infer<typeof publishInputSchema>

const diffInput = z.strictObject({ from: planRefSchema, to: planRefSchema })

export const publishContract = {
  'publish:status': { input: none },
  'publish:run': { input: publishInputSchema },
  'publish:versions': { input: none },
  'publish:diff': { input: diffInput },
  'publish:diffCsv': { input: diffInput },
  'lookup:point': {
    input: z.strictObject({ lon: z.number().finite().min(-180).max(180), lat: z.number().finite().min(-90).max(90) }),
  },
  'lookup:addresses': { input: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }) },
  'lookup:importAddresses': { input: z.strictObject({ fileName: z.string().min(1).max(1000), text: z.string().max(50_000_000) }) },
  'lookup:addressCount': { input: none },
} as const

export interface VersionInfo {
  number: number
  effectiveDate: string
  publishedAt: string
  osUser: string
  /** 'admin' or 'commander:<areaId>' */
  profile: string
  overrideReason: string | null
  summary: FindingSummary
}

export interface PublishStatus {
  last: VersionInfo | null
  /** True when the stored plan differs from the last published version (or nothing was published). */
  draftChanged: boolean
  nextVersion: number
  summary: FindingSummary
  /** Null when the current profile may publish now; else why not (commanders cannot; nobody can before the department's name and phone are set). */
  whyNot: string | null
}

export interface PublishResult {
  version: VersionInfo
  /** Absolute paths of the files written, in write order. */
  written: string[]
  /** Backup taken before publishing, or null when the plan has no file to back up. */
  backupFile: string | null
}

export interface AddressMatch {
  address: string
  lon: number
  lat: number
}

export interface AddressImportResult {
  imported: number
  /** Rows that were not stored, with their line number in the file (header = line 1). */
  skipped: { line: number; message: string }[]
  columns: { address: string; lon: string; lat: string }
}

export interface PublishOutputs {
  'publish:status': PublishStatus
  'publish:run': PublishResult
  'publish:versions': VersionInfo[]
  'publish:diff': PlanDiff
  'publish:diffCsv': string
  'lookup:point': LookupAnswer | null
  'lookup:addresses': AddressMatch[]
  'lookup:importAddresses': AddressImportResult
  'lookup:addressCount': number
}
