import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { profileKey, stableStringify, type ChangeSet, type PlanState } from '../../shared/domain'
import { summarize } from '../../shared/geo/validate'
import type { PlanRef, PublishInput, PublishResult, PublishStatus, VersionInfo } from '../../shared/ipc/features/publish-contract'
import { diffPlans, diffToCsv, type PlanDiff } from '../../shared/publish/plan-diff'
import { buildPublicDataset, missingDepartmentFields, NO_DEPARTMENT, type DepartmentContact, type PublishMeta } from '../../shared/publish/public-dataset'
import { DEFAULT_VACANCY_FALLBACK, type VacancyFallback } from '../../shared/domain/vacancy'
import type { Repos } from '../db/repos'
import { storedVersion, type StoredVersion, type VersionRow } from '../db/repos/version-repo'
import { buildPublicSite } from '../public-site/build-site'
import { siteExtras } from '../public-site/site-extras'
import type { Actor } from './actor'
import { AppError } from './app-error'
import { formatFor, type PublicLayers } from '../export/formats'
import { checkOutputPaths, type ProtectedFiles } from './output-guard'
import { NODE_FS, writeFilesTogether, type PublicationFs } from './publication-files'
import { fingerprintOf, PlanFingerprint } from './plan-fingerprint'
import type { PlanService } from './plan-service'
import type { ValidationService } from './validation-service'

export interface PublishOptions extends PublishInput {
  /** CLI export: the neighborhoods file; the areas file goes beside it as `<name>.areas.geojson`. */
  outFile?: string
}

/**
 * Where versions are numbered and recorded when the plan is shared (a department server): the
 * desk publishes only the number it gives, and only once it has stored the version.
 */
export interface VersionAuthority {
  /** The number the next version gets; refuses (AppError) when this desk cannot publish now. */
  nextNumber(): Promise<number>
  /** Records the version with its audit entry; refused when someone published that number first. */
  record(v: Omit<StoredVersion, 'auditSeq'>, entry: { label: string; action: string }): Promise<void>
  /** The local audit row of a version `record` stored: it is not sent again. */
  recorded(auditSeq: number): void
}

/** Takes a backup of the plan before a publish; returns its file, or null when there is nothing to back up. */
export type BackupBeforePublish = () => Promise<string | null>

export function planHash(plan: PlanState): string {
  return createHash('sha256').update(stableStringify(plan)).digest('hex')
}

function toInfo(v: VersionRow): VersionInfo {
  return {
    number: v.number, effectiveDate: v.effectiveDate, publishedAt: v.publishedAt, osUser: v.osUser, profile: v.profile,
    overrideReason: v.overrideReason, summary: v.summary,
  }
}

function checkPath(p: string, what: string): string {
  if (!isAbsolute(p)) throw new AppError('bad-path', `The ${what} must be a full path (it was "${p}").`)
  return resolve(p)
}

/**
 * Publishing: the validator decides, Administration may override with a reason, and each
 * publish becomes an immutable version holding the plan and the exact bytes residents get.
 */
export class PublishService {
  /** The draft's fingerprint, and the last published version's (read once per version). */
  private readonly draft: PlanFingerprint
  private published: { number: number; fingerprint: bigint } | null = null
  private authority: VersionAuthority | null = null
  constructor(
    private readonly repos: Repos,
    private readonly plans: PlanService,
    private readonly validation: ValidationService,
    private readonly backup: BackupBeforePublish | null = null,
    private readonly now: () => Date = () => new Date(),
    private readonly department: () => DepartmentContact = () => NO_DEPARTMENT,
    /** The plan and its backups, which no output may overwrite; null for a plan in memory. */
    private readonly protect: ProtectedFiles | null = null,
    private readonly fsx: PublicationFs = NODE_FS,
    /** Who covers a neighborhood without an active officer on the public map (the department's setting). */
    private readonly vacancy: () => VacancyFallback = () => DEFAULT_VACANCY_FALLBACK,
  ) {
    this.draft = new PlanFingerprint(plans, () => repos.audit.history(1)[0]?.seq ?? 0, () => repos.db.pragma('data_version', { simple: true }) as number)
  }

  /** Versions are numbered and recorded by `authority` (a department server) from now on; null: by this plan alone. */
  useAuthority(authority: VersionAuthority | null): void {
    this.authority = authority
  }

  /** Step `seq` stored `cs` right after step `prevSeq`: the draft's fingerprint follows it without reading the plan. */
  followed(prevSeq: number, seq: number, cs: ChangeSet): void {
    this.draft.followed(prevSeq, seq, cs)
  }

  /** Whether the stored plan differs from the last published version, without hashing the whole plan after every edit. */
  private draftChanged(last: VersionRow): boolean {
    if (this.published?.number !== last.number) {
      const snapshot = this.repos.versions.snapshot(last.number)
      this.published = { number: last.number, fingerprint: snapshot ? fingerprintOf(snapshot) : -1n }
    }
    return this.published.fingerprint !== this.draft.current()
  }

  whyNot(actor: Actor): string | null {
    return actor.profile.role === 'admin' ? null : 'Only Administration can publish the plan; Area Commanders can review it and the diff.'
  }

  /**
   * Why nothing can be published yet, whatever the findings and any override: the public map
   * would carry no department to call. Null once the name and non-emergency phone are set.
   */
  departmentMissing(): string | null {
    const missing = missingDepartmentFields(this.department())
    if (!missing.length) return null
    const what = missing.map((f) => f.label).join(' and ')
    return `Nothing can be published until Administration sets ${what} under Settings: the public map gives them to residents.`
  }

  status(actor: Actor): PublishStatus {
    const last = this.repos.versions.latest()
    return {
      last: last ? toInfo(last) : null,
      draftChanged: !last || this.draftChanged(last),
      nextVersion: (last?.number ?? 0) + 1,
      summary: this.validation.summary(),
      whyNot: this.whyNot(actor) ?? this.departmentMissing(),
    }
  }

  versions(): VersionInfo[] {
    return this.repos.versions.list().map(toInfo)
  }

  /** The exact bytes of a published version's files. */
  files(number: number): { neighborhoods: Buffer; areas: Buffer } {
    const f = this.repos.versions.files(number)
    if (!f) throw new AppError('unknown-version', `There is no published version ${number}.`)
    return f
  }

  async publish(opts: PublishOptions, actor: Actor): Promise<PublishResult> {
    const why = this.whyNot(actor)
    if (why) throw new AppError('forbidden', why)
    // Before the findings: an override reason publishes over findings, never without a department.
    const noDepartment = this.departmentMissing()
    if (noDepartment) throw new AppError('department-missing', noDepartment, { missing: missingDepartmentFields(this.department()).map((f) => f.key) })
    const findings = this.validation.findings()
    const summary = summarize(findings)
    const reason = opts.overrideReason?.trim() || null
    if (summary.blocking && !reason) {
      const kinds = Object.entries(summary.byKind).map(([k, n]) => `${n} ${k}`).join(', ')
      throw new AppError('blocked', `Publishing is blocked by ${summary.errors} error${summary.errors === 1 ? '' : 's'} (${kinds}). Fix them, or give a reason to publish anyway.`, { summary })
    }
    const targets = this.targets(opts)
    checkOutputPaths(targets.map((t) => t.path), this.protect)
    const backupFile = this.backup ? await this.backup() : null

    const plan = this.plans.load()
    const number = this.authority ? await this.authority.nextNumber() : (this.repos.versions.latest()?.number ?? 0) + 1
    const meta: PublishMeta = { version: number, effectiveDate: opts.effectiveDate, department: this.department(), vacancy: this.vacancy() }
    let dataset: { neighborhoods: string; areas: string }
    try {
      dataset = buildPublicDataset(plan, meta)
    } catch (e) {
      throw new AppError('cannot-publish', `The plan cannot be published: ${(e as Error).message}`)
    }
    // The page carries the address points (for its address search) and the background map, if any.
    const site = opts.publicPage ? buildPublicSite(dataset, meta, siteExtras(this.repos)) : null
    const at = this.now().toISOString()
    const key = profileKey(actor.profile)
    // Only the override is worth a blocking-findings note; a reason given when nothing blocks is not an override.
    const overrideReason = summary.blocking ? reason : null
    const label = `Published version ${number} (effective ${opts.effectiveDate})${overrideReason ? ` over ${summary.errors} blocking finding${summary.errors === 1 ? '' : 's'}; override reason: ${overrideReason}` : ''}`
    // Every file of the version is complete on disk under a temporary name before any target
    // is replaced; they are moved into place inside the transaction, and put back if it fails.
    for (const folder of new Set(targets.map((t) => dirname(t.path)))) {
      try {
        mkdirSync(folder, { recursive: true })
      } catch (e) {
        throw new AppError('write-failed', `Could not create the folder ${folder}: ${(e as Error).message}. Nothing was published.`)
      }
    }
    let files: { path: string; data: string | Uint8Array }[]
    try {
      const page = site?.['index.html'] ?? ''
      files = targets.map((t) => ({ path: t.path, data: t.content(dataset, meta, page) }))
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('cannot-publish', `The plan cannot be exported: ${(e as Error).message}`)
    }
    const action = overrideReason ? 'publish-override' : 'publish'
    const version = storedVersion({
      number, effectiveDate: opts.effectiveDate, publishedAt: at, osUser: actor.osUser, profile: key, overrideReason, summary,
      planHash: planHash(plan), planSnapshot: plan, neighborhoodsGeojson: dataset.neighborhoods, areasGeojson: dataset.areas, auditSeq: null,
    })
    // Shared plan: the server stores the version first (or refuses it) and nothing is written here before it has.
    if (this.authority) await this.authority.record(version, { label, action })
    let auditSeq = 0
    writeFilesTogether(
      files,
      (commit) =>
        this.repos.db.transaction(() => {
          auditSeq = this.repos.audit.insert({
            at, osUser: actor.osUser, profile: key, action, label,
            changeSet: { label, ops: [] }, inverse: { label, ops: [] }, state: null,
          })
          this.repos.versions.insertStored({ ...version, auditSeq })
          commit()
        })(),
      this.fsx,
    )
    this.authority?.recorded(auditSeq)
    const written = targets.map((t) => t.path)
    return { version: toInfo(this.repos.versions.get(number)!), written, backupFile }
  }

  /** Every file this publish writes, in order, with how to make its content from the dataset. */
  private targets(opts: PublishOptions): { path: string; content: (d: PublicLayers, meta: PublishMeta, page: string) => string | Uint8Array }[] {
    const out: { path: string; content: (d: PublicLayers, meta: PublishMeta, page: string) => string | Uint8Array }[] = []
    if (opts.outFile) {
      const file = checkPath(opts.outFile, 'output file')
      // The name as typed first: "this is your plan" says more than "no format has that ending".
      checkOutputPaths([file], this.protect)
      const format = formatFor(file)
      format.paths(file).forEach((path, i) => out.push({ path, content: (d, meta) => format.render(d, meta)[i] }))
    }
    if (opts.outDir) {
      const dir = checkPath(opts.outDir, 'output folder')
      out.push({ path: join(dir, 'neighborhoods.geojson'), content: (d) => d.neighborhoods }, { path: join(dir, 'areas.geojson'), content: (d) => d.areas })
      if (opts.publicPage) out.push({ path: join(dir, 'index.html'), content: (_d, _m, page) => page })
    } else if (opts.publicPage) {
      throw new AppError('bad-path', 'The public page needs an output folder.')
    }
    return out
  }

  planAt(ref: PlanRef): PlanState {
    if (ref === 'draft') return this.plans.load()
    const p = this.repos.versions.snapshot(ref)
    if (!p) throw new AppError('unknown-version', `There is no published version ${ref}.`)
    return p
  }

  diff(from: PlanRef, to: PlanRef): PlanDiff {
    try {
      return diffPlans(this.planAt(from), this.planAt(to))
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('diff-failed', `Cannot compare ${from === 'draft' ? 'the draft' : `version ${from}`} with ${to === 'draft' ? 'the draft' : `version ${to}`}: ${(e as Error).message}`)
    }
  }

  diffCsv(from: PlanRef, to: PlanRef): string {
    return diffToCsv(this.diff(from, to))
  }
}
