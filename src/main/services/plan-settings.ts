/**
 * Which settings belong to the plan and which to one desk (docs/department-server.md).
 * The plan's are the same for everyone who edits it: on a department server they are kept on the
 * server, changed only by Administration, and every desk follows them. A desk's own (the background
 * map, a tile file, the profile picked on this computer, window state, the server connection
 * itself) stay in that desk's file.
 */
export const PLAN_SETTING_KEYS = ['tolerances', 'department', 'vacancyFallback', 'units', 'shifts'] as const
export type PlanSettingKey = (typeof PLAN_SETTING_KEYS)[number]

const PLAN_KEYS: ReadonlySet<string> = new Set(PLAN_SETTING_KEYS)

export const isPlanSetting = (key: string): key is PlanSettingKey => PLAN_KEYS.has(key)

/** The plan's settings among stored ones (a file's whole settings table, say). */
export function planSettingsOf(all: Record<string, unknown>): Partial<Record<PlanSettingKey, unknown>> {
  return Object.fromEntries(Object.entries(all).filter(([k]) => isPlanSetting(k)))
}

/** What a change of plan settings is called in the audit log and on the server's change log. */
export const SETTING_WORDS: Record<PlanSettingKey, string> = {
  tolerances: 'plan-check tolerances',
  department: 'department contact',
  vacancyFallback: 'vacancy cover',
  units: 'units',
  shifts: 'shifts',
}
