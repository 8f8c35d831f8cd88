import type { ChangeSet, Finding } from '../../shared/domain'
import type { ViewName, ViewsUpdate } from '../../shared/ipc/write-result'
import type { Actor } from './actor'
import type { RepairService } from './repair-service'
import type { StaffingService } from './staffing-service'

/** A write that changes what the staffing balance counts: officers, areas, a neighborhood added, removed or moved to another area. A reshape within an area changes none of it. */
export function changesStaffingCounts(cs: ChangeSet): boolean {
  return cs.ops.some((op) => op.entity !== 'neighborhood' || !op.before || !op.after || op.before.areaId !== op.after.areaId)
}

/** A write that can move a shift's load: any change to neighborhoods, areas or officers (calls are located in neighborhoods). */
export function changesShiftLoads(cs: ChangeSet): boolean {
  return cs.ops.some((op) => op.entity === 'neighborhood' || op.entity === 'area' || op.entity === 'officer')
}

/**
 * The figures the window shows beside the plan that a write can change (the staffing balance,
 * workload by shift, the fixes offered for the finding in view). Reading one (staffing:summary,
 * staffing:byShift, repair:options) marks it shown, with the parameters asked; closing it
 * (views:hide) unmarks it. After a write, `after` works out again only what is shown and what
 * the write changed, so the answer carries it and the window asks nothing again. Nothing shown,
 * nothing computed: an edit with the staffing tab closed reads no whole plan for it.
 */
export class FollowedViews {
  private staffing: { tolerance: number | undefined } | null = null
  private byShift: { tolerance: number | undefined; quarter: string | null; shift: string | null } | null = null
  private repairFor: string | null = null

  constructor(
    private readonly staffingService: StaffingService,
    private readonly repairs: RepairService,
  ) {}

  showStaffing(tolerance: number | undefined): void {
    this.staffing = { tolerance }
  }

  showByShift(tolerance: number | undefined, quarter: string | null, shift: string | null): void {
    this.byShift = { tolerance, quarter, shift }
  }

  showRepairOptions(findingId: string): void {
    this.repairFor = findingId
  }

  hide(view: ViewName): void {
    if (view === 'staffing') this.staffing = null
    else if (view === 'byShift') this.byShift = null
    else this.repairFor = null
  }

  /**
   * What a write changed among the shown views. `findings.list` is the findings list after the
   * write, `findings.changed` the findings it added or changed (null: the whole list was sent
   * afresh, any may have changed).
   */
  after(actor: Actor, cs: ChangeSet, findings: { list: readonly Finding[]; changed: readonly Finding[] | null }): ViewsUpdate | undefined {
    const out: ViewsUpdate = {}
    // The write is stored whatever happens here: a view that cannot be worked out is left out, not turned into a refusal.
    const attempt = (run: () => void) => {
      try {
        run()
      } catch {
        // Left as the window has it; the view says why when it is next read.
      }
    }
    const s = this.staffing
    if (s && changesStaffingCounts(cs)) attempt(() => (out.staffing = this.staffingService.summary(s.tolerance)))
    const p = this.byShift
    if (p && changesShiftLoads(cs)) attempt(() => (out.byShift = this.staffingService.byShift(p.tolerance, p.quarter, p.shift)))
    const id = this.repairFor
    if (id && !findings.list.some((f) => f.id === id)) {
      // The write fixed the finding: its picker leaves the window with it, nothing to list.
      this.repairFor = null
    } else if (id && (findings.changed === null || findings.changed.some((f) => f.id === id))) {
      // Fixes depend on the plan around the finding: listed again when the write changed the finding itself.
      attempt(() => (out.repairOptions = { findingId: id, options: this.repairs.options(id, actor) }))
    }
    return Object.keys(out).length ? out : undefined
  }
}
